"""sciencecity.presentation.after_results: every value the chapter on what came after (and the landing
page's chart) glues, from one call per result; and the new functions of sciencecity.analysis.after."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from IPython.display import Image, Markdown

from sciencecity.analysis import after
from sciencecity.presentation import after_results
from sciencecity.rules import arithmetic, checked
from tests.glued_outputs import assert_as_in_book, cited


@pytest.fixture(scope="module")
def results(package, chart_dir):
    """Every value of the chapter, by glue key (the notebook's calls, in its order)."""
    values = {}
    for f in (
        after_results.growth_values,
        after_results.growth_chart,
        after_results.growth_table,
        after_results.facility_values,
        after_results.facility_chart,
        after_results.rd_candidate,
    ):
        values |= f(package)
    return values


def test_every_key_the_chapter_cites_is_glued(results):
    keys = cited("05_after.ipynb")
    assert set(keys) == {""}
    assert keys[""] - set(results) == set()


def test_the_landing_page_cites_what_the_chapter_and_its_chart_give(package, results):
    keys = cited("index.ipynb")
    assert keys["05_after.ipynb"] - set(results) == set()
    assert keys[""] == set(after_results.growth_chart(package, "index"))


def test_growth_values_equal_the_series(package, results):
    figures = package["figures"].set_index("id")
    assert results["after_core_2021h1"] == float(figures.loc["gdp_growth_h1", "value"])
    later = package["later"].set_index("id")
    assert results["after_core_2021"] == float(later.loc["core_gdp_growth_2021", "value"])
    assert results["after_city_2022"] == float(later.loc["cq_gdp_growth_2022", "value"])
    for period in ("2021h1", "2021", "2022h1", "2023", "2024"):
        core, city = results[f"after_core_{period}"], results[f"after_city_{period}"]
        assert results[f"after_lead_{period}"] == arithmetic.points_gap(core, city)
    assert "after_core_2022" not in results and "after_core_2020" not in results
    assert results["after_quote_h1"] == figures.loc["gdp_growth_h1", "quote"]
    assert (results["after_n_compared"], results["after_n_faster"]) == (6, 6)
    assert isinstance(results["after_fig_growth_data"], Markdown)
    assert isinstance(results["after_fig_growth"], Image)
    assert isinstance(results["after_n_compared"], int) and isinstance(results["after_lead_2021"], float)


def test_the_chart_and_its_data_are_the_books(package, results, chart_dir):
    """Drawn again from the package, the charts and their data files are the committed ones, byte for byte."""
    after_results.growth_chart(package, "index")
    names = ("fig-after-growth", "fig-index-growth", "fig-after-facility")
    drawn = [f for name in names for f in (chart_dir / "chart-images").glob(f"{name}[@.-]*")]
    drawn += list((chart_dir / "chart-data").glob("*.csv"))
    assert len(drawn) == 4 * len(names) + 2  # per chart two phone PNGs, the desktop 2x and the record
    assert_as_in_book(drawn)


def test_facility_values(package, results):
    tl = after.facility_timeline(package["events"], package["external"], package["later"])
    assert results["after_facility_last_date"] == f"{tl['first_day'].max():%Y-%m-%d}"
    started = tl.loc[tl["id"] == "facility_groundbreaking", "first_day"].item()
    assert results["after_facility_years"] == (tl["first_day"].max() - started).days / 365.25
    later = package["later"].set_index("id")
    assert results["after_facility_q_use"] == later.loc["facility_not_in_use_2025_03", "quote"]


def test_rd_candidate(package, results):
    later = package["later"].set_index("id").loc["core_rd_institutions_2021_07"]
    assert results["after_rd_value"] == float(later["value"])
    assert results["after_rd_date"] == later["source_date"]
    assert results["after_rd_months"] == 2  # the article of 2021-09, the count of 2021-07
    assert results["after_rd_relation"] == "candidate"
    assert results["after_rd_floor"] == 100.0


# -- sciencecity.analysis.after: the new functions -------------------------------------------------


def _series(rows):
    return pd.DataFrame(rows, columns=["subject", "period", "table"])


def test_core_periods_put_the_articles_first():
    series = _series(
        [
            ("city", "2021H1", "external"),
            ("core", "2020", "external"),
            ("core", "2021", "later"),
            ("core", "2021H1", "figures"),
            ("core", "2023", "later"),
        ]
    )
    assert after.core_periods(series) == ["2021H1", "2021", "2023"]


def test_core_periods_of_the_data():
    package = checked.load_package()
    series = after.growth_series(
        package["figures"].set_index("id"), package["external"].set_index("id"), package["later"]
    )
    assert after.core_periods(series) == ["2021H1", "2021", "2022H1", "2023", "2024"]
    assert after.city_only_periods(after.leads(series)) == ["2022"]


def test_city_only_periods():
    table = pd.DataFrame(
        {
            "period": ["2020", "2021", "2022", "2023"],
            "core": [5.0, math.nan, math.nan, 3.0],
            "city": [4.0, 2.0, math.nan, math.nan],
        }
    )
    assert after.city_only_periods(table) == ["2021"]


def test_facility_span():
    tl = pd.DataFrame(
        {
            "id": ["facility_groundbreaking", "step", "undated"],
            "first_day": [pd.Timestamp(2021, 5, 27), pd.Timestamp(2023, 5, 27), pd.NaT],
        }
    )
    started, last, years = after.facility_span(tl)
    assert (started, last) == (pd.Timestamp(2021, 5, 27), pd.Timestamp(2023, 5, 27))
    assert years == pytest.approx(730 / 365.25)


@pytest.mark.parametrize(
    "period, other, months",
    [("2021-09", "2021-07", 2), ("2022-01", "2021-11", 2), ("2021-07", "2021-09", -2), ("2021-09-30", "2021-09-01", 0)],
)
def test_months_before(period, other, months):
    assert after.months_before(period, other) == months
