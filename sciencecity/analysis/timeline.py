"""The dated events of ``events.csv`` as a timeline, each date flagged by where it comes from.

Belongs here: reading the article's dates (EDTF, with ``XXXX`` for a year the repost lost),
filling a lost year, month or day from another source (``external.csv``) and saying so in
``date_source``, and sorting the events. Pure functions over the DataFrames that
:mod:`sciencecity.rules.checked` returns; drawing the timeline is the chapters' (a chart).
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from sciencecity.reading import periods

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
    point = periods.Point(year, month=month, day=day)
    first, last = (pd.Timestamp(d.year, d.month, d.day) for d in (point.first_day, point.last_day))
    return first, last, point.precision, point.text


def _point(text: str) -> periods.Point | None:
    """The date ``text`` writes (``2021-05-27``, ``XXXX-05``), or ``None`` (empty, a range, a half-year)."""
    try:
        period = periods.parse(text)
    except ValueError:
        return None
    return None if period.is_range or period.first.half is not None else period.first


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
    dated = {}
    if external is not None:
        dated = dict(zip(external["id"], external["period"], strict=True))
    rows = [
        _row(ev, *_event_date(ev, dated, refine_days))
        for ev in events[events["kind"].isin(tuple(kinds))].itertuples(index=False)
    ]
    return _sorted(rows)


def _restoring_period(ev, dated: dict) -> periods.Point | None:
    """The date of the ``external`` row that restores ``ev``, if that row's period is one."""
    return _point(str(dated.get(ev.restored_from, "")))


def _event_date(ev, dated: dict, refine_days: bool) -> tuple[int | None, int | None, int | None, str, bool]:
    """One event's year, month and day, where they come from and whether another source gave any
    of them: ``(year, month, day, date_source, restored)`` (see :func:`timeline`'s rules).
    ``dated`` maps the ids of ``external.csv`` to their periods."""
    year = None if _missing_int(ev.year_restored) else int(ev.year_restored)
    match = _point(ev.date) if ev.date else None
    if match and match.year is not None:
        year = match.year  # the article gives the year itself
    if match and year is not None:
        return _article_date(ev, match, year, dated, refine_days)
    if year is not None and ev.restored_from:
        iso = _restoring_period(ev, dated)
        if iso and iso.year == year and iso.month:
            return year, iso.month, iso.day, DATE_RESTORED, True
    return year, None, None, UNKNOWN, False


def _article_date(ev, match: periods.Point, year: int, dated: dict, refine_days: bool):
    """The date of an event the article dates (its year given, relative or restored), the day
    taken from the restoring source when ``refine_days`` and the article gives only the month."""
    month, day = match.month, match.day
    if match.year is not None:
        source, restored = FROM_ARTICLE, False
    elif ev.year_status == "lost":
        source, restored = YEAR_RESTORED, True
    else:
        source, restored = FROM_ARTICLE, False
    if refine_days and day is None and month is not None and ev.restored_from:
        iso = _restoring_period(ev, dated)
        if iso and iso.day and (iso.year, iso.month) == (year, month):
            day = iso.day
            source, restored = DAY_RESTORED, True
    return year, month, day, source, restored


def _row(ev, year, month, day, source: str, restored: bool) -> dict:
    """One row of the timeline (:data:`TIMELINE_COLUMNS`) for event ``ev``."""
    if source == UNKNOWN:
        first = last = pd.NaT
        precision, date = "unknown", ""
    else:
        first, last, precision, date = _span(year, month, day)
    return {
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


def _sorted(rows: list[dict]) -> pd.DataFrame:
    """The rows as a table sorted by first day, unknown dates last, ties in the article's order."""
    table = pd.DataFrame(rows, columns=TIMELINE_COLUMNS)
    table["first_day"] = pd.to_datetime(table["first_day"])
    table["last_day"] = pd.to_datetime(table["last_day"])
    table["restored"] = table["restored"].astype(bool)
    table["_unknown"] = table["first_day"].isna()
    table = table.sort_values(["_unknown", "first_day", "offset"], kind="stable", na_position="last")
    return table.drop(columns="_unknown").reset_index(drop=True)


def event_counts(tl: pd.DataFrame, events: pd.DataFrame) -> dict[str, int]:
    """Counts of a :func:`timeline`: its events and plans, those placed in time, those with no
    known year, those that needed another source; and the reference periods of ``events`` (left out)."""
    unknown = tl["precision"] == "unknown"
    return {
        "events": len(tl),
        "events_dated": int((~unknown).sum()),
        "events_unknown": int(unknown.sum()),
        "restored": int(tl["restored"].sum()),
        "reference_periods": int((events["kind"] == "reference_period").sum()),
    }
