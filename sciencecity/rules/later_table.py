"""The rules of ``later.csv`` (figures published after the article) that no generic rule covers.

Belongs here: a later row's value, unit, period and period type agree; a ``candidate``
restoration citing a later row names a figure whose digits were lost and a value that fits them
(:func:`sciencecity.rules.lostdigits.fits_lost_digits`); the rows the growth series reads by id
(:data:`EARLY_POINTS`). :func:`sciencecity.rules.validate.validate` runs :func:`check`.
"""

from __future__ import annotations

from collections.abc import Mapping

from sciencecity.reading import periods
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

    ``tables`` maps names to checked :class:`sciencecity.reading.csv_tables.Table` objects.
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
            kind = _kind(row["period"])
            if kind is not None and kind != row["period_type"]:
                problems.append(
                    f"{where}: column 'period_type': {row['period']} is a {kind}, not a {row['period_type']}"
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


def _kind(period: str) -> str | None:
    """The period's kind (:func:`sciencecity.reading.periods.parse`); ``None`` if not a real date (the calendar rule
    of :mod:`sciencecity.rules.intrinsic` says so)."""
    try:
        return periods.parse(period).kind
    except ValueError:
        return None
