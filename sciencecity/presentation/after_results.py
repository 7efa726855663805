"""The results of the chapter on what came after (book/05_after.ipynb) and of the landing page's chart.

One function per result the chapter shows, each taking the checked package
(:func:`sciencecity.rules.checked.load_package`) and returning its values by glue key, in the
order the chapter glues them (:func:`sciencecity.presentation.glue.glue_all`): the growth of the
core and of Chongqing by period with the core's lead, the facility's timeline, and the candidate
for the research institutions' lost count. The arithmetic is :mod:`sciencecity.analysis.after`'s.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd
from IPython.display import Markdown

from sciencecity.analysis import after
from sciencecity.presentation import charts, style, words

#: The growth chart on each page that shows it: its glue key and its figure name.
GROWTH_CHARTS = {"after": ("after_fig_growth", "fig-after-growth"), "index": ("index_fig_growth", "fig-index-growth")}
#: The columns of the growth chart's data file, in order.
GROWTH_DATA_COLUMNS = [
    "subject",
    "period",
    "period_type",
    "value",
    "lead",
    "name_zh",
    "source_kind",
    "source",
    "source_date",
    "table",
    "id",
]
#: The mark of each of the core's names in the growth table (the chart's ①–③).
CORE_NAME_MARKS = dict(zip(after.CORE_NAMES, ("① ", "② ", "③ "), strict=True))
#: The later.csv rows whose words the chapter quotes about the facility, by glue key.
FACILITY_QUOTES = {
    "after_facility_q_building": "facility_building_2025_03",
    "after_facility_q_beamline": "facility_beamline_2025_03",
    "after_facility_q_use": "facility_not_in_use_2025_03",
}
#: The article's figure whose digits the repost lost and for which later.csv holds a candidate.
RD_FIGURE = "rd_institutions"
_YES = {True: "yes", False: "no"}

Values = dict[str, Any]


def _growth(package: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The growth series (:func:`after.growth_series`) and its leads (:func:`after.leads`)."""
    figures = package["figures"].set_index("id")
    series = after.growth_series(figures, package["external"].set_index("id"), package["later"])
    return series, after.leads(series)


def growth_values(package: dict[str, pd.DataFrame]) -> Values:
    """The article's growth quote, the findings, the core's and the city's growth and the lead per
    period, the count of periods compared, and the link to the growth chart's data file."""
    series, lead_table = _growth(package)
    summary = after.lead_summary(lead_table)
    lead = lead_table.set_index("period")
    article = series.loc[series["table"] == "figures", "id"].item()
    values: Values = {
        "after_quote_h1": package["figures"].set_index("id").loc[article, "quote"],
        "after_finding_lasted": words.lasted_sentence(summary),
        "after_finding_halves": words.half_year_sentence(summary),
    }
    for period in after.core_periods(series):
        for column in ("core", "city", "lead"):
            values[f"after_{column}_{period.lower()}"] = float(lead.loc[period, column])
    for period in after.city_only_periods(lead_table):
        values[f"after_city_{period.lower()}"] = float(lead.loc[period, "city"])
    values["after_n_compared"] = summary["compared"]
    values["after_n_faster"] = summary["faster"]
    chart_frame = series.merge(lead_table[["period", "lead"]], on="period")[GROWTH_DATA_COLUMNS]
    _, name = GROWTH_CHARTS["after"]
    values["after_fig_growth_data"] = Markdown(words.chart_data(chart_frame, name))
    return values


def growth_chart(package: dict[str, pd.DataFrame], page: str = "after") -> Values:
    """The chart of growth by period with the core's lead, as drawn on ``page`` (a key of
    :data:`GROWTH_CHARTS`: the chapter or the landing page)."""
    key, name = GROWTH_CHARTS[page]
    series, lead_table = _growth(package)
    return {key: style.chart(charts.growth_figure, name, series, lead_table)}


def _growth_row(period: str, core: float, city: float, lead: float, series: pd.DataFrame) -> dict:
    """One row of the growth table: the period, both rates, the lead, the core's name and source."""
    found = series[(series["subject"] == "core") & (series["period"] == period)]
    kind = words.SOURCE_CLASS[found["source_kind"].item()] if len(found) else "no figure found"
    return {
        "Period": period,
        "Core %": "–" if math.isnan(core) else f"{core:.1f}",
        "Chongqing %": f"{city:.1f}",
        "Lead, points": "–" if math.isnan(lead) else f"{lead:+.1f}",
        "Core: name, source": "–"
        if not len(found)
        else (
            f"{CORE_NAME_MARKS[found['core_name'].item()]}{found['name_zh'].item()}; "
            f"{kind}, {found['source_date'].item()}"
        ),
    }


def growth_table(package: dict[str, pd.DataFrame]) -> Values:
    """The table of GDP growth by period: the core, Chongqing, the lead, the core's name and source."""
    series, lead_table = _growth(package)
    rows = [_growth_row(r.period, r.core, r.city, r.lead, series) for r in lead_table.itertuples()]
    return {"after_tbl_growth": style.table(pd.DataFrame(rows), "GDP growth by period: the core and Chongqing")}


def _facility(package: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The facility's timeline (:func:`after.facility_timeline`)."""
    return after.facility_timeline(package["events"], package["external"], package["later"])


def facility_values(package: dict[str, pd.DataFrame]) -> Values:
    """The facility's latest dated step and the years since groundbreaking, the later sources' words,
    the link to the timeline chart's data file and the table of milestones from other sources."""
    tl = _facility(package)
    _, last, years = after.facility_span(tl)
    later = package["later"].set_index("id")
    values: Values = {"after_facility_last_date": f"{last:%Y-%m-%d}", "after_facility_years": years}
    values |= {key: later.loc[ident, "quote"] for key, ident in FACILITY_QUOTES.items()}
    chart_frame = tl[["date", "precision", "origin", "kind", "label_en", "label_zh", "source", "id"]]
    values["after_fig_facility_data"] = Markdown(words.chart_data(chart_frame, "fig-after-facility"))
    milestones = tl[tl["origin"] == "other source"]
    table = pd.DataFrame(
        {
            "Date": milestones["date"],
            "What the source says (原文)": milestones["label_zh"],
            "Source": milestones["source"],
        }
    )
    values["after_tbl_facility"] = style.table(table, "The facility in other sources, with their words")
    return values


def facility_chart(package: dict[str, pd.DataFrame]) -> Values:
    """The chart of the facility's timeline: the article's dates and plans, later milestones."""
    return {"after_fig_facility": style.chart(charts.facility_timeline, "fig-after-facility", _facility(package))}


def rd_candidate(package: dict[str, pd.DataFrame]) -> Values:
    """The research institutions' lost count beside its candidate in later.csv: the quotes, the
    floor, the dates, the months between, and the table of what fits and what does not."""
    rd = package["figures"].set_index("id").loc[RD_FIGURE]
    restorations = package["restorations"]
    row = restorations[(restorations["figure_id"] == RD_FIGURE) & (restorations["relation"] == "candidate")]
    cand = package["later"].set_index("id").loc[row["later_id"].item()]
    months = after.months_before(rd["period"], cand["period"])
    fit = after.candidate_fit(
        rd, cand["value"], scope_zh=cand["scope_zh"], metric_zh=rd["label_zh"], months_before=months
    )
    tests = {
        "the repost would print it as the article shows": _YES[fit["fits_digits"]],
        f"at least the floor ({rd['implied_min']:.0f})": _YES[fit["above_floor"]],
        f"the same metric words ({rd['label_zh']})": _YES[fit["same_metric"]],
        f"the article's scope word ({rd['scope']}) in the report's": _YES[fit["same_scope_name"]],
        "the same date": f"no: {months} months earlier",
    }
    table = pd.DataFrame({"Test": list(tests), "Result": list(tests.values())})
    return {
        "after_rd_quote": rd["quote"],
        "after_rd_floor": float(rd["implied_min"]),
        "after_rd_date": cand["source_date"],
        "after_rd_months": months,
        "after_rd_later_quote": cand["quote"],
        "after_rd_value": float(cand["value"]),
        "after_rd_relation": row["relation"].item(),
        "after_tbl_rd": style.table(table, f"The candidate {cand['value']:.0f} against the lost count"),
    }
