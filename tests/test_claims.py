"""sciencecity.rules.claims: the status rules of the claims ledger and its cross-table check."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from sciencecity.analysis import claims_ledger
from sciencecity.presentation import words
from sciencecity.reading import paths
from sciencecity.rules import checked, claims, package


def ctx(**tables):
    return claims.Context({name: pd.DataFrame(rows) for name, rows in tables.items()})


def claim(rule, art, ev="", status="verified"):
    return {"claim_id": "c", "rule": rule, "article_ids": art, "evidence_ids": ev, "status": status}


FIGS = [
    {"id": "rate", "value": 22.3, "survives": None},
    {"id": "gap", "value": 3.3, "survives": None},
    {"id": "total", "value": 27.0, "survives": None},
    {"id": "p1", "value": 5.0, "survives": None},
    {"id": "p2", "value": 14.0, "survives": None},
    {"id": "p3", "value": 8.0, "survives": None},
    {"id": "lost", "value": None, "survives": ".6"},
    {"id": "class", "value": 1000.0, "survives": None},
    {"id": "gdp", "value": 10.0, "survives": None},
    {"id": "s1", "value": 8.0, "survives": None},
    {"id": "s2", "value": 12.0, "survives": None},
]
EXT = [
    {"id": "city", "value": 19.0, "period": "2021H1"},
    {"id": "city_off", "value": 19.1, "period": "2021H1"},
    {"id": "eight", "value": 283.6, "period": "2021-05-27"},
    {"id": "alone", "value": 30.0, "period": "2021-05-27"},
    {"id": "big", "value": 2400.0, "period": "2021"},
    {"id": "huge", "value": 12000.0, "period": "2021"},
    {"id": "w1", "value": 1.0, "period": "2020"},
    {"id": "w2", "value": 1.0, "period": "2020"},
    {"id": "w3", "value": 3.0, "period": "2020"},
]
EVENTS = [
    {"event_id": "ev_day", "date": "XXXX-05-27", "year_restored": 2021},
    {"event_id": "ev_month", "date": "XXXX-05", "year_restored": 2021},
    {"event_id": "ev_none", "date": "", "year_restored": 2021},
]
LATER = [
    {"id": "own_rank", "metric": "gdp_growth_rank", "value": 1.0, "period": "2021"},
    {"id": "table", "metric": "ranking_table", "value": None, "period": "2021"},
]


@pytest.fixture
def c():
    return ctx(
        figures=FIGS,
        external=EXT,
        events=EVENTS,
        later=LATER,
        restorations=[
            {"figure_id": "lost", "external_id": "eight", "relation": "disagrees"},
            {"figure_id": "lost", "external_id": "alone", "relation": "disagrees"},
            {"figure_id": "lost", "external_id": "big", "relation": "restores"},
        ],
    )


def test_gap_implies(c):
    assert (
        claims.computed_status(claim("gap_implies", "rate;gap", "city"), c) == "verified"
    )  # 22.3 − 3.3 = 19.0 exactly
    assert claims.computed_status(claim("gap_implies", "rate;gap", "city_off"), c) == "in_tension"


def test_equals(c):
    assert claims.computed_status(claim("equals", "gdp", "city"), c) == "in_tension"
    assert claims.computed_status(claim("equals", "p1", "w1"), c) == "in_tension"


def test_parts_sum(c):
    assert claims.computed_status(claim("parts_sum", "total;p1;p2;p3"), c) == "consistent"
    assert claims.computed_status(claim("parts_sum", "total;p1;p2;p1"), c) == "in_tension"


def test_sectors_total(c):
    # weights 1:3 on rates 8 and 12 give 11.0, band 10.95 to 11.05; a printed 10.0 stands for 9.95 to 10.05
    assert claims.computed_status(claim("sectors_total", "gdp;s1;s2", "w1;w3"), c) == "in_tension"
    # weights 1:1 on 8 and 12 give 10.0 exactly
    assert claims.computed_status(claim("sectors_total", "gdp;s1;s2", "w1;w2"), c) == "consistent"


def test_restoration(c):
    assert claims.computed_status(claim("restoration", "lost", "eight;alone"), c) == "in_tension"
    # a 'restores' relation counts only when the value fits the lost digits: 2400 has no '.6'
    assert claims.computed_status(claim("restoration", "lost", "big"), c) == "unverifiable"


def test_magnitude(c):
    assert claims.computed_status(claim("magnitude", "class", "big"), c) == "verified"
    assert claims.computed_status(claim("magnitude", "class", "huge"), c) == "in_tension"


def test_date(c):
    assert claims.computed_status(claim("date", "ev_day", "eight"), c) == "verified"
    assert claims.computed_status(claim("date", "ev_month", "eight"), c) == "verified"
    assert claims.computed_status(claim("date", "ev_day", "big"), c) == "in_tension"
    with pytest.raises(ValueError):
        claims.computed_status(claim("date", "ev_none", "eight"), c)


def test_rank_needs_a_ranking_table_not_the_zones_own_claim(c):
    assert claims.computed_status(claim("rank", "p1", "own_rank"), c) == "unverifiable"
    assert claims.computed_status(claim("rank", "p1", ""), c) == "unverifiable"
    assert claims.computed_status(claim("rank", "p1", "own_rank;table"), c) == "verified"


def test_none_computes_nothing(c):
    assert claims.computed_status(claim("none", "p1", "city"), c) is None


def test_wrong_arity_is_an_error(c):
    with pytest.raises(ValueError):
        claims.computed_status(claim("equals", "p1;p2", "city"), c)


def test_ids():
    assert claims.ids("a;b") == ["a", "b"]
    assert claims.ids("") == [] and claims.ids(None) == []


def test_counts_include_every_status():
    frame = pd.DataFrame({"status": ["verified", "verified", "unverifiable"]})
    assert claims_ledger.counts(frame) == {"verified": 2, "consistent": 0, "unverifiable": 1, "in_tension": 0}


# -- check() on the real ledger and on corrupted copies ------------------------------------------


def test_the_ledger_passes_its_check():
    tables, problems = package.check_package()
    assert problems == []
    assert claims.check(tables) == []


def test_check_accepts_dataframes():
    assert claims.check(checked.load_package()) == []


def test_the_known_cases():
    ledger = checked.load_table("claims").set_index("claim_id")
    assert ledger.loc["city_industrial_rate", "status"] == "verified"
    assert ledger.loc["sectors_vs_gdp", "status"] == "consistent"
    assert ledger.loc["gdp_ranks_h1", "status"] == "unverifiable"
    assert ledger.loc["pku_in_use", "status"] == "in_tension"


def _corrupt(tmp_path: Path, claim_id: str, column: str, value: str) -> tuple[int, list[str]]:
    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    path = copy / "claims.csv"
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    line = int(frame.index[frame["claim_id"] == claim_id][0]) + 2
    frame.loc[frame["claim_id"] == claim_id, column] = value
    path.write_text(frame.to_csv(index=False, lineterminator="\n"), encoding="utf-8")
    tables, problems = package.check_package(copy)
    assert problems == []
    return line, claims.check(tables)


def test_a_declared_status_that_the_rule_contradicts(tmp_path):
    line, problems = _corrupt(tmp_path, "city_industrial_rate", "status", "consistent")
    assert problems == [
        f"claims.csv:{line}: column 'status': declared consistent but rule gap_implies computes verified"
    ]


def test_a_status_without_evidence(tmp_path):
    line, problems = _corrupt(tmp_path, "pku_in_use", "evidence_ids", "")
    assert problems == [
        f"claims.csv:{line}: column 'status': in_tension needs independent evidence, but evidence_ids is empty"
    ]


def test_an_unknown_id(tmp_path):
    line, problems = _corrupt(tmp_path, "trade_share_city", "evidence_ids", "no_such_row")
    assert problems == [
        f"claims.csv:{line}: column 'evidence_ids': no_such_row is not an id of external.csv or later.csv"
    ]


def test_a_rule_that_cannot_apply(tmp_path):
    line, problems = _corrupt(tmp_path, "university_projects", "article_ids", "university_projects_signed")
    assert problems == [
        f"claims.csv:{line}: column 'status': consistent needs at least 2 article id(s)",
        f"claims.csv:{line}: column 'rule': parts_sum cannot be applied (parts_sum takes a total and at least "
        "two parts)",
    ]


def test_ledger_markdown(c):
    ledger = pd.DataFrame(
        [
            {
                "claim_id": "a",
                "claim_en": "A | B",
                "article_ids": "rate",
                "evidence_ids": "",
                "status": "unverifiable",
                "section": "growth",
                "rule": "none",
            },
            {
                "claim_id": "b",
                "claim_en": "C",
                "article_ids": "rate;gap",
                "evidence_ids": "city",
                "status": "in_tension",
                "section": "claims",
                "rule": "none",
            },
        ]
    )
    c.by_table["figures"]["rate"]["quote"] = "增长22.3%"
    c.by_table["figures"]["gap"]["quote"] = "高于3.3个百分点"
    c.by_table["external"]["city"].update(source="统计局", source_date="2021-07-20")
    lines = words.ledger_markdown(ledger, c).splitlines()
    assert lines[0] == "| Claim, and the article's words | Status | Evidence; where discussed |"
    assert (
        lines[2] == "| C: 「增长22.3% … 高于3.3个百分点」 | **in tension** | 统计局 (2021-07-20); see {ref}`claims` |"
    )
    assert lines[3] == "| A \\| B: 「增长22.3%」 | **unverifiable** | none; see {ref}`growth` |"


def test_original_words_drop_a_quote_inside_another(c):
    c.by_table["figures"]["rate"]["quote"] = "增速22.3%"
    c.by_table["figures"]["gap"]["quote"] = "增速22.3%、高于3.3个百分点"
    assert claims_ledger.original_words({"article_ids": "rate;gap"}, c) == "增速22.3%、高于3.3个百分点"


def test_kind_by_the_tables_of_the_article_ids():
    k = ctx(
        figures=[{"id": "rate", "value": 1.0}, {"id": "count", "value": 3.0}],
        events=[{"event_id": "opening", "date": "2021-05-27"}],
        institutions=[{"institution_id": "inst", "name_zh": "研究院"}],
    )
    assert claims_ledger.kind(claim("none", "rate;count"), k) == "figure"
    assert claims_ledger.kind(claim("date", "opening"), k) == "date of an event"
    assert claims_ledger.kind(claim("none", "rate;opening"), k) == "date of an event"  # a date in it: a date claim
    assert claims_ledger.kind(claim("none", "inst;count"), k) == "statement"
    with pytest.raises(ValueError, match="not an id"):
        claims_ledger.kind(claim("none", "nowhere"), k)
    with pytest.raises(ValueError, match="names no article id"):
        claims_ledger.kind(claim("none", ""), k)


def test_counts_by_kind_split_the_totals():
    """Every kind and status appears; each row adds up to its total, and the rows to the ledger."""
    package = checked.load_package()
    ledger = package["claims"]
    table = claims_ledger.counts_by_kind(ledger, claims.Context(package))
    assert list(table.index) == list(claims_ledger.KINDS)
    assert list(table.columns) == [*claims.STATUSES, "total"]
    assert (table[list(claims.STATUSES)].sum(axis=1) == table["total"]).all()
    assert int(table["total"].sum()) == len(ledger)
    assert table.loc[:, list(claims.STATUSES)].sum().to_dict() == claims_ledger.counts(ledger)
    # the facility's groundbreaking date is verified; the share of the city's output is not
    assert table.loc["date of an event", "verified"] >= 1
    assert table.loc["figure", "unverifiable"] >= 1
