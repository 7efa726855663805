"""sciencecity.rules.lostdigits: the repost's damage rule, the gaps it left, what other sources say of them."""

from __future__ import annotations

import pandas as pd
import pytest

from sciencecity.analysis import repost_gaps as gap_analysis
from sciencecity.presentation import tables as reader_tables
from sciencecity.reading import scanner, seed
from sciencecity.rules import checked, lostdigits


@pytest.fixture(scope="module")
def text() -> str:
    return seed.load_seed()


# -- lost digits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, printed",
    [
        ("2020年9月11日", "年9月11日"),
        ("其中世界500强企业15家", "其中世界强企业15家"),
        ("这个总投资达283.6亿元的项目", "这个总投资达.6亿元的项目"),
        ("总投资近2400亿元", "总投资近亿元"),
        ("新签约项目73个", "新签约项目73个"),
        ("12.345", "12."),
        ("99", "99"),
    ],
)
def test_lose_digits_replays_the_repost(written, printed):
    assert lostdigits.lose_digits(written) == printed


@pytest.mark.parametrize(
    "candidate, survives, fits",
    [
        (283.6, ".6", True),  # the eight-project total fits the surviving ".6"
        (100.6, ".6", True),
        (30, ".6", False),  # the facility alone: two digits, would have survived intact
        (30.6, ".6", False),  # would have survived intact too
        (283.5, ".6", False),  # wrong decimal
        (2400, "", True),  # 近2400亿元: the whole number lost
        (99, "", False),
        ("2021", "", True),
        (283.6, "", False),
        (30, "30", False),  # printed intact: nothing was lost, so it is no lost figure
    ],
)
def test_fits_lost_digits(candidate, survives, fits):
    assert lostdigits.fits_lost_digits(candidate, survives) is fits


# -- the gaps ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gaps(text) -> pd.DataFrame:
    return gap_analysis.lost_gaps(
        text, checked.load_figures(), checked.load_table("events"), checked.load_table("non_figures")
    )


def test_every_lost_figure_and_lost_year_is_a_gap(gaps):
    figures = checked.load_table("figures")
    events = checked.load_table("events")
    assert set(gaps.loc[gaps["owner"] == "figure", "owner_id"]) == set(
        figures.loc[figures["status"] == "digits_lost", "id"]
    )
    assert set(gaps.loc[gaps["owner"] == "event", "owner_id"]) == set(
        events.loc[events["year_status"] == "lost", "event_id"]
    )
    assert list(gaps["start"]) == sorted(gaps["start"])


def test_gap_context_marks_where_the_digits_were(gaps):
    context = dict(zip(gaps["owner_id"], gaps["context"], strict=True))
    assert context["industrial_output_2020"] == "…上工业总产值实现[lost].9亿元、占全市比重…"
    assert "近[lost]亿元" in context["scenario_investment"]  # after the qualifier
    assert context["mobilisation_conference"].startswith("[lost]年9月11日")  # no ellipsis at a line start
    assert gaps["context"].str.contains("世界[lost]强企业", regex=False).any()  # the 500 of 世界500强


def test_a_gap_nothing_accounts_for_is_an_error(text):
    figures = checked.load_figures()
    figures = figures.drop(index="rd_institutions")
    with pytest.raises(ValueError, match="研发机构|个"):
        gap_analysis.lost_gaps(text, figures, checked.load_table("events"), checked.load_table("non_figures"))


def test_stated_by_is_the_last_quantity_of_the_quote():
    text = "2020年产值增长19.8%。"
    quantities = scanner.scan(text, repost=False)
    q = scanner.stated_by(quantities, 0, text)
    assert q is not None and q.text.startswith("19.8")
    assert scanner.stated_by(quantities, 0, "2020年").text.startswith("2020")
    assert scanner.stated_by(quantities, 9, "。") is None


@pytest.fixture(scope="module")
def tables():
    return {
        "figures": checked.load_figures(),
        "events": checked.load_table("events"),
        "non_figures": checked.load_table("non_figures"),
        "external": checked.load_table("external"),
        "restorations": checked.load_table("restorations"),
        "later": checked.load_table("later"),
    }


def test_gap_table_says_what_was_lost_and_what_the_article_allows(gaps, tables):
    table = reader_tables.gap_table(gaps, tables["figures"], tables["events"], tables["non_figures"])
    assert list(table.columns) == reader_tables.GAP_TABLE_COLUMNS
    assert table["gap"].tolist() == gap_analysis.gap_names(gaps) == [f"G{i}" for i in range(1, len(gaps) + 1)]
    rows = dict(zip(gaps["owner_id"], table.itertuples(index=False), strict=True))
    facility = rows["facility_investment"]
    assert facility[3] == "lost; at least 100.6 亿元 (“.6” survives); at least 10.06 billion yuan"
    assert rows["mobilisation_conference"][2].startswith("Year of")
    assert rows["mobilisation_conference"][3].startswith("a year: four digits")
    name = table[gaps["owner"].eq("non_figure").to_numpy()]
    assert name["what was lost"].str.startswith("Part of a name: ").all()
    assert (name["what the article allows"] == "the name's number").all()


def test_restoration_table_verdicts(gaps, tables):
    t = tables
    table = reader_tables.restoration_table(
        gaps, t["figures"], t["events"], t["external"], t["restorations"], t["later"]
    )
    assert list(table.columns) == reader_tables.RESTORATION_COLUMNS
    owner = dict(zip(gap_analysis.gap_names(gaps), gaps["owner_id"], strict=True))
    verdicts = {(owner[g], v) for g, v in zip(table["gap"], table["verdict"], strict=True)}
    assert ("scenario_investment", gap_analysis.RESTORES) in verdicts
    assert ("facility_investment", gap_analysis.NOT_THE_SUBJECT) in verdicts  # the eight projects' 283.6
    assert ("facility_investment", gap_analysis.CANNOT_BE) in verdicts  # the facility's own 30
    assert ("rd_institutions", gap_analysis.CANDIDATE) in verdicts  # later.csv, relation candidate
    assert ("mobilisation_conference", gap_analysis.RESTORES_YEAR) in verdicts
    restored = gap_analysis.restored_gaps(table)
    assert {owner[g] for g in restored} >= {"scenario_investment", "mobilisation_conference"}
    assert not {owner[g] for g in restored} & {"facility_investment", "rd_institutions"}
    assert table["source, date"].str.contains(", ").all()


def test_restoration_table_needs_later_for_a_later_id(gaps, tables):
    t = tables
    with pytest.raises(ValueError, match="later"):
        reader_tables.restoration_table(gaps, t["figures"], t["events"], t["external"], t["restorations"])


def test_restoration_table_refuses_a_restoration_that_does_not_fit(gaps, tables):
    t = tables
    bad = t["restorations"].copy()
    bad.loc[bad["relation"] == "disagrees", "relation"] = "restores"  # the facility's own 30 cannot restore .6
    with pytest.raises(ValueError, match="does not fit"):
        reader_tables.restoration_table(gaps, t["figures"], t["events"], t["external"], bad, t["later"])
    bad = t["restorations"].copy()
    bad.loc[bad["relation"] == "restores", "relation"] = "matches"
    with pytest.raises(ValueError, match="makes no sense"):
        reader_tables.restoration_table(gaps, t["figures"], t["events"], t["external"], bad, t["later"])
