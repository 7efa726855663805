"""Realistic corruptions no other test names: what a contributor's slip does to a copy of data/.

Each case is an edit a person makes by accident (a lost decimal point, a tenfold typo, a
duplicated row, an impossible date, a flipped status, a cell pasted with an invisible
character) or a valid Frictionless form the validator must accept. A case is **handled right**
when :func:`sciencecity.rules.validate.validate`, with no ``../shared`` beside the repository:

- rejects it with a message naming the expected file, line and column (``expect``), every
  message starting with the file it blames, none an "internal error" or a rule that "cannot
  run", and at most :data:`MAX_MESSAGES` messages (one defect, one message, give or take the
  identities a changed number breaks); or
- accepts it, for the valid forms (``expect`` is ``None``).

``python -m tests.test_realistic_corruptions`` prints "N of M handled right" and the cases that
are not (how the issue's before/after figures were measured).
"""

from __future__ import annotations

import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sciencecity.reading import paths
from sciencecity.rules import copies
from sciencecity.rules.validate import validate

from .test_corruptions import edit_descriptor, line_of, rewrite, rows, set_cell

#: At most this many messages for one defect.
MAX_MESSAGES = 4


@dataclass(frozen=True)
class Case:
    id: str
    apply: Callable[[Path], None]
    expect: str | None  # "file.csv:LINE: column 'name'" that must be named; None: must be accepted


def loc(name: str, key: str, column: str) -> str:
    return f"{name}.csv:{line_of(name, key)}: column {column!r}"


def scale(factor: float) -> Callable[[str], str]:
    def apply(old: str) -> str:
        value = float(old) * factor
        return f"{value:.6g}"

    return apply


def copy_row(name: str, key: str, new_key: str | None = None) -> Callable[[Path], None]:
    """Duplicate a row at the end of the table (under a new first-column key when given)."""

    def edit(table: list[list[str]]) -> None:
        row = list(next(r for r in table[1:] if r[0] == key))
        if new_key is not None:
            row[0] = new_key
        table.append(row)

    return lambda d: rewrite(d, name, edit)


def last_line(name: str) -> int:
    return len(rows(name)) + 2


def swap_values(name: str, a: str, b: str, column: str = "value") -> Callable[[Path], None]:
    def edit(table: list[list[str]]) -> None:
        col = table[0].index(column)
        ra = next(r for r in table[1:] if r[0] == a)
        rb = next(r for r in table[1:] if r[0] == b)
        ra[col], rb[col] = rb[col], ra[col]

    return lambda d: rewrite(d, name, edit)


def set_constraint(resource: str, field: str, **constraints) -> Callable[[Path], None]:
    def edit(r: dict) -> None:
        f = next(f for f in r["schema"]["fields"] if f["name"] == field)
        f.setdefault("constraints", {}).update(constraints)

    return edit_descriptor(edit, resource)


def set_type(resource: str, field: str, type_: str) -> Callable[[Path], None]:
    def edit(r: dict) -> None:
        next(f for f in r["schema"]["fields"] if f["name"] == field)["type"] = type_

    return edit_descriptor(edit, resource)


def _both(*fs: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        for f in fs:
            f(d)

    return apply


TERM0 = rows("terminology")[0]["zh"]
FIRST_ZONE_ITEM = rows("zone_industries")[0]

CASES = [
    # --- external.csv: numbers with no quote of their own ----------------------------------------
    Case("ext_city_gdp_tenfold_down", set_cell("external", "cq_gdp_2020", "value", "2500.279"),
         loc("external", "cq_gdp_2020", "value")),
    Case("ext_city_gdp_decimal_point_lost", set_cell("external", "cq_gdp_2020", "value", "2500279"),
         loc("external", "cq_gdp_2020", "value")),
    Case("ext_core_gdp_tenfold", set_cell("external", "core_gdp_2020", "value", "4874.5"),
         loc("external", "core_gdp_2020", "value")),
    Case("ext_launch_projects_tenfold", set_cell("external", "launch_projects", "value", "790"),
         loc("external", "launch_projects", "value")),
    Case("ext_zone_investment_decimal_shift", set_cell("external", "launch_investment_jiangjin", "value", "17.5"),
         loc("external", "launch_investment_jiangjin", "value")),
    Case("ext_growth_negated", set_cell("external", "cq_gdp_growth_h1_2021", "value", "-12.8"),
         loc("external", "cq_gdp_growth_h1_2021", "value")),
    Case("ext_share_over_100", set_cell("external", "core_secondary_va_share_2020", "value", "567"),
         loc("external", "core_secondary_va_share_2020", "value")),
    Case("ext_area_tenfold", set_cell("external", "science_city_area", "value", "11980"),
         loc("external", "science_city_area", "value")),
    Case("ext_amount_negative", set_cell("external", "launch_investment_core", "value", "-482"),
         loc("external", "launch_investment_core", "value")),
    Case("ext_source_date_feb_30", set_cell("external", "cq_gdp_2020", "source_date", "2021-02-30"),
         loc("external", "cq_gdp_2020", "source_date")),
    Case("ext_period_month_13", set_cell("external", "launch_projects", "period", "2020-13"),
         loc("external", "launch_projects", "period")),
    Case("ext_source_date_in_future", set_cell("external", "cq_gdp_2020", "source_date", "2091-03-18"),
         loc("external", "cq_gdp_2020", "source_date")),
    Case("ext_period_after_source", set_cell("external", "cq_gdp_2020", "period", "2022"),
         loc("external", "cq_gdp_2020", "period")),
    Case("ext_url_without_host", set_cell("external", "cq_gdp_2020", "url", "https:///zwgk/tjgb/202103.shtml"),
         loc("external", "cq_gdp_2020", "url")),
    Case("ext_growth_in_yiyuan", set_cell("external", "cq_gdp_growth_h1_2021", "unit", "亿元"),
         loc("external", "cq_gdp_growth_h1_2021", "unit")),
    Case("ext_duplicate_row_new_id", copy_row("external", "cq_gdp_2020", "cq_gdp_2020_copy"),
         f"external.csv:{last_line('external')}"),
    Case("ext_zero_width_in_entity", set_cell("external", "cq_gdp_2020", "entity_zh", "重庆市\u200b"),
         loc("external", "cq_gdp_2020", "entity_zh")),
    Case("ext_value_blanked", set_cell("external", "cq_gdp_2020", "value", ""),
         loc("external", "cq_gdp_2020", "value")),
    # --- later.csv ------------------------------------------------------------------------------
    Case("later_city_gdp_tenfold", set_cell("later", "cq_gdp_2021", "value", "2789.402"),
         loc("later", "cq_gdp_2021", "value")),
    Case("later_growth_tenfold", set_cell("later", "core_gdp_growth_2021", "value", "129"),
         loc("later", "core_gdp_growth_2021", "value")),
    Case("later_growth_decimal_shift", set_cell("later", "core_gdp_growth_2021", "value", "1.29"),
         loc("later", "core_gdp_growth_2021", "value")),
    Case("later_half_year_gdp_tenfold", set_cell("later", "cq_gdp_2022h1", "value", "135116.4"),
         loc("later", "cq_gdp_2022h1", "value")),
    Case("later_rank_zero", set_cell("later", "core_gdp_growth_rank_2021", "value", "0"),
         loc("later", "core_gdp_growth_rank_2021", "value")),
    Case("later_count_fraction", set_cell("later", "core_rd_institutions_2021_07", "value", "27.8"),
         loc("later", "core_rd_institutions_2021_07", "value")),
    Case("later_period_month_13", set_cell("later", "core_rd_institutions_2021_07", "period", "2021-13"),
         loc("later", "core_rd_institutions_2021_07", "period")),
    Case("later_period_feb_30", set_cell("later", "facility_building_2025_03", "period", "2025-02-30"),
         loc("later", "facility_building_2025_03", "period")),
    Case("later_source_before_period", set_cell("later", "cq_gdp_2024", "source_date", "2023-01-21"),
         loc("later", "cq_gdp_2024", "period")),
    Case("later_url_without_scheme", set_cell("later", "cq_gdp_2024", "url", "cq.people.com.cn/n2/c367668.html"),
         loc("later", "cq_gdp_2024", "url")),
    Case("later_growth_in_yiyuan", set_cell("later", "cq_gdp_growth_2021", "unit", "亿元"),
         loc("later", "cq_gdp_growth_2021", "unit")),
    Case("later_duplicate_row_new_id", copy_row("later", "cq_gdp_growth_2024", "cq_gdp_growth_2024_b"),
         f"later.csv:{last_line('later')}"),
    Case("later_nul_in_note", set_cell("later", "cq_gdp_2024", "note", "copied\x00from the page"),
         loc("later", "cq_gdp_2024", "note")),
    Case("later_values_swapped", swap_values("later", "cq_gdp_2022", "cq_gdp_2023"),
         loc("later", "cq_gdp_2022", "value")),
    Case("later_unit_stray_space", set_cell("later", "cq_gdp_2024", "unit", "亿元 "),
         loc("later", "cq_gdp_2024", "unit")),
    # --- figures.csv ------------------------------------------------------------------------------
    Case("fig_duplicate_row_new_id", copy_row("figures", "gdp_growth_h1", "gdp_growth_h1_copy"),
         f"figures.csv:{last_line('figures')}"),
    Case("fig_period_wrong_year", set_cell("figures", "gdp_growth_h1", "period", "2020H1"),
         loc("figures", "gdp_growth_h1", "period")),
    Case("fig_period_month_13", set_cell("figures", "rd_institutions", "period", "2021-13"),
         loc("figures", "rd_institutions", "period")),
    Case("fig_status_flipped", set_cell("figures", "gdp_growth_h1", "status", "digits_lost"),
         loc("figures", "gdp_growth_h1", "status")),
    Case("fig_label_en_truncated", set_cell("figures", "signed_investment_growth_h1", "label_en", "Inv"),
         loc("figures", "signed_investment_growth_h1", "label_en")),
    Case("fig_share_tenfold", set_cell("figures", "trade_share_city", "value", "453"),
         loc("figures", "trade_share_city", "value")),
    # --- other tables -------------------------------------------------------------------------------
    Case("claim_unverifiable_flipped_to_verified", set_cell("claims", "fortune500_firms", "status", "verified"),
         loc("claims", "fortune500_firms", "status")),
    Case("claim_duplicate_id_in_list",
         set_cell("claims", "university_projects", "article_ids",
                  lambda s: s + ";" + s.split(";")[0]),
         loc("claims", "university_projects", "article_ids")),
    Case("event_date_feb_30", set_cell("events", "mobilisation_conference", "date", "XXXX-02-30"),
         loc("events", "mobilisation_conference", "date")),
    Case("terminology_key_with_zero_width", copy_row("terminology", TERM0, TERM0 + "\u200b"),
         f"terminology.csv:{last_line('terminology')}"),
    Case("zones_bad_start", set_cell("zones", "core", "start", "abc"), loc("zones", "core", "start")),
    # --- the descriptor -----------------------------------------------------------------------------
    Case("descriptor_maximum_enforced", set_constraint("later", "value", maximum=100),
         loc("later", "cq_gdp_2021", "value")),
    Case("descriptor_max_length_enforced", set_constraint("figures", "id", maxLength=12),
         loc("figures", "infrastructure_projects", "id")),
    Case("descriptor_unknown_constraint", set_constraint("figures", "id", exclusiveMaximum=3),
         "datapackage.json: resource 'figures': field 'id'"),
    Case("descriptor_start_becomes_string", set_type("figures", "start", "string"),
         "datapackage.json: resource 'figures': field 'start'"),
    Case("descriptor_value_becomes_integer", set_type("later", "value", "integer"),
         loc("later", "core_gdp_growth_2021", "value")),
    # --- valid Frictionless forms: must be accepted --------------------------------------------------
    Case("valid_exponent_number", set_cell("later", "cq_gdp_2024", "value", "3.219315e4"), None),
    Case("valid_missing_values",
         _both(edit_descriptor(lambda r: r["schema"].update(missingValues=["", "NA"]), "later"),
               set_cell("later", "cq_gdp_2024", "note", "NA")), None),
    Case("valid_self_reference_foreign_key",
         edit_descriptor(lambda r: r["schema"]["foreignKeys"][0]["reference"].update(resource=""), "external"),
         None),
]  # fmt: skip


_WHERE = re.compile(r"^[^:\s]+\.(csv|json|geojson)(:\d+)?: ")


def handled_right(case: Case, problems: list[str]) -> tuple[bool, str]:
    """Whether the validator's answer is right for the case, and why not."""
    report = "\n".join(problems)
    if case.expect is None:
        return (not problems, report)
    if not problems:
        return False, "accepted"
    if "internal error" in report or "cannot run" in report:
        return False, report
    if case.expect not in report:
        return False, report
    if not all(_WHERE.match(p) for p in problems):
        return False, report
    if len(problems) > MAX_MESSAGES:
        return False, f"{len(problems)} messages:\n{report}"
    return True, ""


def run_case(case: Case, root: Path) -> list[str]:
    copy = Path(shutil.copytree(paths.DATA_DIR, root / "data"))
    case.apply(copy)
    try:
        return validate(copy)[0]
    except Exception as exc:  # noqa: BLE001 - a crash is a wrong answer, measured as such
        return [f"internal error ({type(exc).__name__}: {exc})"]


@pytest.fixture(autouse=True)
def _no_shared(monkeypatch):
    """As on a user's clone: nothing beside the repository."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(copies, "shared_external_path", lambda root=None: Path("/nonexistent/x.csv"))
    if hasattr(copies, "shared_later_path"):
        monkeypatch.setattr(copies, "shared_later_path", lambda root=None: Path("/nonexistent/y.csv"))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_realistic_corruption_is_handled_right(tmp_path: Path, case: Case):
    ok, why = handled_right(case, run_case(case, tmp_path))
    assert ok, why


def measure() -> tuple[int, list[str]]:
    wrong = []
    for case in CASES:
        with tempfile.TemporaryDirectory() as tmp:
            ok, why = handled_right(case, run_case(case, Path(tmp)))
        if not ok:
            wrong.append(f"{case.id}: {why.splitlines()[0] if why else ''}")
    return len(CASES) - len(wrong), wrong


if __name__ == "__main__":
    import os

    os.environ.pop("CI", None)
    copies.shared_external_path = lambda root=None: Path("/nonexistent/x.csv")
    right, wrong = measure()
    print(f"{right} of {len(CASES)} handled right")
    print("\n".join(wrong))
