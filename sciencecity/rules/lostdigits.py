"""TODO docstring."""

from __future__ import annotations

import re

from sciencecity.reading.text import number_text

#: The repost lost every run of this many digits or more.
LOST_RUN = 3


_LOST = re.compile(rf"\d{{{LOST_RUN},}}")


def lose_digits(text: str) -> str:
    """``text`` as the repost printed it: every run of three or more digits removed."""
    return _LOST.sub("", text)


def fits_lost_digits(candidate: float | int | str, survives: str) -> bool:
    """Whether ``candidate``, written out, would read ``survives`` after the repost's damage.

    ``survives`` is what is left in the article (``".6"`` for 总投资达.6亿元, ``""`` when the
    whole number went). The candidate must have lost something: a number the repost would have
    printed intact (30) cannot be one the article shows as lost.
    """
    written = candidate if isinstance(candidate, str) else number_text(candidate)
    damaged = lose_digits(written)
    return damaged == survives and damaged != written
