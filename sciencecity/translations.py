"""The article's English translation (``data/translations.csv``) and its gaps: load, check, render.

One row per article line (label, headings, paragraphs, byline), keyed by the line's offset
``start`` as :func:`sciencecity.seed.segments` gives it; ``zh`` is the line verbatim and ``en``
its English. Where the repost lost digits, ``en`` says ``[digits lost]`` at that place: a lost
number is never guessed, not even in a translation.

The table is a resource of ``data/datapackage.json``, read and checked by :mod:`sciencecity.data`
like every other (``zh`` verbatim at ``start``); the rules that need the seed's segmentation (one
row per article line, none for the forum's) are in :mod:`sciencecity.validate`, which the loader runs.

:func:`lost_gaps` lists every place where the repost lost digits (as :func:`sciencecity.scanner.scan`
finds them), each shown in context by :func:`gap_context` and tied to the row of ``data/`` that
accounts for it: a figure, an event's date, or a non-figure (a name).
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from . import data, paths, scanner, seed

LOST = "[digits lost]"


def check_translations(frame: pd.DataFrame, text: str) -> list[str]:
    """What is wrong with the translation table, given the seed's text (empty when nothing).

    The rule lives in :func:`sciencecity.validate.translations` (every article line has exactly
    one row, its ``zh`` is the line verbatim at ``start``, no row translates a boilerplate line,
    no translation is empty); this runs it on a frame, its rows numbered as CSV lines from 2.
    """
    from .validate import Context, translations as rule

    resource = next(r for r in data.read_descriptor(paths.DATA_DIR) if r.name == "translations")
    records = frame.to_dict("records")
    for row in records:
        row["start"] = int(row["start"])
    table = data.Table(resource, records, list(range(2, 2 + len(records))))
    return rule(Context({"translations": table}, text))


def load_translations(data_dir: Path | None = None) -> pd.DataFrame:
    """``translations.csv`` in seed order, checked; :class:`sciencecity.data.DataError` if not."""
    frame = data.load_table("translations", data_dir)  # validate's rules included
    return frame.sort_values("start", ignore_index=True)


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


# --- Gaps -------------------------------------------------------------------------------------

GAP_MARK = "[lost]"


def gap_context(text: str, q: scanner.Quantity, before: int = 8, after: int = 6) -> str:
    """The few characters around a lost run, the gap marked: ``…规上工业总产值实现[lost].9亿元、占全…``.

    The gap stands where the digits were: before what survives of the number (``.9``), after a
    qualifier (``近[lost]亿元``). The context never runs past the gap's own line.
    """
    line = next(s for s in seed.segments(text) if s.start <= q.start and q.end <= s.end)
    gap = q.start + len(q.qualifier)
    a, b = max(line.start, gap - before), min(line.end, q.end + after)
    head = "…" if a > line.start else ""
    tail = "…" if b < line.end else ""
    return f"{head}{text[a:gap]}{GAP_MARK}{text[gap:b]}{tail}"


def lost_gaps(text: str, figures: pd.DataFrame, events: pd.DataFrame, non_figures: pd.DataFrame) -> pd.DataFrame:
    """Every lost run in the article, in text order, with the row of ``data/`` that accounts for it.

    ``figures`` is :func:`sciencecity.data.load_figures` (indexed by id); ``events`` and
    ``non_figures`` are the tables as loaded. A gap belongs to a figure when it is the last
    quantity of the figure's quote (the convention of ``validate``), to an event when it lies in
    the event's quote, else to a non-figure at its offset; ``owner`` is then ``figure``, ``event``
    or ``non_figure`` and ``owner_id`` the row's id (``start`` for a non-figure). A gap nothing
    accounts for raises :class:`ValueError`: the coverage test forbids it.
    """
    quantities = sorted(scanner.scan(text, repost=True), key=lambda q: q.start)

    def last_in(start: int, quote: str) -> int | None:
        inside = [q.start for q in quantities if start <= q.start and q.end <= start + len(quote)]
        return inside[-1] if inside else None

    by_figure = {last_in(int(f.start), f.quote): fid for fid, f in figures.iterrows()}
    rows = []
    for q in quantities:
        if not q.lost or not seed.in_article(text, q.start, q.end):
            continue
        ev = events[(events["start"] <= q.start) & (q.end <= events["start"] + events["quote"].str.len())]
        nf = non_figures[non_figures["start"] == q.start]
        if q.start in by_figure:
            owner, owner_id = "figure", by_figure[q.start]
        elif len(ev):
            owner, owner_id = "event", ev["event_id"].iloc[0]
        elif len(nf):
            owner, owner_id = "non_figure", str(q.start)
        else:
            raise ValueError(f"the gap {q.text!r} at {q.start} is in no figure, event or non-figure of data/")
        rows.append(
            {
                "start": q.start,
                "text": q.text,
                "context": gap_context(text, q),
                "unit": q.unit,
                "survives": q.survives,
                "owner": owner,
                "owner_id": owner_id,
            }
        )
    return pd.DataFrame(rows, columns=["start", "text", "context", "unit", "survives", "owner", "owner_id"])
