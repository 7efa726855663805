"""Arithmetic checks on the project pipeline's figures (signed, started, in use; chapters 4 and 8).

Belongs here: pure functions that take numbers or the DataFrames that :mod:`sciencecity.data`
returns and check or combine them; nothing here reads a file, formats text for a table or draws
a chart.

- :func:`check_parts_sum` checks that the parts of a total add up to it (27 = 5 + 14 + 8).
- :func:`per_unit` is a ratio with explicit rounding (scenarios per project, ...).
- :func:`named_between` lists the institutions the article names within a span of the seed.

Number formatting is :mod:`sciencecity.report`, the timeline :mod:`sciencecity.timeline`, the
lost digits :mod:`sciencecity.lostdigits`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from .report import number_text

# -- Parts and wholes ---------------------------------------------------------------------------


@dataclass(frozen=True)
class PartsCheck:
    """The result of :func:`check_parts_sum`: the total, the named parts and how they compare."""

    total: float
    parts: tuple[tuple[str, float], ...]

    @property
    def parts_sum(self) -> float:
        return sum(value for _, value in self.parts)

    @property
    def difference(self) -> float:
        """Sum of the parts minus the total: negative when parts are missing."""
        return self.parts_sum - self.total

    @property
    def adds_up(self) -> bool:
        return math.isclose(self.parts_sum, self.total, rel_tol=0.0, abs_tol=1e-9)

    def equation(self) -> str:
        """``5 + 14 + 8 = 27``: the parts and their sum (not the stated total)."""
        return " + ".join(number_text(v) for _, v in self.parts) + f" = {number_text(self.parts_sum)}"

    def describe(self) -> str:
        """One sentence for the text: whether the parts give the stated total."""
        if self.adds_up:
            return f"{self.equation()}, exactly the stated total"
        gap = abs(self.difference)
        side = "short of" if self.difference < 0 else "more than"
        return f"{self.equation()}, {number_text(round(gap, 9))} {side} the stated total of {number_text(self.total)}"


def check_parts_sum(total: float, parts: Mapping[str, float] | Iterable[float]) -> PartsCheck:
    """Check that ``parts`` (a mapping name -> value, or plain values) add up to ``total``.

    Raises :class:`ValueError` when there are no parts or a value is missing (a figure whose
    digits were lost cannot be summed).
    """
    if isinstance(parts, Mapping):
        items = [(str(k), v) for k, v in parts.items()]
    else:
        items = [(f"part {i + 1}", v) for i, v in enumerate(parts)]
    if not items:
        raise ValueError("no parts to add up")
    for name, value in [("total", total), *items]:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise ValueError(f"{name} is missing: a lost figure cannot be summed")
    return PartsCheck(total=float(total), parts=tuple((k, float(v)) for k, v in items))


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
