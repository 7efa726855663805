"""Tables for readers: the rows a chapter displays, with their English column names.

Belongs here: turning analysis results into the frames the chapters show (the 2020 launch by
zone or type, the repost's gaps and what other sources say of them, the bilingual article);
the house look of a displayed table is :func:`sciencecity.presentation.style.table`. The numbers
come from :mod:`sciencecity.analysis`; the wording of a number from
:mod:`sciencecity.presentation.words`.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

import pandas as pd

from sciencecity.analysis.repost_gaps import (
    CANDIDATE,
    CANNOT_BE,
    CONTEXT,
    NOT_THE_SUBJECT,
    RESTORES,
    RESTORES_YEAR,
    _by_id,
    gap_names,
)
from sciencecity.presentation import words
from sciencecity.reading.text import number_text
from sciencecity.rules.lostdigits import fits_lost_digits


def launch_table(parts: pd.DataFrame, first_column: str, labels: Sequence[str]) -> pd.DataFrame:
    """The 2020 launch per zone or per type (:func:`launch_by_zone`, :func:`launch_by_type`) for display.

    ``labels`` name the rows (in ``parts``' order) under ``first_column``. Investments are whole
    亿元, with 约 where the source says "about", and in billions of yuan; shares and amounts per
    project to one decimal.
    """
    if len(labels) != len(parts):
        raise ValueError(f"{len(labels)} labels for {len(parts)} rows")
    investment = [
        ("约 " if a else "") + f"{v:,.0f}" for v, a in zip(parts["investment"], parts["approximate"], strict=True)
    ]
    return pd.DataFrame(
        {
            first_column: list(labels),
            "projects": parts["projects"].tolist(),
            "planned total investment, 亿元": investment,
            "billion yuan": words.billion_yuan(parts["investment"]).round(1).tolist(),
            "share of the investment, %": parts["investment_share_pct"].round(1).tolist(),
            "亿元 per project": parts["investment_per_project"].round(1).tolist(),
        }
    )


GAP_TABLE_COLUMNS = ["gap", "原文 in context", "what was lost", "what the article allows"]


RESTORATION_COLUMNS = ["gap", "the other source says", "source, date", "verdict"]


def gap_table(
    gaps: pd.DataFrame, figures: pd.DataFrame, events: pd.DataFrame, non_figures: pd.DataFrame
) -> pd.DataFrame:
    """The gaps of :func:`lost_gaps` for the reader: what was lost at each and what the article still allows.

    ``figures`` is :func:`sciencecity.rules.checked.load_figures`; ``events`` and ``non_figures`` as loaded
    (``events`` may be indexed by ``event_id``). A figure's gap allows its floor
    (:func:`sciencecity.words.value_text`, in billions of yuan too for 亿元); an event's gap is a
    year of four digits; a non-figure's is the number of a name.
    """
    events = _by_id(events, "event_id")
    reasons = dict(zip(non_figures["start"].astype(int), non_figures["reason"], strict=True))
    kinds = dict(zip(non_figures["start"].astype(int), non_figures["kind"], strict=True))
    lost, allows = [], []
    for g in gaps.itertuples(index=False):
        if g.owner == "figure":
            f = figures.loc[g.owner_id]
            lost.append(f"{f['label_en']} ({f['scope']})")
            text = words.value_text(
                f["value"], f["unit"], f["status"], f["implied_min"], f["survives"], f["bound"], f["qualifier"]
            )
            if f["unit"] == "亿元":
                text += f"; at least {words.billion_yuan(f['implied_min']):g} billion yuan"
            allows.append(text)
        elif g.owner == "event":
            label = events.loc[g.owner_id, "label_en"]
            lost.append(label if label.startswith("Year of") else f"Year of the {label[0].lower()}{label[1:]}")
            allows.append("a year: four digits" + (f"; “{g.survives}” survives" if g.survives else ""))
        else:
            start = int(g.owner_id)
            what = reasons[start].split(":")[0]
            lost.append(f"Part of a name: {what}" if kinds[start] == "name" else what)
            allows.append("the name's number" if kinds[start] == "name" else "no number")
    names = gaps["gap"] if "gap" in gaps.columns else gap_names(gaps)
    return pd.DataFrame(
        {
            "gap": list(names),
            "原文 in context": gaps["context"].tolist(),
            "what was lost": lost,
            "what the article allows": allows,
        },
        columns=GAP_TABLE_COLUMNS,
    )


def _verdict(relation: str, fits: bool, where: str) -> str:
    """The verdict on one row of ``restorations.csv`` for a figure whose digits were lost."""
    if relation == "restores" and fits:
        return RESTORES
    if relation == "disagrees":
        return NOT_THE_SUBJECT if fits else CANNOT_BE
    if relation == "candidate" and fits:
        return CANDIDATE
    if relation in ("restores", "candidate"):
        raise ValueError(f"{where}: relation {relation!r} but the value does not fit the lost digits")
    raise ValueError(f"{where}: relation {relation!r} makes no sense for a figure whose digits were lost")


def restoration_table(
    gaps: pd.DataFrame,
    figures: pd.DataFrame,
    events: pd.DataFrame,
    external: pd.DataFrame,
    restorations: pd.DataFrame,
    later: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What other sources say about each gap, with a verdict: restored, not restored, or a candidate.

    One row per ``restorations.csv`` row of a figure whose gap is in ``gaps`` (named as in its
    ``gap`` column, else by :func:`gap_names`), and one per event gap whose year another source
    restores (``restored_from``). The other source is ``external.csv`` (``external_id``) or
    ``later.csv`` (``later_id``, needs ``later``). Verdicts: :data:`RESTORES` (relation
    ``restores`` and the value fits the lost digits), :data:`NOT_THE_SUBJECT` and
    :data:`CANNOT_BE` (``disagrees``), :data:`CONTEXT` (``context``: the note is shown, not a
    value), :data:`CANDIDATE` (``candidate``: a later figure that fits the digits but is not the
    article's number), :data:`RESTORES_YEAR` for an event. A ``restores`` or ``candidate`` whose
    value does not fit, or a ``matches`` for a lost figure, raises :class:`ValueError`.
    """
    events = _by_id(events, "event_id")
    external = _by_id(external, "id")
    sources = {"external_id": external}
    if later is not None:
        sources["later_id"] = _by_id(later, "id")
    names = gaps["gap"] if "gap" in gaps.columns else gap_names(gaps)
    rows = []
    for name, g in zip(names, gaps.itertuples(index=False), strict=True):
        if g.owner == "figure":
            f = figures.loc[g.owner_id]
            mine = restorations[restorations["figure_id"] == g.owner_id]
            for r in mine.itertuples(index=False):
                column = "later_id" if getattr(r, "later_id", "") else "external_id"
                if column not in sources:
                    raise ValueError(f"restorations.csv: {g.owner_id} cites later.csv ({r.later_id}): pass later")
                e = sources[column].loc[getattr(r, column)]
                fits = pd.notna(e["value"]) and fits_lost_digits(e["value"], f["survives"])
                if r.relation == "context":
                    says, verdict = r.note, CONTEXT
                else:
                    # later.csv names its metrics by code and describes them in label_en
                    what = e["label_en"] if column == "later_id" else words.house_label(e["metric"])
                    unit = "" if e["unit"] == "count" else f" {e['unit']}"
                    says = f"{what}: {number_text(e['value'])}{unit}"
                    verdict = _verdict(r.relation, bool(fits), f"restorations.csv: {g.owner_id}")
                rows.append((name, says, words.source_text(e["source"], e["source_date"]), verdict))
        elif g.owner == "event" and events.loc[g.owner_id, "restored_from"]:
            ev = events.loc[g.owner_id]
            e = external.loc[ev["restored_from"]]
            rows.append(
                (
                    name,
                    f"year {ev['year_restored']}: {words.house_label(e['metric'])}",
                    words.source_text(e["source"], e["source_date"]),
                    RESTORES_YEAR,
                )
            )
    return pd.DataFrame(rows, columns=RESTORATION_COLUMNS)


LOST = "[digits lost]"


def bilingual_html(rows: pd.DataFrame, caption: str = "caption") -> str:
    """The rows as stacked ``<div>`` blocks, Chinese beside English where there is room.

    ``rows`` needs the columns ``zh``, ``en`` and ``caption`` (the name of the last can be
    changed). Each block is a flex row that wraps: side by side on a wide screen, Chinese
    above English on a phone, never wider than the screen. All text is HTML-escaped.
    """
    blocks = []
    for row in rows.itertuples(index=False):
        zh, en, cap = (html.escape(str(getattr(row, c))) for c in ("zh", "en", caption))
        blocks.append(
            '<div style="margin:0 0 1em 0;overflow-wrap:anywhere">'
            f'<div style="font-size:0.8em;color:#555">{cap}</div>'
            '<div style="display:flex;flex-wrap:wrap;gap:0 1.5em">'
            f'<div lang="zh-Hans" style="flex:1 1 14em;min-width:0">{zh}</div>'
            f'<div lang="en" style="flex:1 1 14em;min-width:0">{en}</div>'
            "</div></div>"
        )
    return "\n".join(blocks)


def line_with(rows: pd.DataFrame, phrase: str) -> pd.Series:
    """The one row of the translation table whose Chinese line holds ``phrase`` (``ValueError`` if not one)."""
    found = rows[rows["zh"].str.contains(phrase, regex=False)]
    if len(found) != 1:
        raise ValueError(f"{phrase!r} is in {len(found)} lines of the translation, not one")
    return found.iloc[0]
