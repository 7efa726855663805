"""What every chapter does to present its results: words, numbers and tables a reader sees.

Belongs here: code that turns analysed data into what a reader sees beside a chart or a table:
downloadable chart data (:func:`chart_data`), numbers written with their units
(:func:`number_text`, :func:`value_text`, :func:`yi_yuan`, :func:`ordinal`, :func:`long_date`,
:func:`half_year`),
display tables (:func:`figure_table`, :func:`bilingual_cell`), quotes from the seed
(:func:`quote_from`, :func:`quote_span`), source lines (:func:`source_text`), the data
dictionary, the sentences on what came after (:func:`lasted_sentence`), the claims ledger in
Markdown (:func:`ledger_markdown`), parts against their total (:func:`parts_sentence`) and other
sources' labels in the book's terms (:func:`house_label`, :func:`in_house_terms`). Analysis itself
(growth arithmetic, overlap measures, areas, lost digits) lives in :mod:`sciencecity.analysis`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from html import escape as _escape
from pathlib import Path

import pandas as pd

from sciencecity.analysis.claims_ledger import evidence_sources, original_words
from sciencecity.reading import paths, periods
from sciencecity.reading.text import number_text, whole  # noqa: F401 (re-exported: the formats readers see)
from sciencecity.rules import checked
from sciencecity.rules.claims import Context
from sciencecity.rules.terminology import _DASHES, _SPACE, Term

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
    :class:`sciencecity.rules.checked.Figure` or a row of ``data.load_figures()``. The quotes must be where
    they say they are, and ``last`` must not start before ``first``.
    """
    for f in (first, last):
        if text[int(f.start) : int(f.start) + len(f.quote)] != f.quote:
            raise ValueError(f"quote {f.quote!r} is not at offset {f.start}")
    if int(last.start) < int(first.start):
        raise ValueError("the last quote starts before the first")
    return text[int(first.start) : int(last.start) + len(last.quote)]


#: 1 亿 = 10⁸; 1 billion = 10⁹: 1 亿元 is 0.1 billion yuan.
YI_PER_BILLION = 10


def billion_yuan(yi: float) -> float:
    """An amount in 亿元 expressed in billions of yuan (30 亿元 → 3.0; 100.6 亿元 → 10.06)."""
    return yi / YI_PER_BILLION


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

    return f"{plain(yi)} 亿元 ({plain(yi / YI_PER_BILLION)} billion yuan)"


# -- Numbers with their units ----------------------------------------------------------------


#: English for the article's qualifiers of lost figures.
QUALIFIER_EN = {
    "近": "nearly",
    "上百": "reaching a hundred",
    "百余": "a hundred and more",
    "千亿级": "hundred-billion class",
}

_UNIT_SUFFIX = {"count": "", "rank": "", "%": " %", "百分点": " points", "亿元": " 亿元"}


def _with_unit(number: str, unit: str) -> str:
    if unit == "rank":
        return f"no. {number}"
    return number + _UNIT_SUFFIX.get(unit, f" {unit}" if unit else "")


def value_text(
    value: float | None,
    unit: str,
    status: str = "reported",
    implied_min: float | None = None,
    survives: str = "",
    bound: str = "exact",
    qualifier: str = "",
) -> str:
    """A figure's value for a table, in words where a bare number would mislead.

    Lost figures stay missing: ``lost; at least 100.6 亿元 (".6" survives)``. Bounds and orders of
    magnitude say so: ``at least 100 (上百)``, ``of the order of 1000 亿元 (千亿级)``.
    """

    def _missing(v):
        return v is None or (isinstance(v, float) and math.isnan(v))

    if status == "digits_lost":
        if _missing(implied_min):
            raise ValueError("a figure whose digits were lost needs its lower bound (implied_min)")
        text = f"lost; at least {_with_unit(number_text(implied_min), unit)}"
        if survives:
            text += f" (“{survives}” survives)"
        if qualifier:
            gloss = QUALIFIER_EN.get(qualifier)
            text += f"; written {qualifier}" + (f" ({gloss})" if gloss else "")
        return text
    if _missing(value):
        raise ValueError("a reported figure needs a value")
    number = _with_unit(number_text(value), unit)
    if bound == "lower":
        text = f"at least {number}"
    elif bound == "order_of_magnitude":
        text = f"of the order of {number}"
    elif bound == "approximate":
        text = f"nearly {number}"
    else:
        text = number
    if qualifier and bound != "exact":
        text += f" ({qualifier})"
    return text


def figure_table(figures: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """Chosen rows of ``data.load_figures()`` (indexed by id) as a narrow table for the text.

    Columns: Figure (English label), 原文 Quote, Value (see :func:`value_text`), Scope 范围.
    """
    ids = list(ids)
    missing = [i for i in ids if i not in figures.index]
    if missing:
        raise KeyError(f"no figure(s) {', '.join(missing)} in figures.csv")
    rows = []
    for fid in ids:
        f = figures.loc[fid]
        rows.append(
            {
                "Figure": f["label_en"],
                "原文 Quote": f["quote"],
                "Value": value_text(
                    f["value"], f["unit"], f["status"], f["implied_min"], f["survives"], f["bound"], f["qualifier"]
                ),
                "Scope 范围": f["scope"],
            }
        )
    return pd.DataFrame(rows, columns=["Figure", "原文 Quote", "Value", "Scope 范围"])


def long_date(day) -> str:
    """A day written out for the text: ``2021-09-02`` → ``"2 September 2021"``."""
    ts = pd.Timestamp(day)
    return f"{ts.day} {ts:%B %Y}"


def half_year(period: str) -> tuple[str, str]:
    """A half-year written out, in English and Chinese: ``2021H1`` → ``("first half of 2021", "上半年")``.

    :class:`ValueError` if ``period`` is not one half-year of a known year.
    """
    parsed = periods.parse(period)
    if parsed.kind != "half-year" or parsed.year is None:
        raise ValueError(f"{period!r} is not one half-year of a known year (2021H1)")
    first = parsed.first.half == 1
    return f"{'first' if first else 'second'} half of {parsed.year}", "上半年" if first else "下半年"


def source_text(source: str, date: str | None) -> str:
    """A source line: ``"publisher, date"``, or ``"publisher, undated"`` when the date is unknown."""
    if not source:
        raise ValueError("a source line needs the source's name")
    return f"{source}, {date or 'undated'}"


def bilingual_cell(zh: str, en: str) -> str:
    """A table cell with the Chinese name above its English, both HTML-escaped.

    For tables shown with ``style.table(frame, escape=False)``.
    """
    return f"{_escape(str(zh))}<br>{_escape(str(en))}"


def quote_from(text: str, start: str, end: str = "。") -> str:
    """The seed's words from the first occurrence of ``start`` to the first ``end`` after it, inclusive.

    Quotes are cut from the seed, never retyped; a phrase that is not there raises ``ValueError``.
    """
    i = text.find(start)
    if i < 0:
        raise ValueError(f"{start!r} is not in the text")
    j = text.find(end, i + len(start))
    if j < 0:
        raise ValueError(f"no {end!r} after {start!r}")
    return text[i : j + len(end)]


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
        geometry = [
            "<li><code>geometry</code> (Polygon or MultiPolygon): the outline, longitude and latitude in degrees</li>"
        ]
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
        text = (
            f"<code>{escape(f['name'])}</code> ({escape(f.get('type', 'string'))}{'; ' + escape(rule) if rule else ''})"
        )
        if f.get("description"):
            text += f": {escape(f['description'])}"
        items.append(f"<li>{text}</li>")
    return head + '\n<ul style="overflow-wrap:anywhere">\n' + "\n".join(items + geometry) + "\n</ul>"


def house_label(label: str) -> str:
    """A label this project shows but did not write (``external.csv``'s ``metric``, kept as the
    upstream file has it) in the book's terms: :func:`sciencecity.presentation.words.in_house_terms`."""

    return in_house_terms(label, checked.load_terms())


def parts_equation(check) -> str:
    """``5 + 14 + 8 = 27``: the parts of a :class:`~sciencecity.rules.arithmetic.PartsCheck` and their sum."""
    return " + ".join(number_text(v) for _, v in check.parts) + f" = {number_text(check.parts_sum)}"


def parts_sentence(check) -> str:
    """One sentence for the text: whether the parts of a ``PartsCheck`` give the stated total."""
    if check.adds_up:
        return f"{parts_equation(check)}, exactly the stated total"
    gap = abs(check.difference)
    side = "short of" if check.difference < 0 else "more than"
    return (
        f"{parts_equation(check)}, {number_text(round(gap, 9))} {side} the stated total of {number_text(check.total)}"
    )


#: How each status reads in the book.
STATUS_EN = {
    "verified": "verified",
    "consistent": "consistent",
    "unverifiable": "unverifiable",
    "in_tension": "in tension",
}


#: Order of the ledger's rows: the claims that hold least come first.
STATUS_ORDER = ("in_tension", "verified", "consistent", "unverifiable")


def ledger_markdown(ledger: pd.DataFrame, ctx: Context) -> str:
    """The ledger as a three-column MyST table: the claim with the article's words, the status,
    and the evidence with a link to the section that discusses it ({ref} role).

    Rows by :data:`STATUS_ORDER`, then in the file's order. Glue it and show it with
    ``{glue:md}`key:myst```.
    """

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    order = {s: i for i, s in enumerate(STATUS_ORDER)}
    rows = sorted(ledger.to_dict("records"), key=lambda r: order[r["status"]])
    lines = ["| Claim, and the article's words | Status | Evidence; where discussed |", "| --- | --- | --- |"]
    for r in rows:
        claim = f"{r['claim_en']}: 「{original_words(r, ctx)}」"
        evidence = f"{evidence_sources(r, ctx)}; see {{ref}}`{r['section']}`"
        lines.append(f"| {cell(claim)} | **{STATUS_EN[r['status']]}** | {cell(evidence)} |")
    return "\n".join(lines)


#: How a chart groups the kinds of source: what the reader needs to tell apart.
SOURCE_CLASS = {
    "the article": "the article (上游新闻)",
    "official": "official release",
    "institution's own site": "official release",
    "newspaper": "press report or repost",
    "newspaper repost": "press report or repost",
    "aggregator repost of an official release": "aggregator repost of an official release",
}


def lasted_sentence(summary: dict) -> str:
    """One sentence saying whether the core's faster growth lasted, over full years only.

    From :func:`lead_summary`: the full years with figures for both sides, their leads in
    order, and the last year's two rates. Half-years are a different measure and are told
    apart by :func:`half_year_sentence`.
    """
    years = summary["years"]
    n, faster = len(years), sum(lead > 0 for _, lead in years)
    every = "each" if faster == n else f"{faster}"
    peak_period, peak = max(years, key=lambda pl: pl[1])
    last_period, last = years[-1]
    trend = f", narrowing after {peak_period}" if last < peak and peak_period != last_period else ""
    return (
        f"In {every} of the {n} full years with figures for both, the core grew faster than Chongqing; "
        f"its lead went {' → '.join(f'{lead:.1f}' for _, lead in years)} points "
        f"({', '.join(p for p, _ in years)}){trend}, with {summary['last_year_core']:.1f} % "
        f"against {summary['last_year_city']:.1f} % in {last_period}"
    )


def half_year_sentence(summary: dict) -> str:
    """The leads of the half-years, a separate measure from the full years'."""
    halves = summary["half_years"]
    if not halves:
        return "No half-year has figures for both the core and the city"
    parts = [f"{lead:.1f} points in {period}" for period, lead in halves]
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return f"Measured over first halves, a separate series, the lead was {listed}"


def _loose(phrase: str) -> re.Pattern:
    """``phrase`` as a case-insensitive whole-word pattern, any dash or run of spaces between words."""
    words = [re.escape(w) for w in _SPACE.split(_DASHES.sub(" ", phrase).strip())]
    return re.compile(r"(?<![\w\[])" + r"[\s\-‐‑‒–—]+".join(words) + r"(?![\w\]])", re.IGNORECASE)


def in_house_terms(text: str, terms: list[Term]) -> str:
    """``text`` with every avoided variant replaced by its chosen term (a leading capital kept).

    For words this project shows but did not write, such as the labels of the upstream context
    file (``external.csv`` keeps them unchanged): ``"total investment of those eight projects"``
    becomes ``"planned total investment of those eight projects"``; an avoided variant inside an
    occurrence of the chosen term is left alone, as :func:`avoided_uses` leaves it.
    """
    for t in terms:
        for v in t.avoid:
            keep = [m.span() for m in _loose(t.en).finditer(text)]

            def swap(m: re.Match, en: str = t.en, keep: list = keep) -> str:
                if any(a <= m.start() < b for a, b in keep):
                    return m.group()
                return en[0].upper() + en[1:] if m.group()[0].isupper() else en

            text = _loose(v).sub(swap, text)
    return text
