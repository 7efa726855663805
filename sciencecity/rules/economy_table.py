"""The rules of ``economy.csv`` (the economy chapter's context figures) that no generic rule covers.

Belongs here: what an economy row's quote, qualifier, period and period type must agree on
(:func:`row_problems`), and the table's themes. Generic rules that also hold for economy.csv (a
value stated by its quote, plausible values, real dates) are :mod:`sciencecity.rules.intrinsic`'s;
:func:`sciencecity.rules.validate.validate` runs both. The chapter's arithmetic is
:mod:`sciencecity.analysis.economy`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import pandas as pd

from sciencecity.reading import periods

PATH = "economy.csv"


THEMES = ("structure", "levels", "talent", "environment", "peers")


#: A calendar year a quote names (2019年).
_YEAR = re.compile(r"((?:19|20)[0-9]{2})年")


def _rows(table) -> list[dict]:
    if isinstance(table, pd.DataFrame):
        return [
            {k: (None if isinstance(v, float) and math.isnan(v) else v) for k, v in r.items()}
            for r in table.to_dict("records")
        ]
    return [dict(r) for r in table.rows]


def row_problems(row: Mapping) -> list[str]:
    """What is wrong with one row of ``economy.csv``, as ``column: message`` strings.

    The quote contains the qualifier when there is one and names no calendar year outside the
    period; the period type is the one the period's form implies
    (:func:`sciencecity.reading.periods.parse`). That the quote states the value, in its unit, is
    the generic rule :func:`sciencecity.rules.intrinsic.quotes_state_values` (every table with
    ``value``, ``unit`` and ``quote``), not repeated here.
    """
    problems = []
    quote = row.get("quote") or ""
    qualifier = row.get("qualifier") or ""
    if qualifier and qualifier not in quote:
        problems.append(f"column 'qualifier': {qualifier!r} is not in the quote {quote!r}")
    try:
        period = periods.parse(row["period"])
    except ValueError as exc:
        return [*problems, f"column 'period': {exc}"]
    if period.kind != row.get("period_type"):
        problems.append(f"column 'period_type': {row.get('period_type')!r}, but {row['period']!r} is a {period.kind}")
    outside = sorted({int(y) for y in _YEAR.findall(quote)} - set(period.years))
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
