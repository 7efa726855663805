"""The platforms chapter's results (chapter 4) and their checks (chapter 9), by glue key.

Belongs here: one function per result a chapter shows, taking the checked package
(:func:`sciencecity.rules.checked.load_package`) and returning ``{glue_key: value}`` (for
:func:`sciencecity.presentation.glue.glue_all`), a display table or a chart. A value both chapters
show comes from one function here (:func:`lost_run`, :func:`projects`, :func:`facility_figures`,
:func:`events`), so the checks chapter reads the very values the platforms chapter glued. The
computations are :mod:`sciencecity.analysis.pipeline`'s, :mod:`sciencecity.analysis.timeline`'s and
:mod:`sciencecity.rules.lostdigits`'s.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import Markdown

from sciencecity.analysis import pipeline, timeline
from sciencecity.presentation import charts, style, words
from sciencecity.rules import arithmetic, lostdigits

#: The article, as the charts' source lines name it.
ARTICLE_SOURCE = "上游新闻 Shangyou News (article)"
#: The event whose 今年 ("this year") is read as the article's year (events.csv).
ARTICLE_YEAR_EVENT = "facility_groundbreaking"
#: The signed university and institute projects (figures.csv): the total, then by status.
SIGNED = "university_projects_signed"
#: (label for charts, figure id, status in institutions.csv or None), in the article's order.
PIPELINE = (
    ("已投用 in use", "university_projects_operating", "in_operation"),
    ("正在开工建设 started construction", "university_projects_under_construction", "under_construction"),
    ("正积极推进 being advanced", "university_projects_advancing", None),
)
#: The glue name of each figure of the pipeline sentence, total first.
PIPELINE_KEYS = ("signed", "operating", "under_construction", "advancing")
#: How institutions.csv's statuses read in the table of the named institutions.
STATUS_TEXT = {
    "in_operation": "已投用 in use",
    "under_construction": "正在开工建设 started construction",
    "launched": "启动建设 construction launched",
    "approved": "获批 approved",
}
#: The article's figures on the major facilities (figures.csv).
FACILITY_IDS = ("major_facilities", "first_big_science_facility", "facility_probes", "facility_investment")
#: The other sources' candidates for the facility's lost investment (external.csv): the total of
#: the projects that started construction with it, their number, the facility alone, its land.
GROUNDBREAKING, GROUNDBREAKING_N, FACILITY_ALONE, FACILITY_LAND = (
    "groundbreaking_investment",
    "groundbreaking_projects",
    "facility_investment",
    "facility_land",
)
#: The article's figures on the application-scenario list (figures.csv).
SCENARIO_IDS = ("scenario_projects", "scenarios", "scenario_investment", "scenario_investment_signal")
#: The article's figures on the projects signed and introduced in the first half (figures.csv).
LANDED_IDS = (
    "signed_projects_h1",
    "signed_investment_growth_h1",
    "introduced_projects",
    "introduced_investment",
    "fortune500_firms",
    "industry_chains",
    "rd_institutions",
)
#: The usual Chinese name of Fortune Global 500 companies (the repost lost its 500).
FORTUNE_NAME = "世界500强企业"
#: The Smart China Expo of the scenario conference (external.csv).
EXPO = "smart_expo_2021"
#: How the timeline table names where each date comes from.
SOURCE_TEXT = {
    timeline.FROM_ARTICLE: "article",
    timeline.YEAR_RESTORED: "article; year from another source",
    timeline.DATE_RESTORED: "another source (article: 上个月)",
    timeline.DAY_RESTORED: "article; day from another source",
    timeline.UNKNOWN: "unknown 不详",
}


def _figures(package: dict) -> pd.DataFrame:
    return package["figures"].set_index("id")


def _external(package: dict) -> pd.DataFrame:
    return package["external"].set_index("id")


def _value(package: dict, figure_id: str):
    """A reported figure's value, a whole number as ``int``."""
    return words.whole(float(_figures(package).loc[figure_id, "value"]))


def _quote(package: dict, figure_id: str) -> str:
    return _figures(package).loc[figure_id, "quote"]


def _table(package: dict, ids, title: str):
    return style.table(words.figure_table(_figures(package), list(ids)), title)


def _pick(values: dict, *keys: str) -> dict:
    return {key: values[key] for key in keys}


def _source(row) -> str:
    return words.source_text(row["source"], row["source_date"])


def _timeline(package: dict) -> pd.DataFrame:
    """Every dated event and plan (:func:`sciencecity.analysis.timeline.timeline`, days refined)."""
    return timeline.timeline(package["events"], package["external"], refine_days=True)


# -- Chapter 4 -----------------------------------------------------------------------------------


def lost_run() -> dict:
    """How many digits in a run the repost lost (every run of this many or more)."""
    return {"platforms_lost_run": lostdigits.LOST_RUN}


def article_year(package: dict) -> dict:
    """The article's year (its 今年, "this year", as events.csv reads it) and the lost-digit run."""
    year = package["events"].set_index("event_id").loc[ARTICLE_YEAR_EVENT, "year_restored"]
    return {"platforms_article_year": int(year)} | lost_run()


def projects(package: dict) -> dict:
    """The signed university and institute projects: the total, and each status's count and words."""
    ids = (SIGNED, *(fid for _, fid, _ in PIPELINE))
    values = {"platforms_projects_total": _value(package, SIGNED)}
    for key, fid in zip(PIPELINE_KEYS, ids, strict=True):
        values |= {f"platforms_q_{key}": _quote(package, fid), f"platforms_{key}": _value(package, fid)}
    return values


def projects_table(package: dict):
    """The article's figures on the projects (a display table)."""
    ids = (SIGNED, *(fid for _, fid, _ in PIPELINE))
    return _table(package, ids, "The article's figures: projects of universities and institutes")


def _named(package: dict) -> pd.DataFrame:
    """Every institution the article names in the passage from "签约高校院所…27个" to "8个项目正积极推进"."""
    signed, advancing = _figures(package).loc[SIGNED], _figures(package).loc[PIPELINE[-1][1]]
    end = int(advancing["start"]) + len(advancing["quote"])
    return pipeline.named_between(package["institutions"], int(signed["start"]), end)


def named_projects(package: dict) -> dict:
    """How many projects of each status the article names, and what else the passage names."""
    named = _named(package)
    counts = pipeline.status_counts(named, [status for _, _, status in PIPELINE])
    return {f"platforms_named_{k}": n for k, n in zip(PIPELINE_KEYS[1:], counts, strict=True)} | {
        "platforms_named_in_passage": len(named),
        "platforms_named_other": len(named) - sum(counts),
        "platforms_n_statuses": len(PIPELINE),
    }


def named_table(package: dict):
    """The institutions the article names in the passage, with their status (a display table)."""
    named = _named(package)
    table = pd.DataFrame(
        {
            "Name 名称": named["name_zh"],
            "English": named["name_en"],
            "Status 状态": [STATUS_TEXT.get(s, s) for s in named["status"]],
        }
    )
    return style.table(table, "Institutions the article names in this passage, in the article's order")


def pipeline_chart(package: dict) -> dict:
    """The chart of the signed projects by status, counted and named."""
    counts = pipeline.status_counts(_named(package), [status for _, _, status in PIPELINE])
    data = pd.DataFrame(
        {
            "status": [label for label, _, _ in PIPELINE],
            "projects_counted": [_value(package, fid) for _, fid, _ in PIPELINE],
            "projects_named": counts,
        }
    )
    source = ARTICLE_SOURCE + "; names from institutions.csv"
    total = _value(package, SIGNED)
    return {
        "platforms_fig_pipeline": style.chart(charts.platforms_pipeline, "fig-platforms-pipeline", data, total, source),
        "platforms_fig_pipeline_data": Markdown(words.chart_data(data, "fig-platforms-pipeline")),
    }


def facility_figures(package: dict) -> dict:
    """The facility's planned total investment as the article prints it: its words, the digits that
    survive and the least it can have been."""
    fac = _figures(package).loc["facility_investment"]
    return {
        "platforms_q_facility_investment": fac["quote"],
        "platforms_facility_survives": fac["survives"],
        "platforms_facility_min_yuan": words.yi_yuan(fac["implied_min"]),
    }


def facility(package: dict) -> dict:
    """The major facilities: their number, the facility's probes, its start and its lost investment."""
    lost = facility_figures(package)
    start = _timeline(package).set_index("event_id").loc[ARTICLE_YEAR_EVENT, "date"]
    return (
        {
            "platforms_major_facilities": _value(package, "major_facilities"),
            "platforms_probes": _value(package, "facility_probes"),
        }
        | _pick(lost, "platforms_facility_min_yuan", "platforms_facility_survives")
        | {
            "platforms_groundbreaking_date": start,
            "platforms_q_first_facility": _quote(package, "first_big_science_facility"),
            "platforms_q_major_facilities": _quote(package, "major_facilities"),
        }
        | _pick(lost, "platforms_q_facility_investment")
    )


def facility_table(package: dict):
    """The article's figures on the major facilities (a display table)."""
    return _table(package, FACILITY_IDS, "The article's figures: major facilities")


def scenarios(package: dict) -> dict:
    """The application-scenario list: its projects and scenarios, and its lost planned investment
    against the other source's total (which fits the lost digits), per project and per scenario."""
    figures, external = _figures(package), _external(package)
    n_projects, n_scenarios = _value(package, "scenario_projects"), _value(package, "scenarios")
    investment = external.loc["scenario_investment"]
    list_event = package["events"].set_index("event_id").loc["scenario_list"]
    fits = lostdigits.fits_lost_digits(investment["value"], figures.loc["scenario_investment", "survives"])
    per_project = words.whole(pipeline.per_unit(investment["value"], n_projects, 0))
    return {
        "platforms_scenario_projects": n_projects,
        "platforms_scenarios": n_scenarios,
        "platforms_scenarios_per_project": pipeline.per_unit(n_scenarios, n_projects, 2),
        "platforms_scenario_signal": _value(package, "scenario_investment_signal"),
        "platforms_scenario_min": float(figures.loc["scenario_investment", "implied_min"]),
        "platforms_list_year": int(list_event["year_restored"]),
        "platforms_list_year_source": _source(external.loc[list_event["restored_from"]]),
        "platforms_scenario_investment_yuan": words.yi_yuan(words.whole(investment["value"])),
        "platforms_scenario_investment_fits": "fits" if fits else "does not fit",
        "platforms_investment_per_project_yuan": words.yi_yuan(per_project),
        "platforms_investment_per_scenario_yuan": words.yi_yuan(pipeline.per_unit(investment["value"], n_scenarios, 1)),
        "platforms_scenario_source": _source(investment),
        "platforms_q_scenarios": _quote(package, "scenarios"),
        "platforms_q_scenario_investment": _quote(package, "scenario_investment"),
    }


def scenarios_table(package: dict):
    """The article's figures on the key application-scenario list (a display table)."""
    return _table(package, SCENARIO_IDS, "The article's figures: the key application-scenario list")


def _landed(package: dict) -> pd.DataFrame:
    institutions = package["institutions"]
    return institutions[institutions["status"] == "landed"].sort_values("start", kind="stable")


def landed(package: dict) -> dict:
    """How many items the article names as landed in the first half of its year."""
    return {"platforms_landed_named": len(_landed(package))}


def landed_table(package: dict):
    """The projects that landed in the first half of the article's year, as it names them (a table)."""
    rows = _landed(package)
    year = article_year(package)["platforms_article_year"]
    return style.table(
        pd.DataFrame({"Name 名称": rows["name_zh"], "English": rows["name_en"]}),
        f"Projects that landed in the first half of {year} (相继落地), as the article names them",
    )


def signed_and_introduced(package: dict) -> dict:
    """The first half's projects signed and introduced: the surviving counts, the lost ones' floors,
    and the Fortune Global 500 name the repost damaged."""
    figures, institutions = _figures(package), package["institutions"]
    introduced = institutions[institutions["status"] == "introduced"]
    values = {
        "platforms_signed_h1": _value(package, "signed_projects_h1"),
        "platforms_fortune500": _value(package, "fortune500_firms"),
        "platforms_chains": _value(package, "industry_chains"),
        "platforms_n_lost_here": int((figures.loc[list(LANDED_IDS), "status"] == "digits_lost").sum()),
        "platforms_fortune_name": FORTUNE_NAME,
        "platforms_fortune_printed": lostdigits.lose_digits(FORTUNE_NAME),
        "platforms_signed_growth_min": float(figures.loc["signed_investment_growth_h1", "implied_min"]),
        "platforms_rd_min": float(figures.loc["rd_institutions", "implied_min"]),
        "platforms_introduced_name": introduced["name_zh"].iloc[0],
    }
    quoted = {"signed_h1": "signed_projects_h1", "fortune500": "fortune500_firms", "chains": "industry_chains"}
    return values | {f"platforms_q_{key}": _quote(package, fid) for key, fid in quoted.items()}


def signed_table(package: dict):
    """The article's figures on the projects signed and introduced (a display table)."""
    return _table(package, LANDED_IDS, "The article's figures: projects signed and introduced")


#: The events whose dates the timeline's context note gives, by glue name (events.csv).
CONTEXT_EVENTS = {
    "mobilisation": "mobilisation_conference",
    "plaque": "plaque_ceremony",
    "scenario_conference": "scenario_conference",
}


def timeline_context(package: dict) -> dict:
    """The dates other sources give the events, with those sources, and the Expo's period."""
    by_id, external = _timeline(package).set_index("event_id"), _external(package)
    dates = {key: by_id.loc[CONTEXT_EVENTS[key], "date"] for key in ("mobilisation", "scenario_conference", "plaque")}
    sources = {key: _source(external.loc[by_id.loc[event, "restored_from"]]) for key, event in CONTEXT_EVENTS.items()}
    expo = external.loc[EXPO]
    return (
        {f"platforms_{key}_date": date for key, date in dates.items()}
        | {f"platforms_{key}_source": source for key, source in sources.items()}
        | {"platforms_expo_period": expo["period"].replace("/", " to "), "platforms_expo_source": _source(expo)}
    )


def timeline_table(package: dict):
    """The dated events of the article in time order, each with where its date comes from (a table)."""
    tl = _timeline(package)
    table = pd.DataFrame(
        {
            "Date 日期": [d if d else "unknown 不详" for d in tl["date"]],
            "原文 As written": tl["date_as_written"],
            "Event 事件": tl["label_zh"],
            "Date from": [
                SOURCE_TEXT[s] if s != timeline.DATE_RESTORED else f"another source (article: {w})"
                for s, w in zip(tl["date_source"], tl["date_as_written"], strict=True)
            ],
        }
    )
    return style.table(table, "Dated events of the article, in time order")


def timeline_chart(package: dict) -> dict:
    """The chart of every dated event and plan, the dates from other sources marked."""
    tl = _timeline(package)
    columns = ["event_id", "label_en", "label_zh", "date_as_written", "date", "precision", "date_source", "restored"]
    return {
        "platforms_fig_timeline": style.chart(charts.platforms_timeline, "fig-platforms-timeline", tl, ARTICLE_SOURCE),
        "platforms_fig_timeline_data": Markdown(words.chart_data(tl[columns], "fig-platforms-timeline")),
    }


# -- Chapter 9: the checks of the platforms figures ------------------------------------------------


def pipeline_check(package: dict) -> dict:
    """Whether the projects by status add up to the total (from :func:`projects`)."""
    values = projects(package)
    check = arithmetic.check_parts_sum(
        values["platforms_projects_total"],
        {fid: values[f"platforms_{k}"] for k, (_, fid, _) in zip(PIPELINE_KEYS[1:], PIPELINE, strict=True)},
    )
    return _pick(values, "platforms_projects_total") | {"platforms_parts_add_up": words.parts_sentence(check)}


def _candidates(package: dict):
    """The other source's two figures for the facility's investment: the projects that started
    construction with it (together) and the facility alone (rows of external.csv)."""
    external = _external(package)
    return external.loc[GROUNDBREAKING], external.loc[FACILITY_ALONE]


def _relations(package: dict) -> pd.Series:
    """How each candidate relates to the lost figure (restorations.csv), by external id."""
    restorations = package["restorations"]
    return restorations[restorations["figure_id"] == "facility_investment"].set_index("external_id")["relation"]


def facility_check(package: dict) -> dict:
    """Which figure of another source could be the facility's lost investment (from
    :func:`facility_figures`): each candidate as the repost would print it."""
    external, (together, alone) = _external(package), _candidates(package)
    lost = facility_figures(package)
    return (
        {"platforms_groundbreaking_projects": int(external.loc[GROUNDBREAKING_N, "value"])}
        | lost
        | {
            "platforms_groundbreaking_investment_yuan": words.yi_yuan(together["value"]),
            "platforms_facility_alone": int(alone["value"]),
            "platforms_facility_alone_yuan": words.yi_yuan(alone["value"]),
            "platforms_facility_land": int(external.loc[FACILITY_LAND, "value"]),
            "platforms_eight_printed": lostdigits.lose_digits(words.number_text(together["value"])),
            "platforms_alone_printed": lostdigits.lose_digits(words.number_text(alone["value"])),
            "platforms_alone_digits": len(words.number_text(alone["value"])),
            "platforms_facility_relation": " and ".join(sorted(set(_relations(package)))),
            "platforms_context_source": _source(together),
        }
    )


def facility_candidates(package: dict):
    """The candidates for the facility's lost investment, what the repost would print of each and
    whether it fits (a display table)."""
    survives = facility_figures(package)["platforms_facility_survives"]
    relation, rows = _relations(package), _candidates(package)
    table = pd.DataFrame(
        [
            {
                "Other source's figure": words.house_label(row["metric"]),
                "Planned total investment": words.yi_yuan(row["value"]),
                "The repost would print": f"{lostdigits.lose_digits(words.number_text(row['value']))}亿元",
                f"Fits “{survives}”?": "yes" if lostdigits.fits_lost_digits(row["value"], survives) else "no",
                "Relation": relation[row.name],
            }
            for row in rows
        ]
    )
    title = f"Context from other sources: the facility's planned total investment ({_source(rows[0])})"
    return style.table(table, title)


def _bar_note(value: float, survives: str) -> str:
    """The note beside a candidate's bar: what the repost would print of it, and the verdict."""
    printed = lostdigits.lose_digits(words.number_text(value))
    fits = lostdigits.fits_lost_digits(value, survives)
    verdict = "fits the lost figure" if fits else "would have printed intact: cannot be it"
    return f'{words.number_text(value)} → prints "{printed}": {verdict}'


def facility_chart(package: dict) -> dict:
    """The chart of the article's lost figure (its lower bound) against the two candidates."""
    fac = _figures(package).loc["facility_investment"]
    survives, (together, alone) = fac["survives"], _candidates(package)
    n = int(_external(package).loc[GROUNDBREAKING_N, "value"])
    labels = [
        f"文章 article:\n总投资达{survives}亿元",
        f"{n}个项目合计\n{n} projects together",
        "装置本身\nfacility alone",
    ]
    values = [float(fac["implied_min"]), float(together["value"]), float(alone["value"])]
    notes = [f'≥ {values[0]:.1f}: digits lost, only "{survives}" survives'] + [
        _bar_note(v, survives) for v in values[1:]
    ]
    data = pd.DataFrame(
        {
            "figure": ["article: lost, lower bound", "projects started together (context)", "facility alone (context)"],
            "planned_total_investment_yi_yuan": values,
            "source": [ARTICLE_SOURCE] + [_source(together)] * 2,
        }
    )
    chart = style.chart(charts.facility_investment, "fig-platforms-facility", data, labels, notes)
    return {
        "platforms_fig_facility": chart,
        "platforms_fig_facility_data": Markdown(words.chart_data(data, "fig-platforms-facility")),
    }


def events_check(package: dict) -> dict:
    """How many of the article's dated events and plans can be placed in time, how many only with
    another source, how many not at all; and the table of their dates and sources."""
    tl, external = _timeline(package), _external(package)
    counts = timeline.event_counts(tl, package["events"])
    table = pd.DataFrame(
        {
            "Event 事件": tl["label_en"],
            "原文 As written": tl["date_as_written"],
            "Date 日期": [d if d else "unknown 不详" for d in tl["date"]],
            "Date from": tl["date_source"],
            "Other source": [_source(external.loc[e]) if e else "–" for e in tl["restored_from"]],
        }
    )
    return {f"platforms_n_{key}": n for key, n in counts.items()} | {"checks_tbl_events": style.table(table)}
