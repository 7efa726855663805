"""TODO docstring."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from decimal import Decimal

import pandas as pd

PATH = "economy.csv"


THEMES = ("structure", "levels", "talent", "environment", "peers")


#: A number in ASCII digits (in 6.3萬戶 the 萬 is part of the unit, so the value is 6.3), and a year.
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")


_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")


def _rows(table) -> list[dict]:
    if isinstance(table, pd.DataFrame):
        return [
            {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in table.to_dict("records")
        ]
    return [dict(r) for r in table.rows]


def period_years(period: str) -> set[int]:
    """The calendar years a period covers: ``2021`` -> {2021}; ``2020-01/2020-07`` -> {2020}."""
    years = {int(y) for y in re.findall(r"[0-9]{4}", period)}
    if not years:
        raise ValueError(f"{period!r} names no year")
    return set(range(min(years), max(years) + 1))


def period_type_of(period: str) -> str:
    """The period type a period's form implies (``full-year``, ``half-year``, ``month``, ``months``)."""
    if re.fullmatch(r"[0-9]{4}", period):
        return "full-year"
    if re.fullmatch(r"[0-9]{4}H[12]", period):
        return "half-year"
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}", period):
        return "month"
    if re.fullmatch(r"[0-9]{4}-[0-9]{2}/[0-9]{4}-[0-9]{2}", period):
        return "months"
    raise ValueError(f"{period!r} is not a year, half-year, month or run of months")


def stated_numbers(text: str) -> set[Decimal]:
    """Every number written with ASCII digits in a text, as exact decimals."""
    return {Decimal(n) for n in _NUMBER.findall(text or "")}


def row_problems(row: Mapping) -> list[str]:
    """What is wrong with one row of ``economy.csv``, as ``column: message`` strings.

    The quote must state the value (the same decimal number), contain the qualifier when there is
    one, and name no calendar year outside the period; the period type must be the one the
    period's form implies.
    """
    problems = []
    quote = row.get("quote") or ""
    value = row.get("value")
    if value is None or Decimal(str(value)) not in stated_numbers(quote):
        problems.append(f"column 'value': {value!r} is not stated in the quote {quote!r}")
    qualifier = row.get("qualifier") or ""
    if qualifier and qualifier not in quote:
        problems.append(f"column 'qualifier': {qualifier!r} is not in the quote {quote!r}")
    try:
        implied = period_type_of(row["period"])
    except ValueError as exc:
        problems.append(f"column 'period': {exc}")
    else:
        if implied != row.get("period_type"):
            problems.append(f"column 'period_type': {row.get('period_type')!r}, but {row['period']!r} is a {implied}")
        years = {int(y) for y in _YEAR.findall(quote)}
        outside = sorted(years - period_years(row["period"]))
        if outside:
            problems.append(f"column 'period': the quote names {outside[0]}年, outside {row['period']!r}")
    return problems


def check(tables: Mapping) -> list[str]:
    """Every row problem of ``economy.csv``, naming file, line and column (none if absent)."""
    if "economy" not in tables:
        return []
    table = tables["economy"]
    rows = _rows(table)
    lines = list(getattr(table, "lines", range(2, 2 + len(rows))))
    return [f"{PATH}:{line}: {p}" for row, line in zip(rows, lines, strict=True) for p in row_problems(row)]
