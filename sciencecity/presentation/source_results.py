"""The results of the chapter "The source" (book/08_source), by glue key or as the tables it shows.

Each function takes the checked package (:func:`sciencecity.rules.checked.load_package`) and/or
the seed's text (:func:`sciencecity.reading.seed.load_seed`) and returns a dict ``{glue key:
value}`` (values as the chapter cites them), a display table, or a chart with its chart-data file.
The seed's lines and the lost digits are :mod:`sciencecity.analysis.repost_gaps`'s; the dating
of the article is :func:`sciencecity.analysis.repost_gaps.article_date`.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, Markdown

from sciencecity.analysis import repost_gaps
from sciencecity.presentation import charts, style, tables, words
from sciencecity.reading import seed
from sciencecity.rules.lostdigits import fits_lost_digits

#: The byline's words before the reporter's name, in the article and in its translation.
BYLINE_ZH, BYLINE_EN = "上游新闻记者", "Shangyou News reporter "
#: Events (``events.csv``) that date the article: the construction mobilisation conference a year
#: before it, and the scenario conference at the Expo "last month".
MOBILISATION, SCENARIO_CONFERENCE = "mobilisation_conference", "scenario_conference"
#: The Smart China Expo (``external.csv``), held "last month" (上个月) for the article.
EXPO = "smart_expo_2021"
#: Figures the chapter quotes: the core's industrial growth against the city's, in the half-year,
#: whose city rate other sources date; the signed projects of "this year's" first half.
GAP_TO_CITY_H1, SIGNED_PROJECTS = "industrial_va_gap_city_h1", "signed_projects_h1"
#: The article's phrases that date it, each with what it tells. A phrase is typed, or the quote of
#: an event or a figure of ``data/``; each must be in the seed (and the first two in one line).
SERIES, ANNIVERSARY = "今日起", "全面启动建设一周年"
CLUES = (
    ("phrase", SERIES, "“starting today”: the article opens a series on the day it appears"),
    ("phrase", ANNIVERSARY, "the series marks the first anniversary of the full launch of construction"),
    ("event", MOBILISATION, "the construction launch: a conference whose year was lost"),
    ("figure", SIGNED_PROJECTS, "data for the first half of “this year” are out"),
    ("figure", GAP_TO_CITY_H1, "compared with Chongqing's own first-half growth"),
    ("event", SCENARIO_CONFERENCE, "the Smart China Expo was “last month”"),
)
#: The rows of the table of dates: what each is and where it comes from.
DATE_ROWS = (
    ("mobilisation", "mobilisation conference", "other source"),
    ("h1_release", "Chongqing's H1 data released", "other source"),
    ("expo_start", "Smart China Expo opens", "other source"),
    ("expo_end", "Smart China Expo closes", "other source"),
    ("window_start", "window opens", "inferred"),
    ("anniversary", "first anniversary", "inferred"),
    ("window_end", "window closes", "inferred"),
)
#: What each kind of forum line is, for the table of boilerplate.
BOILERPLATE_WHAT = {
    "forum_header": "The forum's name: Bishan County forum.",
    "breadcrumb": "Breadcrumb: Home » Q&A » General knowledge » the post's title (the article's headline, cut short).",
    "timestamp": "The poster's handle and the time of the repost.",
    "advert": "A spam advert for a medical chat group; its address is defanged.",
    "footer": "The forum's footer: a post number, or “view the full version” with the title.",
}
#: Figures whose quotes show the damage: a surviving decimal, a name that lost its number.
OUTPUT_2020, FORTUNE_500 = "industrial_output_2020", "fortune500_firms"
#: The facility's lost investment and the two figures of another source set beside it (``external.csv``).
FACILITY, GROUP_TOTAL, GROUP_PROJECTS = "facility_investment", "groundbreaking_investment", "groundbreaking_projects"
#: The scenario investment: the other source's value, the article's signal and project count.
SCENARIO_EXTERNAL, SCENARIO_SIGNAL, SCENARIO_PROJECTS = (
    "scenario_investment",
    "scenario_investment_signal",
    "scenario_projects",
)
#: The events whose lost years other sources restore, by glue key.
RESTORED_YEARS = {"mobilisation": MOBILISATION, "statistics": "statistics_year", "scenarios": "scenario_list"}


def _frames(package: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """``figures``, ``events`` and ``external``, each indexed by its id."""
    return (
        package["figures"].set_index("id"),
        package["events"].set_index("event_id"),
        package["external"].set_index("id"),
    )


def seed_counts(text: str) -> dict[str, int]:
    """The seed's characters and non-empty lines, split into forum boilerplate and the article."""
    lines = repost_gaps.seed_lines(text)
    return {
        "source_seed_chars": len(text),
        "source_seed_lines": len(lines),
        "source_boilerplate_lines": int(lines["boilerplate"].sum()),
        "source_article_lines": int((~lines["boilerplate"]).sum()),
    }


def _posted(text: str) -> tuple[str, pd.Timestamp]:
    """The poster's handle and the time of the repost, from the forum's timestamp line."""
    stamp = next(s for s in seed.segments(text) if s.kind == "timestamp")
    handle, _, when = stamp.text.partition(" - ")
    return handle, pd.Timestamp(when)


def document(package: dict[str, pd.DataFrame], text: str) -> dict[str, str]:
    """What the document is: the forum, the poster, when, the post's title, the reporter (zh and en)."""
    segs = seed.segments(text)
    handle, posted = _posted(text)
    byline = seed.article_segments(text)[-1]
    translations = package["translations"].set_index("start")
    return {
        "source_forum": segs[0].text,
        "source_poster": handle,
        "source_posted": f"{posted:%Y-%m-%d %H:%M}",
        "source_forum_title": next(s for s in segs if s.kind == "breadcrumb").text.split(" » ")[-1],
        "source_reporter": byline.text.removeprefix(BYLINE_ZH),
        "source_reporter_en": translations.loc[byline.start, "en"].removeprefix(BYLINE_EN),
    }


def clues_table(package: dict[str, pd.DataFrame], text: str) -> HTML:
    """The article's phrases that date it, each with what it tells."""
    figures, events, _ = _frames(package)
    rows = {"event": events, "figure": figures}
    clues = pd.DataFrame(
        [(what if kind == "phrase" else rows[kind].loc[what, "quote"], tells) for kind, what, tells in CLUES],
        columns=["原文 the article", "what it tells"],
    )
    series = tables.line_with(package["translations"].sort_values("start", ignore_index=True), SERIES)
    if not all(c in text for c in clues["原文 the article"]) or ANNIVERSARY not in series["zh"]:
        raise ValueError("a dating clue is not in the seed, or the anniversary not in the series' line")
    return style.table(clues)


def _article_date(package: dict[str, pd.DataFrame]) -> tuple[repost_gaps.ArticleDate, str]:
    """:func:`repost_gaps.article_date` from ``data/``, and the id of the city's first-half release."""
    _, events, external = _frames(package)
    restorations = package["restorations"]
    h1_source = restorations.loc[
        (restorations["figure_id"] == GAP_TO_CITY_H1) & (restorations["relation"] == "matches"), "external_id"
    ].item()
    date = repost_gaps.article_date(
        external.loc[h1_source, "source_date"],
        external.loc[EXPO, "period"],
        external.loc[events.loc[SCENARIO_CONFERENCE, "restored_from"], "period"],
        external.loc[events.loc[MOBILISATION, "restored_from"], "period"],
    )
    if events.loc[MOBILISATION, "year_restored"] != date.mobilisation.year:
        raise ValueError("events.csv: the mobilisation conference's restored year is not its date's")
    return date, h1_source


def dating(package: dict[str, pd.DataFrame], text: str) -> dict:
    """When the article appeared: the dated facts, the window they imply, the article's year."""
    date, h1_source = _article_date(package)
    figures, _, external = _frames(package)
    return {
        "source_h1_release": words.long_date(date.h1_release),
        "source_cq_industrial_growth_h1": float(external.loc[h1_source, "value"]),
        "source_expo_start": words.long_date(date.expo_start),
        "source_expo_end": words.long_date(date.expo_end),
        "source_scenario_day": words.long_date(date.scenario_day),
        "source_mobilisation": words.long_date(date.mobilisation),
        "source_anniversary": words.long_date(date.anniversary),
        "source_window_start": words.long_date(date.window_start),
        "source_window_end": words.long_date(date.window_end),
        "source_window_month": f"{date.month:%B %Y}",
        "source_gap_points": float(figures.loc[GAP_TO_CITY_H1, "value"]),
        "source_repost_years": _posted(text)[1].year - date.anniversary.year,
        "source_article_year": date.anniversary.year,
    }


def dates_table(package: dict[str, pd.DataFrame]) -> HTML:
    """The dates from other sources and the window they imply, in order."""
    date, _ = _article_date(package)
    frame = pd.DataFrame(
        {
            "event": [event for _, event, _ in DATE_ROWS],
            "date": [getattr(date, day).date().isoformat() for day, _, _ in DATE_ROWS],
            "from": [origin for _, _, origin in DATE_ROWS],
        }
    )
    return style.table(frame, "Dates from other sources, and the window they imply")


def boilerplate_html(text: str) -> HTML:
    """The forum's lines, each with what it is and where it is in the seed; addresses defanged."""
    boiler = seed.boilerplate_segments(text)
    shown = pd.DataFrame(
        {
            "zh": [seed.defang(s.text) for s in boiler],
            "en": [BOILERPLATE_WHAT[s.kind] for s in boiler],
            "caption": [f"{s.kind} · seed offset {s.start}–{s.end}" for s in boiler],
        }
    )
    if any("http" in z for z in shown["zh"]):
        raise ValueError("a forum line shows a live address")
    return HTML(tables.bilingual_html(shown))


def translation_counts(package: dict[str, pd.DataFrame]) -> dict[str, int]:
    """The terms fixed in the terminology, and the translated lines that say digits were lost."""
    return {
        "source_terms": len(package["terminology"]),
        "source_lines_lost": int(package["translations"]["en"].str.contains(tables.LOST, regex=False).sum()),
    }


def article_html(package: dict[str, pd.DataFrame], text: str) -> HTML:
    """The article line by line, Chinese beside English, each captioned with its kind and offsets."""
    tr = package["translations"].sort_values("start", ignore_index=True)
    article = seed.article_segments(text)
    if [s.start for s in article] != list(tr["start"]) or [s.text for s in article] != list(tr["zh"]):
        raise ValueError("translations.csv does not give the article's lines in order")
    captions = [f"{i} · {s.kind} · seed offset {s.start}–{s.end}" for i, s in enumerate(article, 1)]
    return HTML(tables.bilingual_html(tr.assign(caption=captions)))


def _gaps(package: dict[str, pd.DataFrame], text: str) -> pd.DataFrame:
    """:func:`repost_gaps.lost_gaps`, each gap named (``G1`` …)."""
    gaps = repost_gaps.lost_gaps(text, package["figures"].set_index("id"), package["events"], package["non_figures"])
    gaps.insert(0, "gap", repost_gaps.gap_names(gaps))
    return gaps


def gaps(package: dict[str, pd.DataFrame], text: str) -> dict:
    """The lost digits: how many gaps, of what, the floor a lost number had, and quotes showing the damage."""
    figures, events, _ = _frames(package)
    found = _gaps(package, text)
    floor = repost_gaps.lost_floor()
    if set(figures.loc[figures["status"] == "digits_lost", "implied_min"] // 1) != {floor}:
        raise ValueError(f"figures.csv: a lost figure's floor is not {floor} plus what survives")
    return {
        "source_gaps": len(found),
        "source_q_output": figures.loc[OUTPUT_2020, "quote"],
        "source_q_mobilisation": events.loc[MOBILISATION, "date_as_written"],
        "source_q_fortune": figures.loc[FORTUNE_500, "quote"],
        "source_signed_projects": float(figures.loc[SIGNED_PROJECTS, "value"]),
        "source_floor_whole": float(floor),
        "source_gaps_figures": int((found["owner"] == "figure").sum()),
        "source_gaps_years": int((found["owner"] == "event").sum()),
        "source_gaps_names": int((found["owner"] == "non_figure").sum()),
    }


def gap_table(package: dict[str, pd.DataFrame], text: str) -> HTML:
    """Every gap in its context, what was lost and what the article still allows."""
    figures, events, _ = _frames(package)
    table = tables.gap_table(_gaps(package, text), figures, events, package["non_figures"])
    return style.table(table, "Gaps in the article (the article's own text)")


def lines_chart(package: dict[str, pd.DataFrame], text: str) -> dict:
    """The seed line by line with its gaps (fig-source-lines): its data file, then the chart."""
    per_line, gap_at, gap_line = repost_gaps.gaps_by_line(repost_gaps.seed_lines(text), _gaps(package, text)["start"])
    chart = per_line[["line", "kind", "boilerplate", "start", "end", "chars", "gaps"]]
    return {
        "source_fig_lines_data": Markdown(words.chart_data(chart, "fig-source-lines")),
        "source_fig_lines": style.chart(charts.source_lines, "fig-source-lines", per_line, gap_at, gap_line),
    }


def _context(package: dict[str, pd.DataFrame], text: str) -> pd.DataFrame:
    """:func:`tables.restoration_table` for the gaps: what other sources say of each."""
    figures, events, external = _frames(package)
    return tables.restoration_table(
        _gaps(package, text), figures, events, external, package["restorations"], package["later"]
    )


def restoration_counts(package: dict[str, pd.DataFrame], text: str) -> dict[str, int]:
    """How many gaps other sources restore, and how many stay open."""
    restored = len(repost_gaps.restored_gaps(_context(package, text)))
    return {"source_gaps_restored": restored, "source_gaps_open": len(_gaps(package, text)) - restored}


def restoration_table(package: dict[str, pd.DataFrame], text: str) -> HTML:
    """What other sources say about each gap, with the verdict."""
    return style.table(_context(package, text), "Context from other sources (not the article)")


def restorations(package: dict[str, pd.DataFrame]) -> dict:
    """What the restorations say: the facility's investment against the group total, the scenario
    investment, and the restored years."""
    figures, events, external = _frames(package)
    fac, group, alone = figures.loc[FACILITY], external.loc[GROUP_TOTAL], external.loc[FACILITY]
    if not fits_lost_digits(group["value"], fac["survives"]) or fits_lost_digits(alone["value"], fac["survives"]):
        raise ValueError("the group total must fit the facility's lost digits, and the facility's own figure not")
    values = {
        "source_facility_floor": float(fac["implied_min"]),
        "source_facility_floor_bn": words.billion_yuan(float(fac["implied_min"])),
        "source_facility_survives": fac["survives"],
        "source_eight_total": float(group["value"]),
        "source_eight_total_bn": words.billion_yuan(float(group["value"])),
        "source_eight_projects": int(external.loc[GROUP_PROJECTS, "value"]),
        "source_facility_alone": float(alone["value"]),
        "source_facility_alone_bn": words.billion_yuan(float(alone["value"])),
    }
    for key, amount in (
        ("scenario_restored", float(external.loc[SCENARIO_EXTERNAL, "value"])),
        ("scenario_signal", float(figures.loc[SCENARIO_SIGNAL, "value"])),
    ):
        values |= {f"source_{key}": amount, f"source_{key}_bn": words.billion_yuan(amount)}
    values["source_facility_quote"] = fac["quote"]
    values["source_scenario_projects"] = float(figures.loc[SCENARIO_PROJECTS, "value"])
    return values | {f"source_year_{k}": int(events.loc[e, "year_restored"]) for k, e in RESTORED_YEARS.items()}
