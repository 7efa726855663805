"""sciencecity.presentation.after_results: every value the chapter on what came after (and the landing
page's chart) glues, from one call per result; and the new functions of sciencecity.analysis.after."""

from __future__ import annotations

import json
import math
import re

import pandas as pd
import pytest
from IPython.display import Image, Markdown

from sciencecity.analysis import after
from sciencecity.presentation import after_results, style, words
from sciencecity.reading import paths
from sciencecity.rules import arithmetic, checked

#: ``{glue:text}`key:.1f``` (and ``{glue}`` / ``{glue:md}``) in the text, ```{glue:figure} key`` as a directive.
_ROLE = re.compile(r"\{glue(?::\w+)?\}`([^`]+)`")
_DIRECTIVE = re.compile(r"^```\{glue(?::\w+)?\}\s+(\S+)", re.MULTILINE)


def cited_keys(notebook: str) -> dict[str, set[str]]:
    """The glue keys a notebook's Markdown cites, by the notebook that glues them ('' for its own)."""
    cells = json.loads((paths.BOOK_DIR / notebook).read_text(encoding="utf-8"))["cells"]
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    found: dict[str, set[str]] = {}
    for ref in _ROLE.findall(text) + _DIRECTIVE.findall(text):
        where, _, key = ref.rpartition("::")
        found.setdefault(where, set()).add(key.split(":")[0])
    return found


@pytest.fixture(scope="module")
def out_dir(tmp_path_factory):
    """Where the charts and chart data of these tests go (not book/): ``chart-images``, ``chart-data``."""
    out = tmp_path_factory.mktemp("after")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(style, "CHART_IMAGES_DIR", out / "chart-images")
        mp.setattr(words, "CHART_DATA_DIR", out / "chart-data")
        style.use()
        yield out


@pytest.fixture(scope="module")
def package(out_dir):
    """The checked package."""
    return checked.load_package()


@pytest.fixture(scope="module")
def results(package):
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
    cited = cited_keys("05_after.ipynb")
    assert set(cited) == {""}
    assert cited[""] - set(results) == set()


def test_the_landing_page_cites_what_the_chapter_and_its_chart_give(package, results):
    cited = cited_keys("index.ipynb")
    assert cited["05_after.ipynb"] - set(results) == set()
    assert cited[""] == set(after_results.growth_chart(package, "index"))


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


def test_the_chart_and_its_data_are_the_books(package, results, out_dir):
    """Drawn again from the package, the charts and their data files are the committed ones, byte for byte."""
    after_results.growth_chart(package, "index")
    names = ("fig-after-growth", "fig-index-growth", "fig-after-facility")
    drawn = [f for name in names for f in (out_dir / "chart-images").glob(f"{name}[@.-]*")]
    drawn += list((out_dir / "chart-data").glob("*.csv"))
    assert len(drawn) == 4 * len(names) + 2  # per chart two phone PNGs, the desktop 2x and the record
    for f in drawn:
        assert f.read_bytes() == (paths.BOOK_DIR / f.parent.name / f.name).read_bytes(), f.name


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
