"""Differential test: the ``frictionless`` library and the project's loader judge the same corruptions alike.

The project checks tables itself (:mod:`sciencecity.rules.checked`, for speed) and claims the Frictionless
standard. Each case below corrupts a copy of ``data/`` at the schema level (a cell against its
type or constraint, a key, the descriptor's constraints, types, ``missingValues``, a
self-referencing foreign key), or writes a valid form of the standard that must be accepted
(``5.886e2``, ``NaN``, ``+5``, a missing value). Both validators run on the same package, cut to the
corrupted resource and the resources its foreign keys reach (so frictionless takes a fraction
of a second), and must agree with each other and with the expected answer.

Where the project is deliberately stricter than the library, the case is not here but in
``test_frictionless_forms_the_project_refuses`` below, with the reason: full-width digits and
cells with surrounding spaces (the standard's lexical forms have neither; the library is lax),
and constraints or types the project does not implement (refused with a message naming them).
"""

from __future__ import annotations

import json
import shutil
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sciencecity.reading import paths
from sciencecity.reading.descriptor import DataError
from sciencecity.rules.package import check_package

from .test_corruptions import edit_descriptor as descriptor
from .test_corruptions import rewrite, set_cell


@dataclass(frozen=True)
class Case:
    id: str
    resource: str
    apply: Callable[[Path], None]
    valid: bool


def field(resource: str, name: str, **changes) -> Callable[[Path], None]:
    """Set a field's ``type`` or add ``constraints`` (``constraints={...}`` merges)."""

    def edit(r: dict) -> None:
        f = next(f for f in r["schema"]["fields"] if f["name"] == name)
        for key, value in changes.items():
            if key == "constraints":
                f.setdefault("constraints", {}).update(value)
            else:
                f[key] = value

    return descriptor(edit, resource)


def both(*fs: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        for f in fs:
            f(d)

    return apply


def duplicate_last_row(name: str) -> Callable[[Path], None]:
    return lambda d: rewrite(d, name, lambda t: t.append(list(t[-1])))


CASES = [
    # --- cells against their types ---------------------------------------------------------------
    Case("number_text", "later", set_cell("later", "cq_gdp_2024", "value", "32193.15 亿元"), False),
    Case("number_exponent", "later", set_cell("later", "cq_gdp_2024", "value", "3.219315e4"), True),
    Case("number_exponent_signed", "later", set_cell("later", "cq_gdp_2024", "value", "3219315E-2"), True),
    Case("number_nan", "later", set_cell("later", "cq_gdp_2024", "value", "NaN"), True),
    Case("number_two_points", "later", set_cell("later", "cq_gdp_2024", "value", "32.193.15"), False),
    Case("number_comma_grouping", "later", set_cell("later", "cq_gdp_2024", "value", "32,193.15"), False),
    Case("integer_plus_sign", "figures", set_cell("figures", "gdp_growth_h1", "start", lambda s: "+" + s), True),
    Case("integer_decimal", "figures", set_cell("figures", "gdp_growth_h1", "start", lambda s: s + ".0"), False),
    Case("integer_negative_below_minimum", "non_figures", set_cell("non_figures", "1123", "start", "-1"), False),
    Case("boolean_yes", "categories", set_cell("categories", "大健康", "leading_industry", "yes"), False),
    Case("boolean_upper", "categories", set_cell("categories", "大健康", "leading_industry", "TRUE"), True),
    # --- constraints of the descriptor as it is --------------------------------------------------
    Case("enum", "figures", set_cell("figures", "gdp_growth_h1", "unit", "percent"), False),
    Case("pattern", "figures", set_cell("figures", "gdp_growth_h1", "period", "2021-H1"), False),
    Case("required_empty", "figures", set_cell("figures", "gdp_growth_h1", "label_en", ""), False),
    Case("unique", "later", duplicate_last_row("later"), False),
    Case("composite_primary_key", "zone_carriers", duplicate_last_row("zone_carriers"), False),
    Case(
        "foreign_key_broken",
        "restorations",
        set_cell("restorations", "scenario_investment", "external_id", "no_such_row"),
        False,
    ),
    Case("header_missing_column", "zones", lambda d: rewrite(d, "zones", lambda t: [r.pop() for r in t]), False),
    # --- constraints and forms added to the descriptor --------------------------------------------
    Case("maximum_broken", "later", field("later", "value", constraints={"maximum": 100}), False),
    Case("maximum_kept", "later", field("later", "value", constraints={"maximum": 40000}), True),
    Case("minimum_broken", "external", field("external", "value", constraints={"minimum": 1}), False),
    Case("max_length_broken", "figures", field("figures", "id", constraints={"maxLength": 12}), False),
    Case("max_length_kept", "figures", field("figures", "id", constraints={"maxLength": 60}), True),
    Case("min_length_broken", "figures", field("figures", "id", constraints={"minLength": 20}), False),
    Case("enum_of_numbers", "later", field("later", "value", constraints={"enum": [1, 2]}), False),
    Case(
        "missing_values_accepted",
        "later",
        both(
            descriptor(lambda r: r["schema"].update(missingValues=["", "NA"]), "later"),
            set_cell("later", "cq_gdp_2024", "note", "NA"),
        ),
        True,
    ),
    Case(
        "missing_value_in_required_field",
        "later",
        both(
            descriptor(lambda r: r["schema"].update(missingValues=["", "NA"]), "later"),
            set_cell("later", "cq_gdp_2024", "label_en", "NA"),
        ),
        False,
    ),
    Case(
        "self_reference_foreign_key",
        "external",
        descriptor(lambda r: r["schema"]["foreignKeys"][0]["reference"].update(resource=""), "external"),
        True,
    ),
    Case(
        "self_reference_foreign_key_broken",
        "external",
        both(
            descriptor(lambda r: r["schema"]["foreignKeys"][0]["reference"].update(resource=""), "external"),
            set_cell("external", "cq_gdp_growth_2020", "stated_in", "no_such_row"),
        ),
        False,
    ),
    Case("type_number_to_integer", "later", field("later", "value", type="integer"), False),
    Case("type_string_to_integer", "later", field("later", "label_en", type="integer"), False),
    Case("type_string_to_number", "figures", field("figures", "quote", type="number"), False),
    Case("type_string_to_boolean", "later", field("later", "note", type="boolean"), False),
]


def _closure(desc: dict, name: str) -> list[str]:
    """The resource and every resource its foreign keys reach (a self-reference stays in)."""
    by_name = {r["name"]: r for r in desc["resources"]}
    keep, todo = [], [name]
    while todo:
        n = todo.pop()
        if n in keep or n not in by_name:
            continue
        keep.append(n)
        for fk in by_name[n].get("schema", {}).get("foreignKeys", []):
            todo.append(fk["reference"]["resource"] or n)
    return keep


def _package(tmp_path: Path, case: Case) -> Path:
    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    case.apply(copy)
    path = copy / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    keep = _closure(desc, case.resource)
    desc["resources"] = [r for r in desc["resources"] if r["name"] in keep]
    path.write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return copy


def frictionless_valid(data_dir: Path) -> bool:
    from frictionless import validate

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return validate(str(data_dir / "datapackage.json")).valid


def project_problems(data_dir: Path) -> list[str]:
    try:
        return check_package(data_dir)[1]
    except DataError as exc:  # the descriptor itself is refused
        return exc.problems


def project_valid(data_dir: Path) -> bool:
    return not project_problems(data_dir)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_frictionless_and_the_project_agree(tmp_path: Path, case: Case):
    copy = _package(tmp_path, case)
    theirs, ours = frictionless_valid(copy), project_valid(copy)
    assert (theirs, ours) == (case.valid, case.valid), project_problems(copy)[:5]


REFUSED = [
    # (id, resource, corruption, why the project rejects what the library accepts)
    (
        "fullwidth_digits",
        "later",
        set_cell("later", "cq_gdp_2024", "value", "３２１９３.１５"),
        "not the standard's form",
    ),
    ("surrounding_spaces", "later", set_cell("later", "cq_gdp_2024", "value", " 32193.15"), "not the standard's form"),
    ("type_date", "later", field("later", "note", type="any"), "a type the project does not implement"),
]


@pytest.mark.parametrize("case", REFUSED, ids=lambda c: c[0])
def test_frictionless_forms_the_project_refuses(tmp_path: Path, case):
    _, resource, apply, _why = case
    copy = _package(tmp_path, Case(case[0], resource, apply, False))
    problems = project_problems(copy)
    assert problems and all(p.split(":", 1)[0].endswith((".csv", ".json")) for p in problems)


def test_an_unsupported_constraint_is_refused_by_name(tmp_path: Path):
    copy = _package(tmp_path, Case("x", "figures", field("figures", "id", constraints={"exclusiveMaximum": 3}), False))
    assert any("constraint 'exclusiveMaximum' is not supported" in p for p in project_problems(copy))
