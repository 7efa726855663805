"""Platforms and the project pipeline (chapter 4) and their checks (chapter 8): checks, ratios, the timeline.

Pure functions: they take numbers or the DataFrames that :mod:`sciencecity.data` returns and
give back new values; nothing here reads a file or draws a chart.

- :func:`check_parts_sum` checks that the parts of a total add up to it (27 = 5 + 14 + 8).
- :func:`lose_digits` and :func:`fits_lost_digits` replay the repost's damage (every run of
  three or more digits was lost) to test whether a number from another source could be the
  one the article printed.
- :func:`per_unit` is a ratio with explicit rounding (scenarios per project, ...).
- :func:`value_text` and :func:`figure_table` write figures of ``figures.csv`` for a table,
  saying plainly when digits were lost.
- :func:`named_between` lists the institutions the article names within a span of the seed.
- :func:`timeline` builds the sorted event table from ``events.csv``, flagging every date or
  year that comes from another source (``external.csv``) rather than from the article; with
  ``refine_days`` it also takes the day from another source where the article gives the month.
"""

from __future__ import annotations

import calendar
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

#: The repost lost every run of this many digits or more.
LOST_RUN = 3

_LOST = re.compile(r"\d{%d,}" % LOST_RUN)
_EDTF = re.compile(r"^(?P<year>\d{4}|XXXX)(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")
_ISO = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


def number_text(value: float | int) -> str:
    """A number as the article would write it: ``27`` not ``27.0``, ``283.6`` as is."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        raise ValueError("no number to write (the value is missing)")
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return repr(value)


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


# -- Lost digits ---------------------------------------------------------------------------------


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


# -- Ratios --------------------------------------------------------------------------------------


def per_unit(total: float, count: float, ndigits: int = 2) -> float:
    """``total / count`` rounded to ``ndigits`` (e.g. scenarios per project)."""
    for name, value in (("total", total), ("count", count)):
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise ValueError(f"{name} is missing: no ratio can be computed")
    if count <= 0:
        raise ValueError(f"count must be positive, got {count!r}")
    return round(float(total) / float(count), ndigits)


# -- Figures for tables --------------------------------------------------------------------------

#: English for the article's qualifiers of lost figures.
QUALIFIER_EN = {"近": "nearly", "上百": "reaching a hundred", "百余": "a hundred and more", "千亿级": "hundred-billion class"}

_UNIT_SUFFIX = {"count": "", "rank": "", "%": " %", "百分点": " points", "亿元": " 亿元"}


def _with_unit(number: str, unit: str) -> str:
    if unit == "rank":
        return f"no. {number}"
    return number + _UNIT_SUFFIX.get(unit, f" {unit}" if unit else "")


def value_text(
    value: float | None,
    unit: str,
    status: str = "reported",
    implied_min: float | None = None,
    survives: str = "",
    bound: str = "exact",
    qualifier: str = "",
) -> str:
    """A figure's value for a table, in words where a bare number would mislead.

    Lost figures stay missing: ``lost; at least 100.6 亿元 (".6" survives)``. Bounds and orders of
    magnitude say so: ``at least 100 (上百)``, ``of the order of 1000 亿元 (千亿级)``.
    """
    def _missing(v):
        return v is None or (isinstance(v, float) and math.isnan(v))

    if status == "digits_lost":
        if _missing(implied_min):
            raise ValueError("a figure whose digits were lost needs its lower bound (implied_min)")
        text = f"lost; at least {_with_unit(number_text(implied_min), unit)}"
        if survives:
            text += f" (“{survives}” survives)"
        if qualifier:
            gloss = QUALIFIER_EN.get(qualifier)
            text += f"; written {qualifier}" + (f" ({gloss})" if gloss else "")
        return text
    if _missing(value):
        raise ValueError("a reported figure needs a value")
    number = _with_unit(number_text(value), unit)
    if bound == "lower":
        text = f"at least {number}"
    elif bound == "order_of_magnitude":
        text = f"of the order of {number}"
    elif bound == "approximate":
        text = f"nearly {number}"
    else:
        text = number
    if qualifier and bound != "exact":
        text += f" ({qualifier})"
    return text


def figure_table(figures: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """Chosen rows of ``data.load_figures()`` (indexed by id) as a narrow table for the text.

    Columns: Figure (English label), 原文 Quote, Value (see :func:`value_text`), Scope 范围.
    """
    ids = list(ids)
    missing = [i for i in ids if i not in figures.index]
    if missing:
        raise KeyError(f"no figure(s) {', '.join(missing)} in figures.csv")
    rows = []
    for fid in ids:
        f = figures.loc[fid]
        rows.append(
            {
                "Figure": f["label_en"],
                "原文 Quote": f["quote"],
                "Value": value_text(
                    f["value"], f["unit"], f["status"], f["implied_min"], f["survives"], f["bound"], f["qualifier"]
                ),
                "Scope 范围": f["scope"],
            }
        )
    return pd.DataFrame(rows, columns=["Figure", "原文 Quote", "Value", "Scope 范围"])


# -- Institutions --------------------------------------------------------------------------------


def named_between(institutions: pd.DataFrame, start: int, end: int) -> pd.DataFrame:
    """Institutions whose name starts in the seed at an offset in ``[start, end)``, in text order."""
    if end < start:
        raise ValueError(f"end ({end}) is before start ({start})")
    offsets = institutions["start"].astype("int64")
    inside = institutions[(offsets >= start) & (offsets < end)]
    return inside.sort_values("start", kind="stable").reset_index(drop=True)


# -- Timeline ------------------------------------------------------------------------------------

#: Where an event's plotted date comes from (``timeline()['date_source']``).
FROM_ARTICLE = "article"
YEAR_RESTORED = "article; year from another source"
DATE_RESTORED = "another source"
DAY_RESTORED = "article; day from another source"
UNKNOWN = "unknown"

TIMELINE_COLUMNS = [
    "event_id",
    "kind",
    "label_zh",
    "label_en",
    "date_as_written",
    "year_status",
    "date",
    "precision",
    "date_source",
    "restored",
    "restored_from",
    "first_day",
    "last_day",
    "offset",
]


def _span(year: int, month: int | None, day: int | None) -> tuple[pd.Timestamp, pd.Timestamp, str, str]:
    """First and last day, precision and ISO text of a date known to the year, month or day."""
    if day is not None:
        ts = pd.Timestamp(year=year, month=month, day=day)
        return ts, ts, "day", f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        last = calendar.monthrange(year, month)[1]
        return (pd.Timestamp(year=year, month=month, day=1), pd.Timestamp(year=year, month=month, day=last),
                "month", f"{year:04d}-{month:02d}")
    return pd.Timestamp(year=year, month=1, day=1), pd.Timestamp(year=year, month=12, day=31), "year", f"{year:04d}"


def _missing_int(value) -> bool:
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def timeline(
    events: pd.DataFrame,
    external: pd.DataFrame | None = None,
    kinds: Iterable[str] = ("event", "plan"),
    *,
    refine_days: bool = False,
) -> pd.DataFrame:
    """The dated events of ``events.csv`` as a sorted table, each date flagged by its origin.

    Rules, one row per event of the chosen ``kinds`` (reference periods are not events):

    - the article's calendar date (``date``, EDTF with ``XXXX`` for an unknown year) is kept at
      the precision the article gives (day or month);
    - a lost year (``year_status`` ``lost``) is filled from ``year_restored`` (another source):
      ``date_source`` = :data:`YEAR_RESTORED`, ``restored`` true;
    - a relative year (今年 'this year', 上个月 'last month') is the article's own and read as
      ``year_restored``: ``date_source`` = :data:`FROM_ARTICLE`, ``restored`` false;
    - when the article gives no calendar date but a year is known, the date of the restoring
      ``external`` row (its ``period``, if it is a date in that year) is used:
      ``date_source`` = :data:`DATE_RESTORED`, ``restored`` true;
    - otherwise the date is unknown: ``precision`` ``unknown``, ``first_day``/``last_day`` NaT;
    - with ``refine_days``, a date the article gives to the month only (今年5月) takes the day from
      its restoring ``external`` row when that row's ``period`` is a day of the same month:
      ``date_source`` = :data:`DAY_RESTORED`, ``restored`` true.

    Sorted by first day; unknown dates last; ties in the article's order (``offset``).
    """
    kinds = tuple(kinds)
    periods = {}
    if external is not None:
        periods = dict(zip(external["id"], external["period"]))
    rows = []
    for ev in events[events["kind"].isin(kinds)].itertuples(index=False):
        year = None if _missing_int(ev.year_restored) else int(ev.year_restored)
        match = _EDTF.match(ev.date) if ev.date else None
        if match and match["year"] != "XXXX":
            year = int(match["year"])  # the article gives the year itself
        month = day = None
        source = UNKNOWN
        restored = False
        if match and year is not None:
            month = int(match["month"]) if match["month"] else None
            day = int(match["day"]) if match["day"] else None
            if match["year"] != "XXXX":
                source = FROM_ARTICLE
            elif ev.year_status == "lost":
                source, restored = YEAR_RESTORED, True
            else:
                source = FROM_ARTICLE
            if refine_days and day is None and month is not None and ev.restored_from:
                iso = _ISO.match(str(periods.get(ev.restored_from, "")))
                if iso and iso["day"] and (int(iso["year"]), int(iso["month"])) == (year, month):
                    day = int(iso["day"])
                    source, restored = DAY_RESTORED, True
        elif year is not None and ev.restored_from:
            iso = _ISO.match(str(periods.get(ev.restored_from, "")))
            if iso and int(iso["year"]) == year and iso["month"]:
                month = int(iso["month"])
                day = int(iso["day"]) if iso["day"] else None
                source, restored = DATE_RESTORED, True
        if source == UNKNOWN:
            first = last = pd.NaT
            precision, date = "unknown", ""
        else:
            first, last, precision, date = _span(year, month, day)
        rows.append(
            {
                "event_id": ev.event_id,
                "kind": ev.kind,
                "label_zh": ev.label_zh,
                "label_en": ev.label_en,
                "date_as_written": ev.date_as_written,
                "year_status": ev.year_status,
                "date": date,
                "precision": precision,
                "date_source": source,
                "restored": restored,
                "restored_from": ev.restored_from if restored else "",
                "first_day": first,
                "last_day": last,
                "offset": int(ev.start),
            }
        )
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    table["first_day"] = pd.to_datetime(table["first_day"])
    table["last_day"] = pd.to_datetime(table["last_day"])
    table["restored"] = table["restored"].astype(bool)
    table["_unknown"] = table["first_day"].isna()
    table = table.sort_values(["_unknown", "first_day", "offset"], kind="stable", na_position="last")
    return table.drop(columns="_unknown").reset_index(drop=True)
