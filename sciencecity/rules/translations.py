"""The article's English translation (``data/translations.csv``): load, check, render.

One row per article line (label, headings, paragraphs, byline), keyed by the line's offset
``start`` as :func:`sciencecity.seed.segments` gives it; ``zh`` is the line verbatim and ``en``
its English. Where the repost lost digits, ``en`` says ``[digits lost]`` at that place: a lost
number is never guessed, not even in a translation.

The table is a resource of ``data/datapackage.json``, read and checked by :mod:`sciencecity.data`
like every other (``zh`` verbatim at ``start``); the rules that need the seed's segmentation (one
row per article line, none for the forum's) are in :mod:`sciencecity.validate`, which the loader runs.

Belongs here: the translation table and how it is shown (:func:`bilingual_html`, :func:`line_with`).
The gaps themselves (where digits were lost, and what accounts for each) are
:mod:`sciencecity.lostdigits`.
"""

from __future__ import annotations

import html
from pathlib import Path

import pandas as pd

from . import data, paths

LOST = "[digits lost]"


def check_translations(frame: pd.DataFrame, text: str) -> list[str]:
    """What is wrong with the translation table, given the seed's text (empty when nothing).

    The rule lives in :func:`sciencecity.validate.translations` (every article line has exactly
    one row, its ``zh`` is the line verbatim at ``start``, no row translates a boilerplate line,
    no translation is empty); this runs it on a frame, its rows numbered as CSV lines from 2.
    """
    from .validate import Context
    from .validate import translations as rule

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


def line_with(rows: pd.DataFrame, phrase: str) -> pd.Series:
    """The one row of the translation table whose Chinese line holds ``phrase`` (``ValueError`` if not one)."""
    found = rows[rows["zh"].str.contains(phrase, regex=False)]
    if len(found) != 1:
        raise ValueError(f"{phrase!r} is in {len(found)} lines of the translation, not one")
    return found.iloc[0]
