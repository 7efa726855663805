"""Periods and dates as ``data/`` writes them: the one parser every table, rule and analysis uses.

Belongs here: the forms of a ``period``, ``date`` or ``*_date`` cell and what each means (its
kind, its first and last day, the calendar years it covers), and the period that the article's
relative words (今年上半年 'the first half of this year') name in an article of a known year.
Nothing here reads a file or knows a table; the descriptor's patterns say which forms a column
allows, and :mod:`sciencecity.rules.intrinsic` reports a cell that is not a real calendar date.

The forms (ISO 8601 and EDTF, with the report's half-years):

- ``2021`` a year (kind ``full-year``), ``2021H1``/``2021H2`` a half-year (``half-year``),
  ``2021-07`` a month (``month``), ``2021-07-20`` a day (``day``);
- ``XXXX`` for a year the repost lost (``XXXX``, ``XXXX-05``, ``XXXX-05-27``): its days and years
  are unknown;
- a range ``first/last`` of two of these (``2020-01/2020-07``), of kind ``months``, ``days``,
  ``years`` or ``half-years`` when both ends have the same precision, else ``range``.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

#: One date or period (no range): a year or ``XXXX``, then a half-year, a month or a month and day.
PART = re.compile(r"(?P<year>[0-9]{4}|XXXX)(?:H(?P<half>[12])|-(?P<month>[0-9]{2})(?:-(?P<day>[0-9]{2}))?)?")

#: The kind of a single period, by its precision.
KIND_OF_PRECISION = {"year": "full-year", "half-year": "half-year", "month": "month", "day": "day"}
#: The kind of a range whose two ends have the same precision.
KIND_OF_RANGE = {"year": "years", "half-year": "half-years", "month": "months", "day": "days"}
#: A leap year, to check the day of a date whose year is unknown (XXXX-02-29 may be real).
_LEAP = 2000


@dataclass(frozen=True)
class Point:
    """One date or period, as precise as written: a year (``None`` if lost), and a half, month or day."""

    year: int | None
    half: int | None = None
    month: int | None = None
    day: int | None = None

    @property
    def precision(self) -> str:
        """``year``, ``half-year``, ``month`` or ``day``."""
        if self.day is not None:
            return "day"
        if self.month is not None:
            return "month"
        return "half-year" if self.half is not None else "year"

    @property
    def text(self) -> str:
        """The point as written in data/ (``2021-07``; ``XXXX-05-27``)."""
        year = "XXXX" if self.year is None else f"{self.year:04d}"
        if self.half is not None:
            return f"{year}H{self.half}"
        month = "" if self.month is None else f"-{self.month:02d}"
        return year + month + ("" if self.day is None else f"-{self.day:02d}")

    @property
    def first_day(self) -> dt.date | None:
        """The first day the point covers (``None`` when the year is unknown)."""
        if self.year is None:
            return None
        if self.half is not None:
            return dt.date(self.year, 1 if self.half == 1 else 7, 1)
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> dt.date | None:
        """The last day the point covers (``None`` when the year is unknown)."""
        if self.year is None:
            return None
        if self.half is not None:
            return dt.date(self.year, 6, 30) if self.half == 1 else dt.date(self.year, 12, 31)
        month = self.month or 12
        return dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])


@dataclass(frozen=True)
class Period:
    """A parsed period: its text, and its first and last point (the same point unless a range)."""

    text: str
    first: Point
    last: Point

    @property
    def is_range(self) -> bool:
        return "/" in self.text

    @property
    def year(self) -> int | None:
        """The (first) year the period names; ``None`` when lost (``XXXX``)."""
        return self.first.year

    @property
    def precision(self) -> str:
        """How precise the (first) point is: ``year``, ``half-year``, ``month`` or ``day``."""
        return self.first.precision

    @property
    def kind(self) -> str:
        """``full-year``, ``half-year``, ``month`` or ``day``; for a range ``months`` (etc.) or ``range``."""
        if not self.is_range:
            return KIND_OF_PRECISION[self.first.precision]
        if self.first.precision != self.last.precision:
            return "range"
        return KIND_OF_RANGE[self.first.precision]

    @property
    def first_day(self) -> dt.date | None:
        """The first day the period covers (``None`` when a year is unknown)."""
        return self.first.first_day if self.last.year is not None else None

    @property
    def last_day(self) -> dt.date | None:
        """The last day the period covers (``None`` when a year is unknown)."""
        return self.last.last_day if self.first.year is not None else None

    @property
    def years(self) -> tuple[int, ...]:
        """The calendar years the period covers, in order (``()`` when a year is unknown)."""
        if self.first.year is None or self.last.year is None:
            return ()
        return tuple(range(self.first.year, self.last.year + 1))


def _point(part: str) -> Point:
    m = PART.fullmatch(part)
    if m is None:
        raise ValueError(f"{part!r} is not a period (2021, 2021H1, 2021-07, 2021-07-20, XXXX-07-20 or a/b)")
    year = None if m["year"] == "XXXX" else int(m["year"])
    month, day = (int(m[g]) if m[g] else None for g in ("month", "day"))
    if month is not None and not 1 <= month <= 12:
        raise ValueError(f"{part!r} has no month {m['month']}")
    if day is not None and not 1 <= day <= calendar.monthrange(year or _LEAP, month)[1]:
        raise ValueError(f"{part!r} is not a calendar date")
    return Point(year, int(m["half"]) if m["half"] else None, month, day)


def parse(text: str) -> Period:
    """The period ``text`` writes; :class:`ValueError` (saying why) if it is not one or not a real date."""
    parts = str(text).split("/")
    if len(parts) > 2:
        raise ValueError(f"{text!r} is not a period (a range has two ends)")
    first, last = _point(parts[0]), _point(parts[-1])
    if first.year is not None and last.year is not None and first.first_day > last.last_day:
        raise ValueError(f"{text!r} ends before it starts")
    return Period(str(text), first, last)


def is_period_form(text: str) -> bool:
    """Whether ``text`` has a period's form (``2021-13`` has; ``H1 2021`` has not), real date or not."""
    parts = str(text).split("/")
    return len(parts) <= 2 and all(PART.fullmatch(p) for p in parts)


def year_of(text: str | None) -> int | None:
    """The (first) year a period names; ``None`` for a lost year, an empty cell or no period."""
    try:
        return parse(text).year if text else None
    except ValueError:
        return None


def year_before(text: str) -> str | None:
    """The same year or half-year one year earlier (``2021H1`` -> ``2020H1``); ``None`` for other forms."""
    try:
        period = parse(text)
    except ValueError:
        return None
    if period.is_range or period.year is None or period.precision not in ("year", "half-year"):
        return None
    return Point(period.year - 1, period.first.half).text


#: The article's relative periods, most specific first, and how many years before the article's each is.
RELATIVE_WORDS = (("今年上半年", 0, "H1"), ("去年上半年", 1, "H1"), ("今年", 0, ""), ("去年", 1, ""))


def period_of_words(quote: str, year: int) -> tuple[str, str] | None:
    """``(period, words)`` for the first relative period a quote names in an article of ``year``.

    ``今年上半年`` in an article of 2021 is ``2021H1``; ``去年`` is ``2020``; ``None`` if none.
    """
    for words, back, half in RELATIVE_WORDS:
        if words in quote:
            return f"{year - back}{half}", words
    return None
