"""sciencecity.analysis.after: growth by period (half-years apart from years), the core's lead, the facility's timeline,
candidates."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sciencecity.analysis import after
from sciencecity.presentation import words
from sciencecity.reading import paths
from sciencecity.rules import checked, later_table, package


@pytest.fixture(scope="module")
def tables():
    return (
        checked.load_figures(),
        checked.load_table("external").set_index("id"),
        checked.load_table("later"),
        checked.load_table("events"),
    )


@pytest.mark.parametrize(
    "scope, name",
    [
        ("重庆高新区直管园", "直管园"),
        ("直管园", "直管园"),
        ("西部(重庆)科学城核心区", "科学城核心区"),
        ("西部科学城重庆高新区", "西部科学城重庆高新区"),
    ],
)
def test_core_name(scope, name):
    assert after.core_name(scope) == name


def test_core_name_refuses_another_area():
    with pytest.raises(ValueError):
        after.core_name("重庆市")


@pytest.mark.parametrize(
    "source, kind",
    [
        ("重庆高新区直管园2020年统计年鉴 (高新区改革发展局)", "official"),
        ("2020年重庆市国民经济和社会发展统计公报 (重庆市统计局) (repost)", "newspaper"),
        ("重庆市统计局 press conference via 重庆商报", "newspaper"),
    ],
)
def test_external_source_kind(source, kind):
    assert after.external_source_kind(source) == kind


def _series(rows):
    return pd.DataFrame(rows, columns=["subject", "period", "period_type", "value"])


def test_leads_pair_only_the_same_period_and_type():
    s = _series(
        [
            ("core", "2021", "full-year", 12.9),
            ("city", "2021", "full-year", 8.3),
            ("core", "2021H1", "half-year", 19.8),
            ("city", "2021H1", "half-year", 12.8),
            ("city", "2022", "full-year", 2.6),
        ]
    )
    t = after.leads(s).set_index("period")
    assert t.loc["2021", "lead"] == 4.6  # exact at the printed decimals
    assert t.loc["2021H1", "lead"] == 7.0
    assert math.isnan(t.loc["2022", "lead"])  # no core figure: no lead, no interpolation
    assert list(t.index) == ["2021", "2021H1", "2022"]


def test_lead_summary_counts_and_ends():
    s = _series(
        [
            ("core", "2020", "full-year", 6.8),
            ("city", "2020", "full-year", 3.9),
            ("core", "2021", "full-year", 12.9),
            ("city", "2021", "full-year", 8.3),
            ("core", "2021H1", "half-year", 19.8),
            ("city", "2021H1", "half-year", 12.8),
            ("city", "2022", "full-year", 2.6),
            ("core", "2024", "full-year", 5.0),
            ("city", "2024", "full-year", 5.7),
        ]
    )
    out = after.lead_summary(after.leads(s))
    assert out["compared"] == 4
    assert out["faster"] == 3
    assert (out["max_period"], out["max_lead"]) == ("2021", 4.6)  # full years only: 2021H1's 7.0 is not one
    assert out["years"] == [("2020", 2.9), ("2021", 4.6), ("2024", -0.7)]
    assert out["half_years"] == [("2021H1", 7.0)]
    assert (out["first_year"], out["first_year_lead"]) == ("2021", 4.6)
    assert (out["last_year"], out["last_year_lead"]) == ("2024", -0.7)
    assert out["missing"] == ["2022"]


def test_lead_summary_needs_a_pair():
    with pytest.raises(ValueError):
        after.lead_summary(after.leads(_series([("city", "2022", "full-year", 2.6)])))


def test_lead_summary_needs_a_full_year():
    """A half-year alone cannot stand in for the full-year story."""
    halves = _series([("core", "2021H1", "half-year", 19.8), ("city", "2021H1", "half-year", 12.8)])
    with pytest.raises(ValueError, match="full year"):
        after.lead_summary(after.leads(halves))


def test_growth_series_from_the_data(tables):
    figures, external, later, _ = tables
    s = after.growth_series(figures, external, later)
    core = s[s["subject"] == "core"].set_index("period")
    city = s[s["subject"] == "city"].set_index("period")
    assert core.loc["2021H1", "value"] == figures.loc["gdp_growth_h1", "value"]
    assert core.loc["2021H1", "source_kind"] == "the article"
    assert core.loc["2021H1", "period_type"] == "half-year"
    assert core.loc["2020", "value"] == external.loc["core_gdp_growth_2020", "value"]
    assert city.loc["2021H1", "value"] == external.loc["cq_gdp_growth_h1_2021", "value"]
    assert "2022" not in core.index  # no full-year 2022 figure was found for the core
    assert core.loc["2021", "source_kind"] == "aggregator repost of an official release"
    assert list(core["core_name"].unique()) == ["直管园", "科学城核心区", "西部科学城重庆高新区"]
    assert set(city["core_name"]) == {""}


def test_facility_timeline_sorted_with_unknown_dates_last(tables):
    _, external, later, events = tables
    tl = after.facility_timeline(events, external.reset_index(), later)
    dated = tl[tl["first_day"].notna()]
    assert list(dated["first_day"]) == sorted(dated["first_day"])
    assert tl["first_day"].isna().sum() == 2  # the two plans whose year is unknown
    assert tl["first_day"].notna().cumprod().sum() == len(dated)  # unknowns only at the end
    assert tl.iloc[len(dated) - 1]["first_day"] == pd.Timestamp("2025-03-06")
    assert set(tl["origin"]) == {"article", "other source"}


FIG = {"survives": "", "implied_min": 100.0, "quote": "已汇聚市级以上研发机构个", "scope": "直管园"}


def test_candidate_that_fits_every_test():
    fit = after.candidate_fit(FIG, 278, scope_zh="重庆高新区直管园", metric_zh="市级以上研发机构", months_before=2)
    assert fit == {
        "fits_digits": True,
        "above_floor": True,
        "same_metric": True,
        "same_scope_name": True,
        "months_before": 2,
    }


def test_candidate_that_the_repost_would_have_printed():
    fit = after.candidate_fit(FIG, 78, scope_zh="西部(重庆)科学城核心区", metric_zh="研发中心", months_before=2)
    assert fit["fits_digits"] is False and fit["above_floor"] is False
    assert fit["same_metric"] is False and fit["same_scope_name"] is False


# -- check() ---------------------------------------------------------------------------------------


def test_the_tables_pass_their_check():
    tables, problems = package.check_package()
    assert problems == [] and later_table.check(tables) == []


def _edit(tmp_path, name, key, column, value):
    import shutil

    copy = shutil.copytree(paths.DATA_DIR, tmp_path / "data")
    path = copy / f"{name}.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    hit = frame.index[frame.iloc[:, 0] == key][0]
    frame.loc[hit, column] = value
    path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    tables, problems = package.check_package(copy)
    assert problems == []
    return int(hit) + 2, later_table.check(tables)


def test_a_half_year_marked_as_a_full_year(tmp_path):
    line, problems = _edit(tmp_path, "later", "core_gdp_growth_2022h1", "period_type", "full-year")
    assert problems == [f"later.csv:{line}: column 'period_type': 2022H1 is a half-year, not a full-year"]


def test_a_value_without_unit(tmp_path):
    line, problems = _edit(tmp_path, "later", "cq_gdp_2021", "unit", "")
    assert problems == [f"later.csv:{line}: column 'unit': a unit goes with a value, and a value with a unit"]


def test_a_candidate_for_a_figure_that_was_not_lost(tmp_path):
    line, problems = _edit(tmp_path, "restorations", "rd_institutions", "figure_id", "signed_projects_h1")
    assert problems == [
        f"restorations.csv:{line}: column 'relation': a candidate is only for a figure whose digits were lost"
    ]


def test_a_restoration_naming_both_tables(tmp_path):
    line, problems = _edit(tmp_path, "restorations", "rd_institutions", "external_id", "cq_gdp_2020")
    assert problems == [
        f"restorations.csv:{line}: column 'later_id': exactly one of external_id and later_id must be set"
    ]


def test_lasted_sentence_tells_full_years_only():
    summary = {
        "years": [("2020", 2.9), ("2021", 4.6), ("2023", 2.2), ("2024", 1.7)],
        "half_years": [("2021H1", 7.0), ("2022H1", 5.2)],
        "last_year_core": 7.4,
        "last_year_city": 5.7,
    }
    assert words.lasted_sentence(summary) == (
        "In each of the 4 full years with figures for both, the core grew faster than Chongqing; its lead went "
        "2.9 → 4.6 → 2.2 → 1.7 points (2020, 2021, 2023, 2024), narrowing after 2021, with 7.4 % against 5.7 % in 2024"
    )
    assert "H1" not in words.lasted_sentence(summary)  # no half-year set against a full year
    assert words.half_year_sentence(summary) == (
        "Measured over first halves, a separate series, the lead was 7.0 points in 2021H1 and 5.2 points in 2022H1"
    )
    summary["years"] = [("2020", 2.9), ("2021", -0.5), ("2024", 3.0)]
    sentence = words.lasted_sentence(summary)
    assert sentence.startswith("In 2 of the 3 full years")
    assert "narrowing" not in sentence  # the last lead is the largest
    summary["half_years"] = []
    assert words.half_year_sentence(summary).startswith("No half-year")


def test_every_source_kind_has_a_display_class():
    later = checked.load_table("later")
    assert set(later["source_kind"]) | {"the article"} <= set(words.SOURCE_CLASS)


def test_every_later_source_has_one_bibliography_entry():
    """One entry of references.bib per distinct (source, address) of later.csv, its note naming the source."""
    from pybtex.database import parse_file

    bib = parse_file(str(paths.ROOT / "references.bib"), bib_format="bibtex")
    later = checked.load_table("later")
    for row in later[["source", "source_date", "url"]].drop_duplicates().itertuples():
        hits = [
            key
            for key, entry in bib.entries.items()
            if entry.fields.get("url", "") == row.url and f"“{row.source}”" in entry.fields.get("note", "")
        ]
        assert len(hits) == 1, (row.source, row.url, hits)
        assert row.source_date in bib.entries[hits[0]].fields["note"], hits[0]
