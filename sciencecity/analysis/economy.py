"""The economy behind the article's figures: structure, levels, other themes and peers.

Belongs here: reading ``data/economy.csv`` (facts from other sources, each with the source's words),
checking that every row's quote states its value, qualifier and year, and the arithmetic the
chapter "The economy behind the figures" draws from it: ratios of shares (value added against
gross output), what a share implies, the core's GDP levels by year with their gaps, and the
like-for-like test for comparisons with peers. Growth arithmetic is :mod:`sciencecity.rules.arithmetic`.

Rules of the chapter, kept by these functions: a number that was not found is a gap (``None``
or NaN, shown as "not found"), never filled; two places are compared only when the measure,
the period and the period type are the same; a planned total investment (总投资) is not spending.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

from sciencecity.analysis import scale
from sciencecity.reading import periods

#: The rows of ``external.csv`` with the GDP of the core and of Chongqing in the article's base year.
CORE_GDP, CITY_GDP = "core_gdp_2020", "cq_gdp_2020"


def value(economy: pd.DataFrame, ident: str) -> float:
    """The value of one row of ``economy.csv`` (``KeyError`` naming the id if absent)."""
    found = economy.loc[economy["id"] == ident, "value"]
    if found.empty:
        raise KeyError(f"no row {ident!r} in economy.csv")
    return float(found.item())


def share_ratio(value_added_share_pct: float, output_share_pct: float) -> float:
    """How a place's share of value added compares with its share of gross output (1 = the same).

    A place whose factories add as much value per yuan of output as the whole's has a ratio of 1;
    a place that assembles bought-in parts (large output, thin value added) has a ratio below 1.
    The ratio equals the place's value-added-to-output ratio divided by the whole's.
    """
    if output_share_pct <= 0:
        raise ValueError("the output share must be positive")
    return value_added_share_pct / output_share_pct


def implied_total(part: float, share_pct: float) -> float:
    """The whole a part implies when it is ``share_pct`` % of it (e.g. exports from one product's share)."""
    if not 0 < share_pct <= 100:
        raise ValueError(f"a share must lie in (0, 100], got {share_pct}")
    return part / (share_pct / 100)


def nominal_change_pct(earlier: float, later: float) -> float:
    """The change between two current-price levels, in per cent: prices included, so it is not a
    real growth rate and is never set against one as the same measure."""
    if not earlier > 0:
        raise ValueError(f"the earlier level {earlier!r} must be positive")
    return 100 * (later / earlier - 1)


def gdp_levels(external: pd.DataFrame, later: pd.DataFrame, years: Sequence[str]) -> pd.DataFrame:
    """The core's GDP level (亿元, current prices) and growth (%) by year, with their sources.

    ``external`` and ``later`` are the tables (any index). One row per year in ``years``: ``level``
    and ``growth`` NaN where no source gives them (a gap, never interpolated), ``level_source``
    and ``growth_source`` naming the table and id or ``not found``.
    """
    candidates = []
    for table_name, frame, metric_col, level_metric, growth_metric in (
        ("external", external.reset_index(), "metric", "GDP", "GDP growth year on year"),
        ("later", later.reset_index(), "metric", "gdp", "gdp_growth"),
    ):
        is_core = frame["id"].str.startswith("core_")
        for r in frame[is_core].itertuples(index=False):
            metric = getattr(r, metric_col)
            if metric in (level_metric, growth_metric):
                kind = "level" if metric == level_metric else "growth"
                candidates.append((str(r.period), kind, float(r.value), f"{table_name}.csv: {r.id}"))
    rows = []
    for year in years:
        row = {"year": year}
        for kind in ("level", "growth"):
            hits = [c for c in candidates if c[0] == year and c[1] == kind]
            if len(hits) > 1:
                raise ValueError(f"two {kind} figures of the core's GDP for {year}: {[h[3] for h in hits]}")
            row[kind] = hits[0][2] if hits else math.nan
            row[f"{kind}_source"] = hits[0][3] if hits else "not found"
        rows.append(row)
    return pd.DataFrame(rows)


def comparable(a: Mapping, b: Mapping) -> tuple[bool, str]:
    """Whether two rows measure the same thing over the same period: (yes or no, why).

    Same ``metric``, same ``period`` and ``period_type``. Scope is never the same across places;
    the reason names what differs, so a table can say why a pair is not compared.
    """
    differs = [
        what
        for what, key in (("measure", "metric"), ("period", "period"), ("period type", "period_type"))
        if a.get(key) != b.get(key)
    ]
    return (not differs, "same measure and period" if not differs else "different " + " and ".join(differs))


def gap_pct_points(a: float, b: float) -> float:
    """``a - b`` in percentage points, at one decimal (the printed precision of growth rates)."""
    return round(a - b, 1)


def level_years(external: pd.DataFrame, later: pd.DataFrame) -> list[str]:
    """Every full year from the first to the last for which a source gives the core's GDP level or
    growth, the years between included (a year no source covers is a gap :func:`gdp_levels` shows)."""
    years = [
        int(r.period)
        for frame, metrics in ((external, ("GDP", "GDP growth year on year")), (later, ("gdp", "gdp_growth")))
        for r in frame.reset_index().itertuples(index=False)
        if r.id.startswith("core_") and r.metric in metrics and periods.parse(str(r.period)).kind == "full-year"
    ]
    if not years:
        raise ValueError("no source gives the core's GDP for a full year")
    return [str(y) for y in range(min(years), max(years) + 1)]


def measure(economy: pd.DataFrame, ident: str) -> dict:
    """One row of ``economy.csv`` as a measure to compare (:func:`comparable`): ``metric``,
    ``period``, ``period_type`` and ``value`` (a float)."""
    r = economy.set_index("id").loc[ident]
    return {"metric": r["metric"], "period": r["period"], "period_type": r["period_type"], "value": float(r["value"])}


def core_growth(levels: pd.DataFrame, year: str) -> dict:
    """The core's real GDP growth of one full year of :func:`gdp_levels` as a measure to compare."""
    growth = float(levels.set_index("year").loc[year, "growth"])
    return {"metric": "gdp_growth", "period": year, "period_type": "full-year", "value": growth}


def core_gdp_share(external: pd.DataFrame) -> dict:
    """The core's share of Chongqing's GDP (%) in the year of ``external.csv``'s two levels, as a
    measure to compare."""
    ext = external.set_index("id") if "id" in external.columns else external
    core, city = ext.loc[CORE_GDP], ext.loc[CITY_GDP]
    if str(core["period"]) != str(city["period"]):
        raise ValueError(f"{CORE_GDP} and {CITY_GDP} are of different years")
    share = scale.share_pct(float(core["value"]), float(city["value"]))
    return {
        "metric": "gdp_share_city",
        "period": str(core["period"]),
        "period_type": "full-year",
        "value": float(share),
    }
