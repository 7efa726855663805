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
    re-executed notebook rewrites the same bytes. The returned text is a MyST ``{download}`` role
    (the build copies the file and fails if it is missing): type it at the end of the figure's
    caption, or glue it as Markdown (``glue(key, Markdown(text), display=False)`` and
    ``{glue:md}`key:myst``` in the caption; ``{glue:md}`` refuses plain text).
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


# -- Wording shared by the chapters ------------------------------------------------------------


def ordinal(n: int | float) -> str:
    """An English ordinal for a rank: ``1`` → ``"1st"``, ``3`` → ``"3rd"``, ``11`` → ``"11th"``."""
    if float(n) != int(n) or int(n) < 0:
        raise ValueError(f"an ordinal needs a whole number ≥ 0, not {n!r}")
    n = int(n)
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def quote_span(text: str, first, last) -> str:
    """The article's words from the start of one figure's quote to the end of another's.

    ``first`` and ``last`` are figures with ``start`` (offset in ``text``) and ``quote``: a
    :class:`sciencecity.data.Figure` or a row of ``data.load_figures()``. The quotes must be where
    they say they are, and ``last`` must not start before ``first``.
    """
    for f in (first, last):
        if text[int(f.start) : int(f.start) + len(f.quote)] != f.quote:
            raise ValueError(f"quote {f.quote!r} is not at offset {f.start}")
    if int(last.start) < int(first.start):
        raise ValueError("the last quote starts before the first")
    return text[int(first.start) : int(last.start) + len(last.quote)]


def whole(value: float | int) -> float | int:
    """A number as ``int`` when it is whole (27.0 → 27), unchanged otherwise (100.6)."""
    return int(value) if float(value).is_integer() else value


def yi_yuan(value: float | int | str) -> str:
    """An amount in 亿元 (100 million yuan) with its value in billions of yuan.

    ``30`` → ``"30 亿元 (3 billion yuan)"``; ``283.6`` → ``"283.6 亿元 (28.36 billion yuan)"``.
    Exact decimal arithmetic, so no float artefacts; 1 亿元 = 0.1 billion yuan.
    """
    from decimal import Decimal

    yi = Decimal(str(value))
    if not yi.is_finite():
        raise ValueError(f"not an amount: {value!r}")

    def plain(d: Decimal) -> str:
        text = format(d.normalize(), "f")
        return text

    return f"{plain(yi)} 亿元 ({plain(yi / 10)} billion yuan)"


# -- The data dictionary -------------------------------------------------------------------------


def _field_rules(field: dict) -> str:
    """A field's constraints in words: ``required; one of a, b; pattern …; minimum 0``."""
    cons = field.get("constraints", {})
    out = [k for k in ("required", "unique") if cons.get(k)]
    if "enum" in cons:
        out.append("one of " + ", ".join(str(v) for v in cons["enum"]))
    if "pattern" in cons:
        out.append(f"pattern {cons['pattern']}")
    if "minimum" in cons:
        out.append(f"minimum {cons['minimum']}")
    return "; ".join(out)


def data_dictionary_html(resource: dict, rows: int) -> str:
    """One resource of a Frictionless descriptor as HTML: name, path, rows, key, then each column.

    A GeoJSON resource (``"format": "geojson"``, no tabular schema) reads "GeoJSON, N features"
    (``rows`` is then its feature count) and lists its feature ``properties`` and the geometry.
    Every text from the descriptor is HTML-escaped; the output is deterministic.
    """
    from html import escape

    if resource.get("format") == "geojson":
        fields = resource.get("properties", [])
        size = f"GeoJSON, {rows} features"
        geometry = ["<li><code>geometry</code> (Polygon or MultiPolygon): the outline, longitude and latitude in degrees</li>"]
    else:
        schema = resource["schema"]
        keys = schema.get("primaryKey", [])
        keys = [keys] if isinstance(keys, str) else keys
        fields, geometry = schema["fields"], []
        size = f"{rows} rows{', key ' + escape(' + '.join(keys)) if keys else ''}"
    head = (
        f"<p><strong>{escape(resource['name'])}</strong> ({escape(resource['path'])}, {size}): "
        f"{escape(resource.get('title') or resource.get('description', ''))}</p>"
    )
    items = []
    for f in fields:
        rule = _field_rules(f)
        text = f"<code>{escape(f['name'])}</code> ({escape(f.get('type', 'string'))}{'; ' + escape(rule) if rule else ''})"
        if f.get("description"):
            text += f": {escape(f['description'])}"
        items.append(f"<li>{text}</li>")
    return head + '\n<ul style="overflow-wrap:anywhere">\n' + "\n".join(items + geometry) + "\n</ul>"
