"""One rule, one answer: each rule has one implementation, and every place that uses it agrees.

For each rule shared by several modules (the lost-digit fit, the run length, what a Han
character is, the ``also_at`` list, the forms of a period, a value stated by its quote), the same
inputs go through every place the rule is used and must give the same answer.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciencecity.analysis import after, timeline
from sciencecity.reading import csv_tables, paths, periods, scanner, seed, text
from sciencecity.reading.descriptor import read_descriptor
from sciencecity.rules import economy_table, intrinsic, later_table, lostdigits, package, validate

RESOURCES = {r.name: r for r in read_descriptor(paths.DATA_DIR)}


def table(name: str, *rows: dict) -> csv_tables.Table:
    """A checked table of ``name``'s schema holding ``rows`` (other columns empty), lines from 2."""
    columns = RESOURCES[name].columns
    return csv_tables.Table(
        RESOURCES[name], [{c: None for c in columns} | r for r in rows], list(range(2, 2 + len(rows)))
    )


# --- The lost-digit fit ------------------------------------------------------------------------------

candidates = st.decimals(min_value=0, max_value=10**7, places=2, allow_nan=False, allow_infinity=False).map(float)


def _fit_everywhere(value: float, survives: str) -> dict[str, bool]:
    """Whether ``value`` fits a figure of which ``survives`` is left, as each place that tests it says."""
    figure = {
        "id": "f",
        "status": "digits_lost",
        "survives": survives or None,
        "quote": "总投资亿元",
        "scope": "科学城",
    }
    figure["implied_min"] = float(lostdigits.implied_min(survives))
    restores = validate.restorations(
        validate.Context(
            {
                "figures": table("figures", figure),
                "external": table("external", {"id": "e", "value": value}),
                "restorations": table("restorations", {"figure_id": "f", "external_id": "e", "relation": "restores"}),
            },
            "",
        )
    )
    later_row = {"id": "l", "value": value, "unit": "亿元", "metric": "investment", "period": "2021"}
    candidate = later_table.check(
        {
            "figures": table("figures", figure),
            "later": table("later", later_row | {"period_type": "full-year"}),
            "restorations": table("restorations", {"figure_id": "f", "later_id": "l", "relation": "candidate"}),
        }
    )
    fit = after.candidate_fit(figure, value, scope_zh="科学城", metric_zh="总投资", months_before=0)
    return {
        "lostdigits": lostdigits.fits_lost_digits(value, survives),
        "validate.restorations": restores == [],
        "later_table.check": candidate == [],
        "after.candidate_fit": fit["fits_digits"],
    }


@given(candidates, st.sampled_from(["", ".6", ".5", ".25", "6"]))
def test_the_lost_digit_fit_gives_one_answer(value, survives):
    answers = _fit_everywhere(value, survives)
    assert len(set(answers.values())) == 1, answers


@given(candidates)
def test_a_number_fits_what_the_repost_made_of_it(value):
    survives = lostdigits.lose_digits(text.number_text(value))
    answers = _fit_everywhere(value, survives)
    lost = survives != text.number_text(value)
    assert set(answers.values()) == {lost}, answers


def test_nothing_after_the_point_survives_only_if_there_was_nothing_after_it():
    """2400.5 would have been printed ``.5``: it does not fit a figure of which nothing is left."""
    assert set(_fit_everywhere(2400.5, "").values()) == {False}
    assert set(_fit_everywhere(2400.0, "").values()) == {True}
    assert set(_fit_everywhere(2400.5, ".5").values()) == {True}


# --- The run length ----------------------------------------------------------------------------------


@given(st.integers(min_value=0, max_value=10**7))
def test_the_run_length_and_the_lower_bound_are_one_rule(n):
    assert lostdigits.LOST_RUN_MIN == 10 ** (lostdigits.LOST_RUN - 1)
    lost = len(str(n)) >= lostdigits.LOST_RUN
    assert lostdigits.fits_lost_digits(n, "") == lost == (n >= lostdigits.LOST_RUN_MIN)


@given(st.sampled_from(["", ".6", ".25"]), st.integers(min_value=0, max_value=3))
def test_the_validator_wants_the_bound_the_run_implies(survives, shift):
    implied = lostdigits.implied_min(survives) + shift
    row = {"id": "f", "status": "digits_lost", "survives": survives or None, "implied_min": float(implied)}
    problems = validate.figure_status(validate.Context({"figures": table("figures", row)}, ""))
    assert (problems == []) == (shift == 0), problems


# --- What a Han character is -------------------------------------------------------------------------


@given(st.characters())
def test_one_definition_of_a_han_character(ch):
    assert scanner.is_han is text.is_han
    assert text.is_han(ch) == bool(text.HAN.fullmatch(ch))
    name = "上游新闻记者" + ch * 2
    assert bool(seed._BYLINE.match(name)) == text.is_han(ch)


# --- The also_at list --------------------------------------------------------------------------------


@given(st.lists(st.integers(min_value=0, max_value=5000), max_size=4))
def test_one_parser_of_also_at(offsets):
    cell = ";".join(map(str, offsets)) or None
    assert csv_tables.offsets(cell) == tuple(offsets)
    the_seed = "x" * 2500
    row = {"id": "f", "quote": "x", "start": 0, "also_at": cell}
    problems: list[str] = []
    package._check_seed({"figures": table("figures", row)}, the_seed, problems)
    beyond = [p for p in problems if "also_at" in p]
    assert len(beyond) == sum(o >= len(the_seed) for o in offsets)


def test_no_module_splits_a_list_cell_itself():
    """``a;b`` cells are read by :func:`csv_tables.list_cell` (and :func:`csv_tables.offsets`) only."""
    found = []
    for path in sorted((paths.ROOT / "sciencecity").rglob("*.py")):
        if path.name != "csv_tables.py" and re.search(r"""\.split\(\s*["'];["']\s*\)""", path.read_text("utf-8")):
            found.append(path.name)
    assert found == []


# --- Periods -----------------------------------------------------------------------------------------

years = st.integers(min_value=1990, max_value=2030)


@st.composite
def single_periods(draw) -> str:
    year = draw(years)
    form = draw(st.sampled_from(["year", "half", "month", "day"]))
    if form == "year":
        return str(year)
    if form == "half":
        return f"{year}H{draw(st.integers(1, 2))}"
    month = draw(st.integers(1, 12))
    if form == "month":
        return f"{year}-{month:02d}"
    return (dt.date(year, month, 1) + dt.timedelta(days=draw(st.integers(0, 27)))).isoformat()


@st.composite
def any_periods(draw) -> str:
    first = draw(single_periods())
    last = draw(single_periods())
    if not draw(st.booleans()) or periods.parse(first).first_day > periods.parse(last).last_day:
        return first
    return f"{first}/{last}"


@given(any_periods())
def test_every_rule_reads_a_period_alike(text_):
    period = periods.parse(text_)
    bounds = intrinsic._bounds(text_)
    assert bounds == (period.first_day, period.last_day)
    assert intrinsic._years(text_) == max(1, len(period.years))
    assert periods.year_of(text_) == int(text_[:4])
    economy_row = {"period": text_, "period_type": period.kind, "quote": f"{text_[:4]}年"}
    assert [p for p in economy_table.row_problems(economy_row) if "period" in p] == []
    wrong = economy_table.row_problems(economy_row | {"period_type": "a decade"})
    assert wrong == [f"column 'period_type': 'a decade', but {text_!r} is a {period.kind}"]


@given(single_periods())
def test_later_table_the_analyses_and_the_timeline_agree_on_a_single_period(text_):
    period = periods.parse(text_)
    row = {"id": "l", "value": 1.0, "unit": "%", "metric": "gdp_growth", "period": text_}
    assert later_table.check({"later": table("later", row | {"period_type": period.kind})}) == []
    assert later_table.check({"later": table("later", row | {"period_type": "decade"})}) != []
    if period.precision != "half-year":
        first, last, precision, written = timeline._span(period.year, period.first.month, period.first.day)
        assert (first, last) == (pd.Timestamp(period.first_day), pd.Timestamp(period.last_day))
        assert (precision, written) == (period.precision, text_)
    if period.precision in ("year", "half-year"):
        assert periods.parse(periods.year_before(text_)).years == (period.year - 1,)


@given(st.text(max_size=12))
def test_a_period_is_parsed_or_refused_with_a_reason(text_):
    try:
        period = periods.parse(text_)
    except ValueError as exc:
        assert str(exc)
        assert intrinsic._bounds(text_) is None
        assert periods.year_of(text_) is None
    else:
        assert periods.is_period_form(text_) and period.text == text_


@pytest.mark.parametrize(
    ("text_", "kind", "first", "last"),
    [
        ("2021", "full-year", "2021-01-01", "2021-12-31"),
        ("2021H1", "half-year", "2021-01-01", "2021-06-30"),
        ("2022H2", "half-year", "2022-07-01", "2022-12-31"),
        ("2021-02", "month", "2021-02-01", "2021-02-28"),
        ("2024-02", "month", "2024-02-01", "2024-02-29"),
        ("2021-05-27", "day", "2021-05-27", "2021-05-27"),
        ("2020-01/2020-07", "months", "2020-01-01", "2020-07-31"),
        ("2020-09/2021-09", "months", "2020-09-01", "2021-09-30"),
        ("2021-08-23/2021-08-25", "days", "2021-08-23", "2021-08-25"),
        ("2021/2022-03", "range", "2021-01-01", "2022-03-31"),
    ],
)
def test_period_forms_by_hand(text_, kind, first, last):
    period = periods.parse(text_)
    assert period.kind == kind
    assert (period.first_day, period.last_day) == (dt.date.fromisoformat(first), dt.date.fromisoformat(last))


def test_an_unknown_year_has_no_days_and_no_years():
    period = periods.parse("XXXX-05-27")
    assert (period.kind, period.year, period.first_day, period.years) == ("day", None, None, ())
    assert periods.parse("XXXX-02-29").first.day == 29  # a leap day may be real when the year is lost


@pytest.mark.parametrize(
    ("text_", "why"),
    [
        ("2021-13", "has no month 13"),
        ("2021-02-30", "not a calendar date"),
        ("H1 2021", "not a period"),
        ("1/2/3", "two ends"),
        ("2021-08-25/2021-08-23", "ends before it starts"),
    ],
)
def test_bad_periods_are_refused(text_, why):
    with pytest.raises(ValueError, match=why):
        periods.parse(text_)


def test_relative_words_name_a_period():
    assert periods.period_of_words("今年上半年,直管园GDP增长19.8%", 2021) == ("2021H1", "今年上半年")
    assert periods.period_of_words("去年全年", 2021) == ("2020", "去年")
    assert periods.period_of_words("上个月", 2021) is None


# --- A value stated by its quote ----------------------------------------------------------------------


def test_one_bad_economy_value_gives_one_message(tmp_path):
    """economy.csv's values are checked against their quotes by the generic rule only."""
    shutil.copytree(paths.DATA_DIR, tmp_path, dirs_exist_ok=True)
    path = tmp_path / "economy.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[2] = lines[2].replace(",9992.21,", ",9992.12,", 1)
    path.write_text("\n".join(lines), encoding="utf-8")
    problems, _ = validate.validate(tmp_path)
    about_value = [p for p in problems if p.startswith("economy.csv:3: column 'value'")]
    assert len(about_value) == 1, problems
