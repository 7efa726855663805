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

import pandas as pd

from sciencecity.reading import csv_tables, descriptor, paths
from sciencecity.rules.validate import Context
from sciencecity.rules.validate import translations as rule


def check_translations(frame: pd.DataFrame, text: str) -> list[str]:
    """What is wrong with the translation table, given the seed's text (empty when nothing).

    The rule lives in :func:`sciencecity.validate.translations` (every article line has exactly
    one row, its ``zh`` is the line verbatim at ``start``, no row translates a boilerplate line,
    no translation is empty); this runs it on a frame, its rows numbered as CSV lines from 2.
    """
    resource = next(r for r in descriptor.read_descriptor(paths.DATA_DIR) if r.name == "translations")
    records = frame.to_dict("records")
    for row in records:
        row["start"] = int(row["start"])
    table = csv_tables.Table(resource, records, list(range(2, 2 + len(records))))
    return rule(Context({"translations": table}, text))
