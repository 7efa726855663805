"""What came after the article (2021 to 2025): growth by period, the core's lead, the facility's timeline.

Belongs here: assembling the figures of ``data/later.csv`` with the article's (``figures.csv``)
and the 2020–2021H1 context (``external.csv``) into period series; the core's lead over
Chongqing in points per period; the ultra-transient facility's dated milestones; what a later
figure can and cannot say about a number the repost lost. Growth arithmetic itself is
:mod:`sciencecity.growth`; the lost-digit test is :func:`sciencecity.lostdigits.fits_lost_digits`.

Two rules hold throughout. A half-year rate and a full-year rate are never one series: every row
keeps its ``period_type``, and a lead is only computed between figures of the same period and
period type. Rates are never chained into levels: the core changed its name (直管园,
西部(重庆)科学城核心区, 西部科学城重庆高新区) and perhaps its boundary, and the sources differ.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

import pandas as pd

from . import growth, lostdigits, timeline

#: The short name of the core in each source, in the order the names were used.
CORE_NAMES = ("直管园", "科学城核心区", "西部科学城重庆高新区")

#: Where the 2020 and 2021H1 points of the growth series come from: (subject, table, id).
EARLY_POINTS = (
    ("core", "external", "core_gdp_growth_2020"),
    ("core", "figures", "gdp_growth_h1"),
    ("city", "external", "cq_gdp_growth_2020"),
    ("city", "external", "cq_gdp_growth_h1_2021"),
)

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


#: How a chart groups the kinds of source: what the reader needs to tell apart.
SOURCE_CLASS = {
    "the article": "the article (上游新闻)",
    "official": "official release",
    "institution's own site": "official release",
    "newspaper": "press report or repost",
    "newspaper repost": "press report or repost",
    "aggregator repost of an official release": "aggregator repost of an official release",
}


def lasted_sentence(summary: dict) -> str:
    """One sentence saying whether the core's faster growth lasted, over full years only.

    From :func:`lead_summary`: the full years with figures for both sides, their leads in
    order, and the last year's two rates. Half-years are a different measure and are told
    apart by :func:`half_year_sentence`.
    """
    years = summary["years"]
    n, faster = len(years), sum(lead > 0 for _, lead in years)
    every = "each" if faster == n else f"{faster}"
    peak_period, peak = max(years, key=lambda pl: pl[1])
    last_period, last = years[-1]
    trend = f", narrowing after {peak_period}" if last < peak and peak_period != last_period else ""
    return (
        f"In {every} of the {n} full years with figures for both, the core grew faster than Chongqing; "
        f"its lead went {' → '.join(f'{lead:.1f}' for _, lead in years)} points "
        f"({', '.join(p for p, _ in years)}){trend}, with {summary['last_year_core']:.1f} % "
        f"against {summary['last_year_city']:.1f} % in {last_period}"
    )


def half_year_sentence(summary: dict) -> str:
    """The leads of the half-years, a separate measure from the full years'."""
    halves = summary["half_years"]
    if not halves:
        return "No half-year has figures for both the core and the city"
    parts = [f"{lead:.1f} points in {period}" for period, lead in halves]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Measured over first halves, a separate series, the lead was {listed}"


def period_type(period: str) -> str:
    """``full-year`` for ``2021``, ``half-year`` for ``2021H1``; ``ValueError`` otherwise."""
    if len(period) == 4 and period.isdigit():
        return "full-year"
    if len(period) == 6 and period[:4].isdigit() and period[4:] in ("H1", "H2"):
        return "half-year"
    raise ValueError(f"{period!r} is neither a year nor a half-year")


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
        rows.append((subject, period, period_type(period), value, name, source, kind, date, table, ident))
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
        growth.points_gap(c, y) if not (math.isnan(c) or math.isnan(y)) else math.nan
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
        first, last, precision = _period_span(r.period)
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


def _period_span(period: str) -> tuple[pd.Timestamp, pd.Timestamp, str]:
    """First and last day and precision of ``2023``, ``2021-07`` or ``2021-05-27``."""
    parts = [int(p) for p in period.split("-")]
    if len(parts) == 3:
        day = pd.Timestamp(*parts)
        return day, day, "day"
    if len(parts) == 2:
        first = pd.Timestamp(parts[0], parts[1], 1)
        return first, first + pd.offsets.MonthEnd(0), "month"
    return pd.Timestamp(parts[0], 1, 1), pd.Timestamp(parts[0], 12, 31), "year"


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


def check(tables: Mapping) -> list[str]:
    """Cross-field problems of ``later.csv`` and of the ``later_id`` rows of ``restorations.csv``.

    ``tables`` maps names to checked ``sciencecity.data.Table`` objects (``check_package``).
    later.csv: a value has a unit and a unit a value; a growth, GDP or count metric has a value;
    the period is of its ``period_type``. restorations.csv: exactly one of ``external_id`` and
    ``later_id``; a ``candidate`` names a figure whose digits were lost and a value that fits them.
    """
    problems: list[str] = []
    later = tables.get("later")
    if later is not None:
        for row, line in zip(later.rows, later.lines, strict=True):
            where = f"later.csv:{line}"
            if (row["value"] is None) != (not row["unit"]):
                problems.append(f"{where}: column 'unit': a unit goes with a value, and a value with a unit")
            if row["metric"] not in ("milestone", "description") and row["value"] is None:
                problems.append(f"{where}: column 'value': metric {row['metric']} needs a value")
            if _period_kind(row["period"]) != row["period_type"]:
                problems.append(
                    f"{where}: column 'period_type': {row['period']} is a {_period_kind(row['period'])}, not a "
                    f"{row['period_type']}"
                )
    restorations, figures = tables.get("restorations"), tables.get("figures")
    if restorations is not None and "later_id" in restorations.resource.columns:
        lost = {r["id"]: r for r in figures.rows} if figures is not None else {}
        values = {r["id"]: r["value"] for r in later.rows} if later is not None else {}
        for row, line in zip(restorations.rows, restorations.lines, strict=True):
            where = f"restorations.csv:{line}"
            if bool(row["external_id"]) == bool(row["later_id"]):
                problems.append(f"{where}: column 'later_id': exactly one of external_id and later_id must be set")
            if row["relation"] == "candidate":
                fig = lost.get(row["figure_id"])
                if fig is None or fig["status"] != "digits_lost":
                    problems.append(
                        f"{where}: column 'relation': a candidate is only for a figure whose digits were lost"
                    )
                elif row["later_id"] in values and (
                    values[row["later_id"]] is None
                    or not lostdigits.fits_lost_digits(values[row["later_id"]], fig["survives"] or "")
                ):
                    problems.append(f"{where}: column 'relation': the candidate's value does not fit the lost digits")
    return problems


def _period_kind(period: str) -> str:
    """full-year, half-year, month or day, from the period's form."""
    if "H" in period:
        return "half-year"
    return {1: "full-year", 2: "month", 3: "day"}[len(period.split("-"))]


def growth_figure(series: pd.DataFrame, lead_table: pd.DataFrame, *, layout: str = "desktop"):
    """The chart of the core's and Chongqing's GDP growth by period with the core's lead (a Figure).

    ``series`` from :func:`growth_series`, ``lead_table`` from :func:`leads`. Full years and
    half-years in separate panels (never joined), one marker shape per kind of source, the
    core's name in each source under its period. Drawn in the chapter on what came after and on
    the landing page; call :func:`sciencecity.style.use` first. ``layout="phone"`` stacks the
    two panels and puts the legend under them (:func:`sciencecity.style.chart`).
    """
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    from . import style

    CORE_C, CITY_C = style.PALETTE["vermillion"], style.GREY
    MARKERS = {
        "the article (上游新闻)": ("D", True),
        "official release": ("o", True),
        "press report or repost": ("o", False),
        "aggregator repost of an official release": ("^", False),
    }
    NAME_KEY = dict(zip(CORE_NAMES, "①②③", strict=True))
    PANELS = [("full-year", "Full years 全年"), ("half-year", "First halves 上半年")]
    periods = {pt: sorted(series.loc[series["period_type"] == pt, "period"].unique()) for pt, _ in PANELS}
    phone = style.layout_check(layout)
    if phone:
        fig, axes = plt.subplots(2, 1, sharey=True, figsize=(style.PHONE_FIGWIDTH, 7.6), gridspec_kw={"hspace": 0.45})
    else:
        fig, axes = plt.subplots(
            1,
            2,
            sharey=True,
            gridspec_kw={"width_ratios": [len(periods["full-year"]), len(periods["half-year"]) + 0.8], "wspace": 0.06},
        )
    for ax, (pt, title) in zip(axes, PANELS, strict=True):
        xs = periods[pt]
        for r in series[series["period_type"] == pt].itertuples():
            marker, filled = MARKERS[SOURCE_CLASS[r.source_kind]]
            colour = CORE_C if r.subject == "core" else CITY_C
            ax.plot(
                xs.index(r.period),
                r.value,
                marker=marker,
                ms=8,
                ls="none",
                mec=colour,
                mew=1.8,
                mfc=colour if filled else "white",
                zorder=3,
            )
        for r in lead_table[lead_table["period_type"] == pt].itertuples():
            x = xs.index(r.period)
            if math.isnan(r.lead):
                ax.annotate(
                    "core: no\nfigure found",
                    (x, r.city),
                    xytext=(0, 10),
                    textcoords="offset points",
                    ha="center",
                    fontsize=7.5,
                    color="#555555",
                )
                continue
            ax.vlines(x, r.city, r.core, color="#333333", lw=1, zorder=2)
            ax.annotate(
                f"+{r.lead:.1f}",
                (x, (r.city + r.core) / 2),
                xytext=(5, 0),
                textcoords="offset points",
                va="center",
                fontsize=8.5,
                fontweight="bold",
                color="#333333",
            )
        names = series[(series["period_type"] == pt) & (series["subject"] == "core")].set_index("period")["core_name"]
        ax.set_xticks(range(len(xs)), [f"{p}\n{NAME_KEY[names[p]] if p in names.index else '–'}" for p in xs])
        ax.set_xlim(-0.6, len(xs) - 0.4)
        ax.set_title(title, fontsize=10)
    axes[0].set_ylim(0, series["value"].max() * 1.15)
    for ax in axes if phone else axes[:1]:
        ax.set_ylabel("GDP growth, year on year (%)" if not phone else "GDP growth (%)")
    handles = [
        Line2D([], [], color=CORE_C, marker="s", ls="none", label="the core 核心区 (names ①–③)"),
        Line2D([], [], color=CITY_C, marker="s", ls="none", label="Chongqing 重庆市"),
    ]
    handles += [
        Line2D([], [], marker=m, ls="none", mec="#333333", mfc="#333333" if f else "white", mew=1.4, label=k)
        for k, (m, f) in MARKERS.items()
    ]
    if phone:
        fig.legend(
            handles=handles, loc="upper left", bbox_to_anchor=(0.0, 0.39), fontsize=8, ncols=1, handletextpad=0.3
        )
        style.suptitle(fig, "GDP growth 地区生产总值增速:\nthe core vs Chongqing, points of lead", fontsize=10)
        fig.text(
            0.01,
            0.055,
            "The core as each source names it (the area may differ):\n① 直管园 directly managed park\n"
            "② 科学城核心区 core area of the science city\n③ 西部科学城重庆高新区",
            fontsize=8,
            ha="left",
            va="bottom",
        )
        style.source_line(
            fig, "上游新闻 Shangyou News (core 2021H1); statistics\nreleases, press reports (later.csv, external.csv)"
        )
        fig.subplots_adjust(bottom=0.45, top=0.88, left=0.16, right=0.97)
        return fig
    axes[0].legend(handles=handles, loc="upper right", fontsize=7, ncols=1, handletextpad=0.3, borderaxespad=0.2)
    style.suptitle(fig, "GDP growth 地区生产总值增速: the core vs Chongqing, points of lead", fontsize=10.5)
    fig.text(
        0.01,
        0.085,
        "The core as each source names it (the area may differ): ① 直管园 directly managed park   "
        "② 科学城核心区 core area of the science city   ③ 西部科学城重庆高新区",
        fontsize=7.5,
        ha="left",
    )
    style.source_line(
        fig,
        "上游新闻 Shangyou News (core 2021H1); statistics releases and press reports (data/later.csv, external.csv)",
    )
    fig.subplots_adjust(bottom=0.24, top=0.86, left=0.09, right=0.99)
    return fig
