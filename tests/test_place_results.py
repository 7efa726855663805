"""sciencecity.presentation.place_results: the results of book/01_place, by glue key.

Every key the chapter's Markdown cites is produced; each value prints as the committed notebook's
glued output; the numbers equal direct computations from data/ and the boundaries; the chart
data files are the committed ones.
"""

from __future__ import annotations

import math

import pytest
from IPython.display import HTML, Image, Markdown

from sciencecity.analysis import geo
from sciencecity.presentation import place_results
from sciencecity.reading import paths
from tests.glued_outputs import assert_as_in_book, assert_prints_as_committed, cited_keys, merged

NOTEBOOK = paths.BOOK_DIR / "01_place.ipynb"


@pytest.fixture(scope="module")
def values(package, text, chart_dir):
    """Every result of the chapter, by glue key (its charts and chart data go to ``chart_dir``)."""
    parts = (
        place_results.zones(package, text),
        place_results.map_chart(package),
        place_results.zone_table(package),
        place_results.areas(package),
        place_results.economy(package, text),
        place_results.scale_chart(package),
    )
    return merged(parts, once=True)


def test_every_cited_key_is_produced(values):
    assert cited_keys(NOTEBOOK) <= set(values)


def test_the_values_print_as_the_committed_notebook_glued_them(values):
    assert_prints_as_committed(values, NOTEBOOK)


def test_types(values):
    assert isinstance(values["place_fig_map"], Image) and isinstance(values["place_fig_scale"], Image)
    assert isinstance(values["place_fig_map_data"], Markdown) and isinstance(values["place_tbl_zones"], HTML)
    assert type(values["place_area_hosts"]) is float and type(values["place_area_sc_date"]) is str


@pytest.mark.parametrize("name", ["fig-place-map", "fig-place-scale"])
def test_the_chart_data_is_the_committed_file(values, chart_dir, name):
    assert_as_in_book([chart_dir / "chart-data" / f"{name}.csv"])


def test_the_areas_are_the_host_districts_measured(values, package):
    cq = geo.districts()
    km2 = geo.area_km2(cq)
    hosted = cq["name_zh"].isin(package["zones"]["district_zh"])
    assert hosted.sum() == 5
    assert values["place_area_hosts"] == pytest.approx(km2[hosted].sum(), rel=1e-12)
    assert values["place_area_city"] == pytest.approx(km2.sum(), rel=1e-12)
    assert values["place_hosts_share_city_pct"] == pytest.approx(100 * km2[hosted].sum() / km2.sum())
    for z in package["zones"].itertuples():
        if z.district_zh:
            assert values[f"place_area_{z.zone_id}"] == pytest.approx(km2[cq["name_zh"] == z.district_zh].item())


def test_the_ratios_by_hand(values, package):
    ext = package["external"].set_index("id")["value"]
    fig = package["figures"].set_index("id")["value"]
    assert values["place_area_sc"] == ext["science_city_area"] == 1198
    assert values["place_core_share_sc_pct"] == pytest.approx(100 * 313.5 / 1198)
    assert values["place_sc_share_hosts_pct"] == pytest.approx(100 * 1198 / values["place_area_hosts"])
    assert values["place_core_gdp_share_2020"] == pytest.approx(100 * 487.45 / 25002.79)
    share = values["place_core_gdp_share_2020"]
    assert values["place_core_contribution_pts"] == pytest.approx(share / 100 * fig["gdp_growth_h1"])
    assert values["place_core_contribution_share"] == pytest.approx(
        100 * values["place_core_contribution_pts"] / ext["cq_gdp_growth_h1_2021"]
    )
    assert values["place_core_gdp_2020_bn"] == pytest.approx(48.745)
    assert values["place_launch_investment_bn"] == 130 and values["place_launch_projects"] == 79
    assert values["place_output_share"] == fig["industrial_output_share_city_2020"]
    assert values["place_quote_trade"].endswith(f"{fig['trade_share_city']}%")


def test_the_host_list_names_every_zone_district(values, package):
    named = [z for z in package["zones"]["district_zh"] if z]
    assert len(named) == 5 and all(z in values["place_host_list"] for z in named)
    assert values["place_quote_core"].endswith("……")


def test_the_scale_chart_periods_come_from_the_data(package):
    data = place_results.scale_data(package)
    assert list(data["period"]) == ["2021", "2020", "2020", "2020", place_results.NO_PERIOD]
    assert list(data["source_kind"]) == ["derived", "derived", "context", "article", "article"]
    assert not data["share_of_chongqing_pct"].map(math.isnan).any()


def test_the_zone_table_has_one_row_per_zone(values, package):
    html = values["place_tbl_zones"].data
    assert html.startswith('<div id="place-zone-table">') and html.count("<tr>") == len(package["zones"])
    assert place_results.CORE_DISTRICTS in html
