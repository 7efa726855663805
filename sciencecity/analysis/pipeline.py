"""Arithmetic checks on the project pipeline's figures (signed, started, in use; chapters 4 and 8).

Belongs here: pure functions that take numbers or the DataFrames that :mod:`sciencecity.rules.checked`
returns and check or combine them; nothing here reads a file, formats text for a table or draws
a chart.

- :func:`check_parts_sum` checks that the parts of a total add up to it (27 = 5 + 14 + 8).
- :func:`per_unit` is a ratio with explicit rounding (scenarios per project, ...).
- :func:`named_between` lists the institutions the article names within a span of the seed.
- :func:`status_counts` counts them by status.

Number formatting is :mod:`sciencecity.presentation.words`, the timeline :mod:`sciencecity.analysis.timeline`, the
lost digits :mod:`sciencecity.rules.lostdigits`.
"""

from __future__ import annotations

import math

import pandas as pd

# -- Parts and wholes ---------------------------------------------------------------------------


# -- Ratios --------------------------------------------------------------------------------------


def per_unit(total: float, count: float, ndigits: int = 2) -> float:
    """``total / count`` rounded to ``ndigits`` (e.g. scenarios per project)."""
    for name, value in (("total", total), ("count", count)):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise ValueError(f"{name} is missing: no ratio can be computed")
    if count <= 0:
        raise ValueError(f"count must be positive, got {count!r}")
    return round(float(total) / float(count), ndigits)


# -- Institutions --------------------------------------------------------------------------------


def named_between(institutions: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Institutions whose name starts in the seed at an offset in ``[start, end)``, in text order."""
    if end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    offsets = institutions["start"].astype("int64")
    inside = institutions[(offsets >= start) & (offsets < end)]
    return inside.sort_values("start", kind="stable").reset_index(drop=True)


def status_counts(institutions: pd.DataFrame, statuses) -> list[int]:
    """How many of ``institutions`` have each of ``statuses`` (``None``: a status no institution
    can have, counted 0), in the order given."""
    return [int((institutions["status"] == status).sum()) if status else 0 for status in statuses]
