"""The growth chapter's results (chapter 2) and their checks (chapter 9), by glue key.

Belongs here: one function per result a chapter shows, taking the checked package
(:func:`sciencecity.rules.checked.load_package`, plus the seed text where it quotes) and returning
``{glue_key: value}`` (for :func:`sciencecity.presentation.glue.glue_all`), a display table or a
chart. A value both chapters show comes from one function here (:func:`sector_rates`,
:func:`city_rates`, :func:`industrial_rates`, :func:`industry_2020_figures`, :func:`ranks`), so
the checks chapter reads the very values the growth chapter glued. The computations are
:mod:`sciencecity.analysis.growth`'s and :mod:`sciencecity.rules.arithmetic`'s.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from sciencecity.analysis import economy
from sciencecity.analysis import growth as analysis
from sciencecity.presentation import charts, platforms_results, style, words
from sciencecity.rules import arithmetic, checked

#: The core's 2021H1 growth in the article (figures.csv): GDP, then the three sectors.
GDP_H1 = "gdp_growth_h1"
SECTORS_H1 = ("primary_va_growth_h1", "secondary_va_growth_h1", "tertiary_va_growth_h1")
SECTOR_NAMES = ("primary", "secondary", "tertiary")
#: Chongqing's rates for the same half-year (external.csv): GDP, then the three sectors.
CITY_H1 = (
    "cq_gdp_growth_h1_2021",
    "cq_primary_growth_h1_2021",
    "cq_secondary_growth_h1_2021",
    "cq_tertiary_growth_h1_2021",
)
#: Chongqing's 2020 sector structure (external.csv, % of GDP), primary first.
CITY_STRUCTURE_2020 = ("cq_primary_share_2020", "cq_secondary_share_2020", "cq_tertiary_share_2020")
#: The core's 2020 value added by sector (its yearbook, external.csv, 亿元): the proxy weights.
CORE_VA_2020 = ("core_primary_va_2020", "core_secondary_va_2020", "core_tertiary_va_2020")
#: The article's industrial figures of 2021H1 and the city's official rate (external.csv).
INDUSTRIAL_H1, INDUSTRIAL_GAP_H1, CITY_INDUSTRIAL_H1 = (
    "industrial_va_growth_h1",
    "industrial_va_gap_city_h1",
    "cq_industrial_va_growth_h1_2021",
)
#: The sentence whose year the repost lost (events.csv) and its three 2020 industrial figures.
STATISTICS_YEAR = "statistics_year"
INDUSTRY_2020 = ("industrial_va_growth_2020", "industrial_output_growth_2020", "industrial_output_2020")
#: The core's 2020 yearbook (external.csv): its growth of industrial value added and of output.
YEARBOOK_2020 = ("core_industrial_va_growth_2020", "core_industrial_output_growth_2020")
#: Every figure of the article the chapter's table lists, in the chapter's order.
CHAPTER_FIGURES = (
    "gdp_growth_h1",
    "gdp_growth_rank_h1",
    "gdp_two_year_growth_rank_h1",
    *SECTORS_H1,
    "industrial_va_growth_h1",
    "industrial_va_gap_city_h1",
    "industrial_va_growth_2020",
    "industrial_va_rank_metro_2020",
    "industrial_va_rank_city_2020",
    "industrial_output_2020",
    "industrial_output_share_city_2020",
    "industrial_output_growth_2020",
)


def figure(package: dict, figure_id: str) -> checked.Figure:
    """One figure of the article, from the package's ``figures`` table (:func:`checked.figure_in`)."""
    return checked.figure_in(package["figures"], figure_id)


def _external(package: dict) -> pd.DataFrame:
    return package["external"].set_index("id")


def _values(package: dict, ids) -> list[float]:
    """The values of these rows of external.csv, as floats."""
    external = _external(package)
    return [float(external.loc[i, "value"]) for i in ids]


def _release_date(package: dict, ids) -> str:
    """The one release date these rows of external.csv share; :class:`ValueError` naming the rows
    if they differ, since a chart's source line states it once."""
    found = _external(package).loc[list(ids), "source_date"].unique()
    if len(found) != 1:
        raise ValueError(f"external.csv rows {', '.join(ids)} differ in source_date: {', '.join(map(str, found))}")
    return str(found[0])


def _compared_period(package: dict, figure_ids, external_ids) -> str:
    """The one period of the article's figures and the city's rows a chart compares; a chart
    states it once, so rows of different periods are a :class:`ValueError` naming each row's."""
    external = _external(package)
    found = {f"figures.csv {i}": figure(package, i).period for i in figure_ids} | {
        f"external.csv {i}": external.loc[i, "period"] for i in external_ids
    }
    if len(set(found.values())) != 1:
        rows = "; ".join(f"{row} is {period}" for row, period in found.items())
        raise ValueError(f"a chart compares rows of different periods: {rows}")
    return next(iter(found.values()))


def _pick(values: dict, *keys: str) -> dict:
    return {key: values[key] for key in keys}


# -- Chapter 2 -----------------------------------------------------------------------------------


def sector_rates(package: dict) -> dict:
    """The core's 2021H1 growth of GDP and of the three sectors (the article), in per cent."""
    gdp, *sectors = (figure(package, i).value for i in (GDP_H1, *SECTORS_H1))
    return {"growth_gdp_h1": gdp} | {f"growth_{n}_h1": v for n, v in zip(SECTOR_NAMES, sectors, strict=True)}


def sector_quotes(package: dict, text: str) -> dict:
    """The article's words for the GDP and sector rates, and its heading that repeats the GDP rate."""
    gdp = figure(package, GDP_H1)
    heading_at = text.rfind("\n", 0, gdp.also_at[0]) + 1  # the line holding the heading's copy of the figure
    return {
        "growth_quote_gdp": words.quote_span(text, gdp, figure(package, "gdp_two_year_growth_rank_h1")),
        "growth_quote_sectors": words.quote_span(
            text, figure(package, SECTORS_H1[0]), figure(package, INDUSTRIAL_GAP_H1)
        ),
        "growth_quote_heading": text[heading_at : text.index("\n", heading_at)],
    }


def article_table(package: dict):
    """The article's figures in this chapter, with their periods (a display table)."""
    figures = package["figures"].set_index("id")
    table = words.figure_table(figures, CHAPTER_FIGURES)
    table.insert(1, "Period", figures.loc[list(CHAPTER_FIGURES), "period"].tolist())
    return style.table(table, "The article's figures in this chapter")


def city_rates(package: dict) -> dict:
    """Chongqing's 2021H1 growth of GDP and of the three sectors (statistics bureau), in per cent."""
    keys = ("gdp", *SECTOR_NAMES)
    return {f"growth_city_{k}_h1": v for k, v in zip(keys, _values(package, CITY_H1), strict=True)}


def city_comparison(package: dict) -> dict:
    """The core's 2021H1 rates against the city's: the lead, the sentence by sector and the chart."""
    core, city = list(sector_rates(package).values()), list(city_rates(package).values())
    faster, slower = analysis.faster_and_slower(SECTOR_NAMES, core[1:], city[1:])
    sentence = f"faster than the city's in {' and '.join(faster) or 'no'} industry" + (
        f", slower in {' and '.join(slower)}" if slower else ""
    )
    data = pd.DataFrame(
        {
            "measure": ["GDP", *SECTOR_NAMES],
            "core_growth_pct_article": core,
            "chongqing_growth_pct_statistics_bureau": city,
        }
    )
    return city_rates(package) | {
        "growth_gdp_lead_h1": arithmetic.points_gap(core[0], city[0]),
        "growth_sector_comparison": sentence,
        "growth_gdp_faster": "faster" if core[0] > city[0] else "not faster",
        "growth_fig_sectors": style.chart(
            charts.growth_sectors,
            "fig-growth-sectors",
            data,
            period=_compared_period(package, (GDP_H1, *SECTORS_H1), CITY_H1),
            source_date=_release_date(package, CITY_H1),
        ),
        "growth_fig_sectors_data": Markdown(words.chart_data(data, "fig-growth-sectors")),
    }


def industrial_rates(package: dict) -> dict:
    """The core's 2021H1 industrial growth and its gap over the city (the article), the city rate
    they imply, the official one (statistics bureau) and whether the two match."""
    ind, gap = figure(package, INDUSTRIAL_H1).value, figure(package, INDUSTRIAL_GAP_H1).value
    city = _external(package).loc[CITY_INDUSTRIAL_H1]
    derived, official = arithmetic.implied_rate_from_gap(ind, gap), float(city["value"])
    return {
        "growth_ind_h1": ind,
        "growth_ind_gap": gap,
        "growth_city_ind_derived": derived,
        "growth_city_ind_official": official,
        "growth_city_ind_date": city["source_date"],
        # exact: both are one-decimal figures held as exact decimals
        "growth_ind_matches": "matches" if derived == official else "does not match",
    }


def industrial_gap(package: dict, text: str) -> dict:
    """The industrial rate against the city's, quoted, and against the core's secondary sector."""
    rates = industrial_rates(package)
    faster = rates["growth_ind_h1"] > sector_rates(package)["growth_secondary_h1"]
    quote = words.quote_span(text, figure(package, INDUSTRIAL_H1), figure(package, INDUSTRIAL_GAP_H1))
    return (
        {"growth_quote_ind": quote}
        | rates
        | {
            "growth_ind_vs_secondary": "above" if faster else "not above",
            "growth_rest_direction": "more slowly than" if faster else "at least as fast as",
        }
    )


def industrial_chart(package: dict) -> dict:
    """The chart of the core's industrial rate, the city's rate it implies and the official one."""
    rates = industrial_rates(package)
    data = pd.DataFrame(
        {
            "series": [
                "core (article)",
                "Chongqing derived: core rate less the stated gap",
                "Chongqing official (statistics bureau)",
            ],
            "growth_pct": [rates[k] for k in ("growth_ind_h1", "growth_city_ind_derived", "growth_city_ind_official")],
        }
    )
    chart = style.chart(
        charts.growth_industrial,
        "fig-growth-industrial",
        data,
        rates["growth_ind_gap"],
        period=_compared_period(package, (INDUSTRIAL_H1, INDUSTRIAL_GAP_H1), (CITY_INDUSTRIAL_H1,)),
        source_date=rates["growth_city_ind_date"],
    )
    return {
        "growth_fig_industrial": chart,
        "growth_fig_industrial_data": Markdown(words.chart_data(data, "fig-growth-industrial")),
    }


def industry_2020_figures(package: dict) -> dict:
    """The sentence whose year the repost lost, the year restored, and the core's 2020 industrial
    figures in it (the output: only its surviving digits and the least it can have been)."""
    event = package["events"].set_index("event_id").loc[STATISTICS_YEAR]
    va20, out20, out = (figure(package, i) for i in INDUSTRY_2020)
    return {
        "growth_quote_year": event["quote"],
        "growth_stats_year": int(event["year_restored"]),
        "growth_ind_va_2020": va20.value,
        "growth_output_survives": out.survives,
        "growth_output_min_2020_yuan": words.yi_yuan(out.implied_min),
        "growth_output_share_2020": figure(package, "industrial_output_share_city_2020").value,
        "growth_output_growth_2020": out20.value,
    }


def industry_2020(package: dict, text: str) -> dict:
    """The core's industry in 2020 as the article gives it, its ranks, and two context amounts."""
    values = industry_2020_figures(package)
    va20, out20, _ = (figure(package, i) for i in INDUSTRY_2020)
    eco = package["economy"]
    return (
        _pick(values, "growth_quote_year", "growth_stats_year")
        | {"growth_quote_2020": words.quote_span(text, va20, out20)}
        | _pick(values, "growth_ind_va_2020")
        | {
            f"growth_ind_rank_{where}_2020_ord": words.ordinal(
                figure(package, f"industrial_va_rank_{where}_2020").value
            )
            for where in ("metro", "city")
        }
        | _pick(
            values,
            "growth_output_survives",
            "growth_output_min_2020_yuan",
            "growth_output_share_2020",
            "growth_output_growth_2020",
        )
        | {
            "growth_sc_output_2020_jan_jul": words.yi_yuan(economy.value(eco, "sc_industrial_output_2020_jan_jul")),
            "growth_core_sei_output_2022h1": words.yi_yuan(economy.value(eco, "core_sei_output_2022h1")),
        }
    )


def ranks(package: dict) -> dict:
    """The core's 2021H1 ranks among Chongqing's districts (the article): year on year, two-year average."""
    rank, rank2 = figure(package, "gdp_growth_rank_h1"), figure(package, "gdp_two_year_growth_rank_h1")
    return {
        "growth_quote_rank": rank.quote,
        "growth_gdp_rank_h1_ord": words.ordinal(rank.value),
        "growth_gdp_2y_rank_h1_ord": words.ordinal(rank2.value),
    }


def context_table(package: dict) -> dict:
    """Every figure from another source the chapter uses, with its source and date (a table)."""
    ctx = _external(package).loc[[*CITY_H1, CITY_INDUSTRIAL_H1]]
    table = pd.DataFrame(
        {
            "Context figure (period)": [f"{r.entity_en}: {r.metric} ({r.period})" for r in ctx.itertuples()],
            "Value": [f"{r.value!r} {r.unit}" + (f"; {r.note}" if r.note else "") for r in ctx.itertuples()],
            "Source (date)": [f"{r.source} ({r.source_date})" for r in ctx.itertuples()],
        }
    )
    return {"growth_tbl_context": style.table(table)}


# -- Chapter 9: the checks of the growth figures ---------------------------------------------------


def checks_rates(package: dict) -> dict:
    """The rates the checks' first sections cite (from :func:`sector_rates`) and the rounding step."""
    rates = sector_rates(package)
    return _pick(rates, "growth_gdp_h1", "growth_secondary_h1", "growth_tertiary_h1") | {
        "growth_half_step": arithmetic.HALF_STEP
    }


def _weighted(package: dict):
    """The core's sector rates, its 2020 value added by sector (weights), their shares and the
    GDP growth they imply."""
    rates = sector_rates(package)
    core = [rates[f"growth_{n}_h1"] for n in SECTOR_NAMES]
    va = _values(package, CORE_VA_2020)
    return core, va, arithmetic.shares(va), arithmetic.weighted_growth(core, va)


def core_weighted(package: dict) -> dict:
    """The core's GDP growth its sector rates imply with 2020 full-year weights, against the reported."""
    gdp = sector_rates(package)["growth_gdp_h1"]
    core, va, w, implied = _weighted(package)
    core_gdp_2020 = float(_external(package).loc["core_gdp_2020", "value"])
    values = _pick(sector_rates(package), "growth_primary_h1")
    for name, v, s in zip(SECTOR_NAMES, va, w, strict=True):
        values |= {f"growth_va_{name}_2020_yuan": words.yi_yuan(v), f"growth_w_{name}": s * 100}
    return values | {
        "growth_va_sum_2020_yuan": words.yi_yuan(arithmetic.total(va)),
        "growth_va_rounding_diff": abs(arithmetic.points_gap(arithmetic.total(va), core_gdp_2020)),
        "growth_core_gdp_2020_yuan": words.yi_yuan(core_gdp_2020),
        "growth_implied_gdp": implied,
        "growth_implied_diff": gdp - implied,
        "growth_implied_abs_diff": abs(gdp - implied),
    }


def weighted_table(package: dict):
    """Each sector's weight, rate and contribution to the implied GDP growth (a display table)."""
    core, _, w, implied = _weighted(package)
    table = pd.DataFrame(
        {
            "Sector": ["Primary 一产", "Secondary 二产", "Tertiary 三产", "Total (implied GDP)"],
            "Weight: 2020 share, % (yearbook)": [f"{s * 100:.2f}" for s in w] + [f"{sum(w) * 100:.2f}"],
            "2021H1 growth, % (article)": [f"{g:.1f}" for g in core] + ["–"],
            "Contribution, points": [f"{s * g:.2f}" for s, g in zip(w, core, strict=True)] + [f"{implied:.2f}"],
        }
    )
    return style.table(table, "Weighted growth of the core, 2021H1 (derived)")


def _sensitivity(package: dict):
    """What the sensitivity check and its chart share: the reported GDP rate, the weighting, the
    curve over the secondary share and the shares that reproduce the reported rate."""
    gdp = sector_rates(package)["growth_gdp_h1"]
    core, va, w, implied = _weighted(package)
    grid, curve = analysis.sensitivity_curve(core, va)
    needed, (s_lo, s_hi) = analysis.shares_to_match(gdp, core, va)
    return gdp, core, va, w, implied, grid, curve, needed, (s_lo, s_hi)


def sensitivity(package: dict) -> dict:
    """How the implied GDP growth moves with the secondary share and with the rates' rounding, and
    the verdict: are the sector rates consistent with the total?"""
    gdp, core, va, _, implied, grid, curve, needed, (s_lo, s_hi) = _sensitivity(package)
    reported = arithmetic.printed_interval(gdp)
    band = arithmetic.rounding_band(core, va)
    overlap = arithmetic.intervals_overlap(reported, band)
    sec, ter = analysis.SECONDARY, analysis.TERTIARY
    return {
        "growth_share_lo_pct": float(grid[0] * 100),
        "growth_share_hi_pct": float(grid[-1] * 100),
        "growth_curve_lo": float(curve.min()),
        "growth_curve_hi": float(curve.max()),
        "growth_curve_maxdev": float(abs(curve - gdp).max()),
        "growth_slope": arithmetic.points_gap(core[sec], core[ter]) / 100,
        "growth_secondary_share_needed": needed * 100,
        "growth_share_round_lo": s_lo * 100,
        "growth_share_round_hi": s_hi * 100,
        "growth_band_lo": band[0],
        "growth_band_hi": band[1],
        "growth_reported_lo": reported[0],
        "growth_reported_hi": reported[1],
        "growth_in_band": "inside" if arithmetic.inside(gdp, band) else "outside",
        "growth_overlap": "overlap" if overlap else "do not overlap",
        "growth_consistent": "consistent" if overlap else "not consistent",
        "growth_implied_rounded": round(implied, 1),
    }


def sensitivity_chart(package: dict) -> dict:
    """The chart of the implied GDP growth over the secondary share, with its rounding band."""
    gdp, _, _, w, implied, grid, curve, needed, _ = _sensitivity(package)
    pct, h = grid * 100, arithmetic.HALF_STEP
    chart = style.chart(
        charts.growth_sensitivity,
        "fig-growth-sensitivity",
        pct,
        curve,
        h,
        gdp,
        arithmetic.printed_interval(gdp),
        w[analysis.SECONDARY] * 100,
        needed * 100,
        implied,
    )
    data = pd.DataFrame(
        {
            "secondary_share_pct": pct.round(2),
            "implied_gdp_growth_pct": curve.round(4),
            "band_low_pct": (curve - h).round(4),
            "band_high_pct": (curve + h).round(4),
        }
    )
    return {
        "growth_fig_sensitivity": chart,
        "growth_fig_sensitivity_data": Markdown(words.chart_data(data, "fig-growth-sensitivity")),
    }


def city_benchmark(package: dict) -> dict:
    """The same weighting applied to Chongqing: its sector rates on its 2020 structure against its GDP."""
    city = list(city_rates(package).values())
    structure = _values(package, CITY_STRUCTURE_2020)
    implied = arithmetic.weighted_growth(city[1:], structure)
    return _pick(city_rates(package), "growth_city_gdp_h1") | {
        "growth_city_structure": ":".join(f"{x:.1f}" for x in structure),
        "growth_city_implied": implied,
        "growth_city_implied_gap": city[0] - implied,
    }


def industrial_band(package: dict) -> dict:
    """The city's industrial rate the article implies (from :func:`industrial_rates`), the range its
    rounding allows, and whether the official rate lies in it."""
    rates = industrial_rates(package)
    lo, hi = analysis.implied_rate_band(rates["growth_ind_h1"], rates["growth_ind_gap"])
    inside = arithmetic.inside(rates["growth_city_ind_official"], (lo, hi))
    keys = ("growth_ind_h1", "growth_ind_gap", "growth_city_ind_derived", "growth_city_ind_official")
    return _pick(rates, *keys, "growth_ind_matches") | {
        "growth_city_ind_lo": lo,
        "growth_city_ind_hi": hi,
        "growth_ind_official_in_range": "inside" if inside else "outside",
    }


def base_effects(package: dict) -> dict:
    """Chongqing's 2020H1 growth implied by its two-year average, its 2020 rates, and the core's rank."""
    external = _external(package)
    city_h1 = city_rates(package)["growth_city_gdp_h1"]
    city_2y = float(external.loc["cq_gdp_two_year_growth_h1_2021", "value"])
    prior, (lo, hi), recomputed = analysis.prior_growth(city_2y, city_h1)
    return {
        "growth_city_gdp_2020": float(external.loc["cq_gdp_growth_2020", "value"]),
        "growth_city_2y_h1": city_2y,
        "growth_city_2020h1_derived": prior,
        "growth_city_2020h1_lo": lo,
        "growth_city_2020h1_hi": hi,
        "growth_core_gdp_growth_2020": float(external.loc["core_gdp_growth_2020", "value"]),
        "growth_city_2y_recomputed": recomputed,
        "growth_city_ind_2y": float(external.loc["cq_industrial_va_two_year_growth_h1_2021", "value"]),
    } | _pick(ranks(package), "growth_gdp_2y_rank_h1_ord")


def _year_table(package: dict):
    """How each figure of the sentence with the lost year relates to the yearbook (restorations.csv)."""
    figures, external, restorations = package["figures"].set_index("id"), _external(package), package["restorations"]
    sel = restorations[restorations["figure_id"].isin(INDUSTRY_2020)]
    table = pd.DataFrame(
        {
            "Figure of the article": [figures.loc[i, "label_en"] for i in sel["figure_id"]],
            "Other source's figure": [
                f"{words.house_label(external.loc[e, 'metric'])} ({external.loc[e, 'source']})"
                for e in sel["external_id"]
            ],
            "Relation": sel["relation"].tolist(),
            "Note": sel["note"].tolist(),
        }
    )
    return style.table(table)


def year_2020_check(package: dict) -> dict:
    """The restored year of the 2020 industrial figures: the yearbook's rates against the article's
    (from :func:`industry_2020_figures`), and what the output's missing amount leaves."""
    external, values = _external(package), industry_2020_figures(package)
    yb_va, yb_out = _values(package, YEARBOOK_2020)
    both = yb_va == values["growth_ind_va_2020"] and yb_out == values["growth_output_growth_2020"]
    city_output = analysis.city_total_listed(external, "industrial output")
    return (
        platforms_results.lost_run()
        | _pick(values, "growth_quote_year", "growth_stats_year")
        | {
            "growth_yearbook_date": external.loc[YEARBOOK_2020[0], "source_date"],
            "growth_yb_ind_va_2020": yb_va,
            "growth_yb_output_2020": yb_out,
            "growth_yb_match": "match" if both else "do not both match",
        }
        | _pick(
            values,
            "growth_ind_va_2020",
            "growth_output_growth_2020",
            "growth_output_survives",
            "growth_output_min_2020_yuan",
            "growth_output_share_2020",
        )
        | {
            "growth_core_industry_va_2020_yuan": words.yi_yuan(external.loc["core_industry_va_2020", "value"]),
            "checks_city_output_present": "has it" if city_output else "does not have it",
            "checks_tbl_year": _year_table(package),
        }
    )
