"""What every chapter does to present its results: the data behind a chart, one click away.

Belongs here: code that turns analysed data into what a reader sees beside a chart or a table
(downloadable chart data, display tables, source lines, number formatting). Analysis itself
(growth arithmetic, overlap measures, areas) lives in the module named after what it computes.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from . import paths

#: Where each chart's data is written, beside the chapters that link to it (``book/chart-data``).
CHART_DATA_DIR: Path = paths.BOOK_DIR / "chart-data"
_NAME = re.compile(r"fig-[a-z0-9-]+")


def chart_data(frame: pd.DataFrame, name: str, *, directory: Path | None = None) -> str:
    """Write the data a chart plots to ``book/chart-data/<name>.csv`` and return the link for its caption.

    ``name`` is the figure's ``:name:`` (``fig-growth-sectors``). The CSV is deterministic: UTF-8
    without a byte-order mark, ``\\n`` line ends, no index, floats as Python prints them, so a
    re-executed notebook rewrites the same bytes. Glue the returned text and put it at the end of
    the figure's caption: ``{glue:md}`growth_fig_sectors_data:myst```. It is a MyST ``{download}``
    role, so the build copies the file and fails if it is missing.
    """
    if not _NAME.fullmatch(name):
        raise ValueError(f"chart data name {name!r} must be a figure name like 'fig-growth-sectors'")
    if frame.empty:
        raise ValueError(f"chart data {name!r} is empty: a chart plots something")
    directory = Path(directory or CHART_DATA_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{name}.csv"
    text = frame.to_csv(index=False, lineterminator="\n")
    if not target.exists() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8")
    return f"{{download}}`Data (CSV) <chart-data/{name}.csv>`"
