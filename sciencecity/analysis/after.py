"""What came after the article (2021 to 2025): growth by period, the core's lead, the facility's timeline.

Belongs here: assembling the figures of ``data/later.csv`` with the article's (``figures.csv``)
and the 2020–2021H1 context (``external.csv``) into period series; the core's lead over
Chongqing in points per period; the ultra-transient facility's dated milestones; what a later
figure can and cannot say about a number the repost lost. Growth arithmetic itself is
:mod:`sciencecity.rules.arithmetic`; the lost-digit test is :func:`sciencecity.rules.lostdigits.fits_lost_digits`.

Two rules hold throughout. A half-year rate and a full-year rate are never one series: every row
keeps its ``period_type``, and a lead is only computed between figures of the same period and
period type. Rates are never chained into levels: the core changed its name (直管园,
西部(重庆)科学城核心区, 西部科学城重庆高新区) and perhaps its boundary, and the sources differ.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from sciencecity.analysis import timeline
from sciencecity.reading import periods
from sciencecity.rules import arithmetic, lostdigits
from sciencecity.rules.later_table import EARLY_POINTS

#: The short name of the core in each source, in the order the names were used.
CORE_NAMES = ("直管园", "科学城核心区", "西部科学城重庆高新区")


SERIES_COLUMNS = [
    "subject",
    "period",
    "period_type",
    "value",
    "name_zh",
    "core_name",
    "source",
    "source_kind",
    "source_date",
    "table",
    "id",
]


def core_name(scope_zh: str) -> str:
    """The short name under which a source names the core (one of :data:`CORE_NAMES`)."""
    if "直管园" in scope_zh:
        return CORE_NAMES[0]
    if "科学城核心区" in scope_zh:
        return CORE_NAMES[1]
    if "西部科学城重庆高新区" in scope_zh:
        return CORE_NAMES[2]
    raise ValueError(f"{scope_zh!r} names none of the core's names {', '.join(CORE_NAMES)}")


def external_source_kind(source: str) -> str:
    """The kind of an ``external.csv`` source, in ``later.csv``'s vocabulary of source kinds.

    A statistics bureau's or the park's own publication read on a government site is official;
    read through a repost or a newspaper ("via", "repost", "press conference"), it is a
    newspaper's report of official figures.
    """
    relayed = any(word in source for word in ("repost", " via ", "press conference"))
    return "newspaper" if relayed else "official"


def growth_series(figures: pd.DataFrame, external: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """GDP growth of the core and of Chongqing by period, 2020 onwards, one row per figure.

    ``figures`` is ``figures.csv`` indexed by id, ``external`` ``external.csv`` indexed by id,
    ``later`` ``later.csv`` (any index). Sorted by subject, then period (half-years after the
    year they fall in). ``core_name`` is the core's short name in that source (empty for the
    city); ``source_kind`` is ``the article`` for the article's figure.
    """
    rows = []
    for subject, table, ident in EARLY_POINTS:
        if table == "figures":
            f = figures.loc[ident]
            name, value = f["scope"], float(f["value"])
            source, kind, date = "上游新闻 Shangyou News (the article)", "the article", "2021-09"
            period = f["period"]
        else:
            e = external.loc[ident]
            name, period = e["entity_zh"], e["period"]
            value = float(e["value"])
            source, kind, date = e["source"], external_source_kind(e["source"]), e["source_date"]
        rows.append((subject, period, periods.parse(period).kind, value, name, source, kind, date, table, ident))
    rates = later[later["metric"] == "gdp_growth"]
    for r in rates.itertuples(index=False):
        rows.append(
            (
                r.subject,
                r.period,
                r.period_type,
                float(r.value),
                r.scope_zh,
                r.source,
                r.source_kind,
                r.source_date,
                "later",
                r.id,
            )
        )
    frame = pd.DataFrame(rows, columns=[c for c in SERIES_COLUMNS if c != "core_name"])
    frame.insert(
        5,
        "core_name",
        [core_name(n) if s == "core" else "" for s, n in zip(frame["subject"], frame["name_zh"], strict=True)],
    )
    if frame.duplicated(["subject", "period"]).any():
        raise ValueError("two growth figures for the same subject and period")
    return frame.sort_values(["subject", "period"], kind="stable").reset_index(drop=True)


def leads(series: pd.DataFrame) -> pd.DataFrame:
    """The core's lead over Chongqing, in points, for every period either side has a figure.

    Columns: ``period``, ``period_type``, ``core``, ``city``, ``lead`` (NaN when one side has
    no figure for that period). Sorted by period.
    """
    wide = series.pivot_table(index=["period", "period_type"], columns="subject", values="value", aggfunc="first")
    wide = wide.reindex(columns=["core", "city"]).reset_index()
    wide.columns.name = None
    wide["lead"] = [
        arithmetic.points_gap(c, y) if not (math.isnan(c) or math.isnan(y)) else math.nan
        for c, y in zip(wide["core"], wide["city"], strict=True)
    ]
    return wide.sort_values("period", kind="stable").reset_index(drop=True)


def lead_summary(table: pd.DataFrame) -> dict:
    """What the leads say about whether fast growth lasted, each kind of period on its own.

    ``compared`` periods with both figures; ``faster`` of them with a positive lead; ``years``
    and ``half_years``: ``(period, lead)`` in order for the full years and the half-years with
    both figures (never mixed); the largest full-year lead and its period; the lead of the
    first full year after 2020 and of the last full year, with the last year's two rates;
    ``missing`` periods with one side only.
    """
    both = table.dropna(subset=["lead"])
    if both.empty:
        raise ValueError("no period has figures for both the core and the city")
    full = both[both["period_type"] == "full-year"]
    if full.empty:
        raise ValueError("no full year has figures for both the core and the city")
    halves = both[both["period_type"] == "half-year"]
    after_2020 = full[full["period"] > "2020"]
    first = after_2020.iloc[0] if len(after_2020) else full.iloc[0]
    top = full.loc[full["lead"].idxmax()]
    return {
        "compared": len(both),
        "faster": int((both["lead"] > 0).sum()),
        "years": [(p, float(v)) for p, v in zip(full["period"], full["lead"], strict=True)],
        "half_years": [(p, float(v)) for p, v in zip(halves["period"], halves["lead"], strict=True)],
        "max_lead": float(top["lead"]),
        "max_period": top["period"],
        "first_year": first["period"],
        "first_year_lead": float(first["lead"]),
        "last_year": full.iloc[-1]["period"],
        "last_year_lead": float(full.iloc[-1]["lead"]),
        "last_year_core": float(full.iloc[-1]["core"]),
        "last_year_city": float(full.iloc[-1]["city"]),
        "missing": list(table.loc[table["lead"].isna(), "period"]),
    }


#: The facility's events and plans in events.csv.
FACILITY_EVENTS = ("facility_groundbreaking", "facility_main_construction", "facility_phase1_completion")


def facility_timeline(events: pd.DataFrame, external: pd.DataFrame, later: pd.DataFrame) -> pd.DataFrame:
    """The ultra-transient facility's dated events, plans and milestones, article and later sources.

    Later rows are those of ``subject`` facility and ``metric`` milestone (a ``description``, such
    as the facility's design, is not a step of progress).

    Columns: ``first_day``, ``last_day`` (NaT when the year is unknown), ``precision`` (day,
    month, year, unknown), ``date`` (as far as known), ``label_zh``, ``label_en``, ``origin``
    (``article`` or ``other source``), ``kind`` (event, plan, milestone), ``source``, ``id``.
    Sorted by first day, unknown dates last.
    """
    tl = timeline.timeline(events[events["event_id"].isin(FACILITY_EVENTS)], external)
    rows = [
        {
            "first_day": r.first_day,
            "last_day": r.last_day,
            "precision": r.precision,
            "date": r.date,
            "label_zh": r.label_zh,
            "label_en": r.label_en,
            "origin": "article",
            "kind": r.kind,
            "source": "上游新闻 Shangyou News (the article)",
            "id": r.event_id,
        }
        for r in tl.itertuples(index=False)
    ]
    steps = later[(later["subject"] == "facility") & (later["metric"] == "milestone")]
    for r in steps.itertuples(index=False):
        period = periods.parse(r.period)
        first, last = (pd.Timestamp(d.year, d.month, d.day) for d in (period.first_day, period.last_day))
        precision = period.precision
        rows.append(
            {
                "first_day": first,
                "last_day": last,
                "precision": precision,
                "date": r.period,
                "label_zh": r.quote,
                "label_en": r.label_en,
                "origin": "other source",
                "kind": "milestone",
                "source": f"{r.source}, {r.source_date}",
                "id": r.id,
            }
        )
    frame = pd.DataFrame(rows)
    frame["_unknown"] = frame["first_day"].isna()
    frame = frame.sort_values(["_unknown", "first_day"], kind="stable").drop(columns="_unknown")
    return frame.reset_index(drop=True)


def candidate_fit(figure: Mapping, value: float, *, scope_zh: str, metric_zh: str, months_before: int) -> dict:
    """What fits and what does not when a later or earlier figure is set beside a lost one.

    ``figure`` is a ``figures.csv`` row (``survives``, ``implied_min``, ``quote``, ``scope``);
    ``value`` the candidate. Returns booleans ``fits_digits`` (the repost would have printed the
    candidate as the article shows it), ``above_floor`` (at least ``implied_min``),
    ``same_metric`` (the metric's words stand in the article's quote), ``same_scope_name`` (the
    article's scope word stands in the candidate's scope name), and ``months_before``. A fit of
    every test still does not make the candidate the article's number: any whole number of
    three or more digits fits the damage equally.
    """
    return {
        "fits_digits": lostdigits.fits_lost_digits(value, figure["survives"] or ""),
        "above_floor": value >= float(figure["implied_min"]),
        "same_metric": metric_zh in figure["quote"],
        "same_scope_name": figure["scope"] in scope_zh,
        "months_before": months_before,
    }


def core_periods(series: pd.DataFrame) -> list[str]:
    """The periods of the core's growth from the article and from later sources: the article's first,
    then the later ones in order (the 2020 baseline of ``external.csv`` is not one of them)."""
    core = series[(series["subject"] == "core") & series["table"].isin(("figures", "later"))]
    core = core.assign(_later=core["table"] == "later").sort_values(["_later", "period"], kind="stable")
    return list(core["period"])


def city_only_periods(lead_table: pd.DataFrame) -> list[str]:
    """The periods of :func:`leads` with a figure for Chongqing and none for the core, in order."""
    return list(lead_table.loc[lead_table["core"].isna() & lead_table["city"].notna(), "period"])


def facility_span(tl: pd.DataFrame) -> tuple[pd.Timestamp, pd.Timestamp, float]:
    """First day of the facility's groundbreaking, the latest first day of :func:`facility_timeline`,
    and the years between them (days / 365.25)."""
    started = tl.loc[tl["id"] == FACILITY_EVENTS[0], "first_day"].item()
    last = tl["first_day"].max()
    return started, last, (last - started).days / 365.25


def months_before(period: str, later_period: str) -> int:
    """Whole calendar months from ``period`` back to ``later_period`` (both months, ``2021-09``):
    positive when ``period`` is the later one."""
    first, other = periods.parse(period).first_day, periods.parse(later_period).first_day
    return (first.year * 12 + first.month) - (other.year * 12 + other.month)
