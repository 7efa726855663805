"""TODO docstring."""

from __future__ import annotations

from collections.abc import Mapping

from sciencecity.rules import lostdigits

#: Where the 2020 and 2021H1 points of the growth series come from: (subject, table, id).
EARLY_POINTS = (
    ("core", "external", "core_gdp_growth_2020"),
    ("core", "figures", "gdp_growth_h1"),
    ("city", "external", "cq_gdp_growth_2020"),
    ("city", "external", "cq_gdp_growth_h1_2021"),
)


def check(tables: Mapping) -> list[str]:
    """Cross-field problems of ``later.csv`` and of the ``later_id`` rows of ``restorations.csv``.

    ``tables`` maps names to checked ``sciencecity.data.Table`` objects (``check_package``).
    later.csv: a value has a unit and a unit a value; a growth, GDP or count metric has a value;
    the period is of its ``period_type``. restorations.csv: exactly one of ``external_id`` and
    ``later_id``; a ``candidate`` names a figure whose digits were lost and a value that fits them.
    """
    problems: list[str] = []
    later = tables.get("later")
    if later is not None:
        for row, line in zip(later.rows, later.lines, strict=True):
            where = f"later.csv:{line}"
            if (row["value"] is None) != (not row["unit"]):
                problems.append(f"{where}: column 'unit': a unit goes with a value, and a value with a unit")
            if row["metric"] not in ("milestone", "description") and row["value"] is None:
                problems.append(f"{where}: column 'value': metric {row['metric']} needs a value")
            if _period_kind(row["period"]) != row["period_type"]:
                problems.append(
                    f"{where}: column 'period_type': {row['period']} is a {_period_kind(row['period'])}, not a "
                    f"{row['period_type']}"
                )
    restorations, figures = tables.get("restorations"), tables.get("figures")
    if restorations is not None and "later_id" in restorations.resource.columns:
        lost = {r["id"]: r for r in figures.rows} if figures is not None else {}
        values = {r["id"]: r["value"] for r in later.rows} if later is not None else {}
        for row, line in zip(restorations.rows, restorations.lines, strict=True):
            where = f"restorations.csv:{line}"
            if bool(row["external_id"]) == bool(row["later_id"]):
                problems.append(f"{where}: column 'later_id': exactly one of external_id and later_id must be set")
            if row["relation"] == "candidate":
                fig = lost.get(row["figure_id"])
                if fig is None or fig["status"] != "digits_lost":
                    problems.append(
                        f"{where}: column 'relation': a candidate is only for a figure whose digits were lost"
                    )
                elif row["later_id"] in values and (
                    values[row["later_id"]] is None
                    or not lostdigits.fits_lost_digits(values[row["later_id"]], fig["survives"] or "")
                ):
                    problems.append(f"{where}: column 'relation': the candidate's value does not fit the lost digits")
    return problems


def _period_kind(period: str) -> str:
    """full-year, half-year, month or day, from the period's form."""
    if "H" in period:
        return "half-year"
    return {1: "full-year", 2: "month", 3: "day"}[len(period.split("-"))]
