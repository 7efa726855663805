"""The repost's damage rule: every run of :data:`LOST_RUN` or more digits was dropped (总投资达.6亿元).

Belongs here: the rule itself, once, for every caller (the validator's figure and restoration
rules, ``later.csv``'s candidates, the claims' statuses, the analysis and the reader tables):
:func:`lose_digits` replays the damage, :func:`fits_lost_digits` says whether a number could be
one the repost damaged into what the article shows, :func:`implied_min` is the least number a
lost figure can have been. Where each gap lies and what accounts for it is
:mod:`sciencecity.analysis.repost_gaps`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from sciencecity.reading.text import number_text

#: The repost lost every run of this many digits or more.
LOST_RUN = 3
#: The least whole number with a run of :data:`LOST_RUN` digits (100): what a lost integer part was at least.
LOST_RUN_MIN = Decimal(10 ** (LOST_RUN - 1))

_LOST = re.compile(rf"\d{{{LOST_RUN},}}")


def lose_digits(text: str) -> str:
    """``text`` as the repost printed it: every run of :data:`LOST_RUN` or more digits removed."""
    return _LOST.sub("", text)


def fits_lost_digits(candidate: float | int | str | Decimal, survives: str) -> bool:
    """Whether ``candidate``, written out, would read ``survives`` after the repost's damage.

    ``survives`` is what is left in the article (``".6"`` for 总投资达.6亿元, ``""`` when the
    whole number went). The candidate must have lost something: a number the repost would have
    printed intact (30) cannot be one the article shows as lost.

    This is the one test of a fit: 2400.5 does not fit a figure of which nothing survives (``""``),
    because the repost would have printed it as ``.5``; the damage removes runs of digits, not
    whole numbers. (A test of "at least :func:`implied_min` and ending in ``survives``" accepts
    2400.5 there: it forgets that the digits after a point survive unless they too are a run.)
    A fitting number is always at least :func:`implied_min`.
    """
    if isinstance(candidate, Decimal):
        written = format(candidate.normalize(), "f")
    else:
        written = candidate if isinstance(candidate, str) else number_text(candidate)
    damaged = lose_digits(written)
    return damaged == survives and damaged != written


def implied_min(survives: str | None) -> Decimal:
    """The least number a figure can have been when ``survives`` is what the repost left (100, 100.6)."""
    return LOST_RUN_MIN + Decimal(survives or "0")
