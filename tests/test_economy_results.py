"""sciencecity.presentation.economy_results: every value the economy chapter glues, from one call per
result; and the new functions of sciencecity.analysis.economy."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from IPython.display import Image, Markdown

from sciencecity.analysis import economy
from sciencecity.presentation import economy_results, words
from sciencecity.reading import seed
from sciencecity.rules import checked
from tests.glued_outputs import assert_as_in_book, cited


@pytest.fixture(scope="module")
def results(package, chart_dir):
    """Every value of the chapter, by glue key (the notebook's calls, in its order)."""
    return (
        economy_results.structure(package)
        | economy_results.levels(package)
        | economy_results.counts(package)
        | economy_results.themes(package, seed.load_seed())
        | economy_results.peers(package)
    )


def test_every_key_the_chapter_and_the_landing_page_cite_is_glued(results):
    keys = cited("06_economy.ipynb")
    assert set(keys) == {""}
    assert keys[""] - set(results) == set()
    assert cited("index.ipynb")["06_economy.ipynb"] - set(results) == set()


def test_structure_values_equal_direct_computations(package, results):
    ext = package["external"].set_index("id")["value"].astype(float)
    eco = package["economy"]
    output_share = float(package["figures"].set_index("id").loc["industrial_output_share_city_2020", "value"])
    assert results["eco_gdp_share"] == pytest.approx(100 * 487.45 / 25002.79)
    secondary = 100 * ext["core_secondary_va_2020"] / economy.value(eco, "cq_secondary_va_2020")
    assert results["eco_secondary_share"] == pytest.approx(secondary)
    assert results["eco_ratio_secondary"] == pytest.approx(secondary / output_share)
    exports = economy.value(eco, "cq_electromech_exports_2019") / (
        economy.value(eco, "cq_electromech_export_share_2019") / 100
    )
    assert results["eco_laptop_share_exports"] == pytest.approx(
        100 * economy.value(eco, "cq_laptop_exports_2019") / exports
    )
    assert results["eco_cd_bonded_trade_yuan"] == words.yi_yuan(economy.value(eco, "chengdu_hitech_bonded_trade_2021"))


def test_levels_glue_the_years_with_a_level(package, results, chart_dir):
    assert results["eco_gdp_2020_yuan"] == words.yi_yuan(487.45)
    assert results["eco_gdp_2021_yuan"] == words.yi_yuan(588.6)
    assert results["eco_gdp_nominal_change"] == pytest.approx(100 * (588.6 / 487.45 - 1))
    assert results["eco_gdp_growth_2021"] == 12.9
    assert isinstance(results["eco_fig_levels"], Image)
    assert isinstance(results["eco_fig_levels_data"], Markdown)
    drawn = list((chart_dir / "chart-images").glob("fig-economy-levels*")) + list((chart_dir / "chart-data").glob("*"))
    assert len(drawn) == 5
    assert_as_in_book(drawn)  # the committed chart and data, byte for byte


def test_counts_themes_and_peers(package, results):
    eco = package["economy"]
    assert results["eco_tech_firms"] == economy.value(eco, "core_tech_firms_2022_01")
    assert results["eco_rd_intensity"] == float(package["later"].set_index("id").loc["core_rd_intensity_2024", "value"])
    assert results["eco_infra_min"] == float(package["figures"].set_index("id").loc["infrastructure_projects", "value"])
    assert results["eco_peer_gap_cd"] == round(12.9 - economy.value(eco, "chengdu_hitech_gdp_growth_2021"), 1)
    core_2020 = float(package["external"].set_index("id").loc["core_gdp_growth_2020", "value"])
    assert results["eco_peer_gap_lj_abs"] == abs(round(core_2020 - economy.value(eco, "liangjiang_gdp_growth_2020"), 1))
    assert results["eco_core_gdp_per_km2"] == pytest.approx(487.45 / 313.5)
    assert results["eco_lj_share"] == economy.value(eco, "liangjiang_gdp_share_city_2020")


def test_source_and_value_cells():
    eco = pd.DataFrame([{"id": "a", "source": "重庆日报", "source_date": "2022-07-20"}])
    assert economy_results.source_cell(eco, "a") == "重庆日报, 2022-07-20"
    row = pd.Series({"qualifier": "超", "value": 12.5, "unit": "万人"})
    assert economy_results.value_cell(row) == "超 12.5 万人"
    assert economy_results.value_cell(pd.Series({"qualifier": None, "value": 45.0, "unit": "count"})) == "45 count"
    money = pd.Series({"qualifier": None, "value": 588.6, "unit": "亿元"})
    assert economy_results.value_cell(money) == words.yi_yuan(588.6)


# -- sciencecity.analysis.economy: the new functions -----------------------------------------------


def test_level_years_run_from_the_first_to_the_last_year_with_gaps():
    external = pd.DataFrame(
        [
            {"id": "core_gdp_2020", "metric": "GDP", "period": "2020"},
            {"id": "cq_gdp_2019", "metric": "GDP", "period": "2019"},  # the city's: not the core's
        ]
    )
    later = pd.DataFrame(
        [
            {"id": "core_gdp_growth_2023", "metric": "gdp_growth", "period": "2023"},
            {"id": "core_gdp_growth_2025h1", "metric": "gdp_growth", "period": "2025H1"},  # a half-year
            {"id": "core_rd_2026", "metric": "rd_intensity", "period": "2026"},  # another measure
        ]
    )
    assert economy.level_years(external, later) == ["2020", "2021", "2022", "2023"]
    with pytest.raises(ValueError, match="no source"):
        economy.level_years(external.iloc[1:], later.iloc[1:])


def test_level_years_of_the_data():
    assert economy.level_years(checked.load_table("external"), checked.load_table("later")) == [
        "2020",
        "2021",
        "2022",
        "2023",
        "2024",
    ]


def test_measure_and_core_growth():
    eco = pd.DataFrame([{"id": "p", "metric": "gdp_growth", "period": "2021", "period_type": "full-year", "value": 8}])
    assert economy.measure(eco, "p") == {
        "metric": "gdp_growth",
        "period": "2021",
        "period_type": "full-year",
        "value": 8.0,
    }
    levels = pd.DataFrame({"year": ["2020", "2021"], "growth": [math.nan, 12.9]})
    core = economy.core_growth(levels, "2021")
    assert core == {"metric": "gdp_growth", "period": "2021", "period_type": "full-year", "value": 12.9}
    assert economy.comparable(core, economy.measure(eco, "p")) == (True, "same measure and period")


def test_core_gdp_share():
    external = pd.DataFrame(
        [
            {"id": "core_gdp_2020", "period": "2020", "value": 500.0},
            {"id": "cq_gdp_2020", "period": "2020", "value": 25000.0},
        ]
    )
    assert economy.core_gdp_share(external) == {
        "metric": "gdp_share_city",
        "period": "2020",
        "period_type": "full-year",
        "value": 2.0,
    }
    other_year = external.assign(period=["2020", "2021"])
    with pytest.raises(ValueError, match="different years"):
        economy.core_gdp_share(other_year)
