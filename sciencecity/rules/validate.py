"""The content rules of ``data/`` and :func:`validate`, for ``python -m sciencecity validate`` and the loader.

Belongs here: the rules of what the columns mean, across fields and tables (:data:`RULES`, each
a function of a :class:`Context` that returns its problems), running them
(:func:`content_problems`) and :func:`validate`, the one entry point, which reports in order:

1. **Structure** (:func:`sciencecity.rules.package.check_package`): the seed's checksum, the
   descriptor, every file readable and of its schema, keys, every quote at its offset of the seed.
2. **Content** (:data:`RULES`): generic rules by column name (:mod:`sciencecity.rules.intrinsic`:
   values, dates, addresses, quotes, identities; here: ``*_zh`` holds Chinese, ``*_en`` English,
   a ``zone_zh`` agrees with its ``zone_id``) and the rules of the article's tables: figures
   against the seed, coverage of the article, the translation and the terminology
   (:mod:`sciencecity.rules.terminology`), events, restorations, external.csv, later.csv
   (:mod:`sciencecity.rules.later_table`), economy.csv (:mod:`sciencecity.rules.economy_table`) and
   the claims (:mod:`sciencecity.rules.claims`).
3. **Copies** (:mod:`sciencecity.rules.copies`): a copied table still holds its copy; where
   ``../shared/context/`` exists, external.csv and later.csv agree with it (extra checks the loader
   does not need).

Each rule returns problems as ``file:line: column 'name': what is wrong`` (a problem with no row
names the file and the column). :func:`sciencecity.rules.checked.load_package` runs the first
two layers and the copy record, so a notebook never sees data that ``validate`` rejects. No
input ends in a traceback: a rule that cannot run is itself a problem naming the table.

The figures' convention: a figure's quote may state several quantities
(``一二三产增加值分别增长3.9%、20.2%``); the figure is the *last* of them, so a quote ends with its
figure (:func:`sciencecity.reading.scanner.stated_by`, the one implementation of the rule), and
each ``also_at`` offset (:func:`sciencecity.reading.csv_tables.offsets`) falls inside a quantity
that states the same figure.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from sciencecity.reading import paths, periods
from sciencecity.reading.csv_tables import VERBATIM_COLUMN, Table, offsets
from sciencecity.reading.descriptor import DataError, read_descriptor
from sciencecity.reading.geojson import load_features
from sciencecity.reading.scanner import Quantity, scan, stated_by
from sciencecity.reading.seed import SeedError, article_segments, boilerplate_segments, load_seed, segments
from sciencecity.reading.text import HAN, HAN_RANGES
from sciencecity.rules import claims, economy_table, intrinsic, later_table, lostdigits, terminology
from sciencecity.rules.copies import check_copies, shared_check
from sciencecity.rules.package import check_package

#: The unit figures.csv uses for what the scanner reports: by kind, or for a lost number by unit.
_UNIT_OF_KIND = {"percent": "%", "point_gap": "百分点", "amount": "亿元", "count": "count", "rank": "rank"}
_UNIT_OF_LOST = {"%": "%", "个百分点": "百分点", "亿元": "亿元", "个": "count"}
#: The unit each kind of figure must have (a rank is never in %).
UNIT_OF_FIGURE_KIND = {
    "growth": ("%",),
    "share": ("%",),
    "point_gap": ("百分点",),
    "amount": ("亿元",),
    "count": ("count",),
    "rank": ("rank",),
}
#: The bound each qualifier of figures.csv implies (no qualifier: exact).
BOUND_OF_QUALIFIER = {
    "": "exact",
    "首": "exact",
    "近": "approximate",
    "约": "approximate",
    "上百": "lower",
    "百余": "lower",
    "千亿级": "order_of_magnitude",
}
#: The areas a figure's scope may name; a quote naming one of them has it as scope.
NAMED_SCOPES = ("直管园", "直管区")
#: Qualifiers that external.csv records in its ``qualifier`` column, and how its notes spell them.
EXTERNAL_QUALIFIERS = {"约": "(约)", "近": "近 ("}

_LATIN = re.compile(r"[A-Za-z]")
#: Chinese an English text may hold: in brackets or quotes ("Cytiva (思拓凡)"), or glossed by a
#: bracket right after it ("30 亿元 (3 billion yuan)").
_GLOSSES = re.compile(rf"\([^()]*\)|（[^（）]*）|“[^”]*”|「[^」]*」|[{HAN_RANGES}…·]+\s*(?=\()")


@dataclass
class Context:
    """What the rules read: the checked tables, the seed and the quantities found in it."""

    tables: dict[str, Table]
    seed: str
    quantities: list[Quantity] = field(default_factory=list)
    #: ``file:line`` of every row that already has a problem (the identities explain nothing twice).
    flagged: set[str] = field(default_factory=set)

    def rows(self, name: str) -> Iterator[tuple[dict[str, Any], str]]:
        """``(row, "file.csv:line")`` for every row of a table; nothing if the table failed to load."""
        table = self.tables.get(name)
        if table is not None:
            for row, line in zip(table.rows, table.lines, strict=True):
                yield row, f"{table.resource.path}:{line}"

    def path(self, name: str) -> str:
        table = self.tables.get(name)
        return table.resource.path if table else f"{name}.csv"

    def has(self, *names: str) -> bool:
        return all(n in self.tables for n in names)


Rule = Callable[[Context], list[str]]


# --- Generic rules: any table, by its column names -------------------------------------------


def languages(ctx: Context) -> list[str]:
    """A ``*_zh`` (or ``zh``) column holds Chinese; a ``*_en`` (or ``en``) column holds English.

    Catches swapped columns: a Chinese column without a Chinese character, an English one with
    Chinese characters outside a gloss (brackets or quotes, or a term glossed by the bracket
    after it: "Cytiva (思拓凡)", "亿元 (100 million yuan)") or without a Latin letter.
    """
    problems = []
    for name, table in ctx.tables.items():
        for col in table.resource.columns:
            zh, en = col == "zh" or col.endswith("_zh"), col == "en" or col.endswith("_en")
            if not (zh or en):
                continue
            for row, where in ctx.rows(name):
                text = row[col]
                if not isinstance(text, str) or not text:
                    continue
                if zh and not HAN.search(text):
                    problems.append(
                        f"{where}: column {col!r}: {text[:30]!r} has no Chinese character (columns swapped?)"
                    )
                if en and (HAN.search(_GLOSSES.sub("", text)) or not _LATIN.search(text)):
                    problems.append(f"{where}: column {col!r}: {text[:30]!r} is not English (columns swapped?)")
    return problems


def zone_names(ctx: Context) -> list[str]:
    """In every table but ``zones``, a ``zone_zh`` is the ``zone_zh`` that ``zones.csv`` gives its ``zone_id``."""
    if "zones" not in ctx.tables:
        return []
    names = {row["zone_id"]: row["zone_zh"] for row, _ in ctx.rows("zones")}
    problems = []
    for name, table in ctx.tables.items():
        if name == "zones" or not {"zone_id", "zone_zh"} <= set(table.resource.columns):
            continue
        for row, where in ctx.rows(name):
            want = names.get(row["zone_id"])
            if want is not None and row["zone_zh"] != want:
                problems.append(
                    f"{where}: column 'zone_zh': {row['zone_zh']!r} but zone {row['zone_id']!r} is {want!r} in "
                    f"{ctx.path('zones')}"
                )
    return problems


# --- The article's figures --------------------------------------------------------------------


def figure_status(ctx: Context) -> list[str]:
    """A reported figure has a value; a lost one has none (no guesses) but a lower bound that follows from what
    survives."""
    problems = []
    for row, where in ctx.rows("figures"):
        if row["status"] == "reported":
            if row["value"] is None:
                problems.append(f"{where}: column 'value': a reported figure needs a value")
            for col in ("survives", "implied_min"):
                if row[col] is not None:
                    problems.append(f"{where}: column {col!r}: only for status digits_lost")
            continue
        if row["value"] is not None:
            problems.append(f"{where}: column 'value': must be empty when the digits were lost (no guesses)")
        if row["implied_min"] is None:
            problems.append(f"{where}: column 'implied_min': a figure whose digits were lost needs its lower bound")
            continue
        implied = lostdigits.implied_min(row["survives"])
        if Decimal(str(row["implied_min"])) != implied:
            problems.append(
                f"{where}: column 'implied_min': {row['implied_min']:g} but a lost run of {lostdigits.LOST_RUN}+ digits"
                f"{' before ' + row['survives'] if row['survives'] else ''} implies {implied}"
            )
    return problems


def figure_units(ctx: Context) -> list[str]:
    """A figure's unit fits its kind (a rank is in ``rank``, never in %); its bound fits its qualifier."""
    problems = []
    for row, where in ctx.rows("figures"):
        units = UNIT_OF_FIGURE_KIND.get(row["kind"])
        if units and row["unit"] not in units:
            problems.append(
                f"{where}: column 'unit': {row['unit']!r} does not fit kind {row['kind']!r} (expected "
                f"{' or '.join(units)})"
            )
        bound = BOUND_OF_QUALIFIER.get(row["qualifier"] or "")
        if bound and row["bound"] != bound:
            problems.append(
                f"{where}: column 'bound': {row['bound']!r} does not fit qualifier "
                f"{row['qualifier'] or '(none)'!r} (expected {bound!r})"
            )
    return problems


def figure_scopes(ctx: Context) -> list[str]:
    """直管园, 直管区 and 科学城 are never blurred: a quote naming 直管园 or 直管区 has it as scope."""
    problems = []
    for row, where in ctx.rows("figures"):
        named = [area for area in NAMED_SCOPES if area in row["quote"]]
        if named and row["scope"] != named[0]:
            problems.append(f"{where}: column 'scope': {row['scope']!r} but the quote names {named[0]!r}")
    return problems


def _stated(row: dict[str, Any], q: Quantity) -> str | None:
    """What is wrong with ``q`` as the statement of the figure ``row`` (naming the column), or ``None``."""
    unit = _UNIT_OF_LOST.get(q.unit) if q.lost else _UNIT_OF_KIND.get(q.kind)
    if unit != row["unit"]:
        return f"column 'unit': {row['unit']!r} but the quote states {q.text!r}, a {q.kind} in {q.unit or 'no unit'}"
    if q.qualifier and q.qualifier != row["qualifier"]:
        return (
            f"column 'qualifier': {row['qualifier'] or '(empty)'!r} but the quote states {q.qualifier!r} in {q.text!r}"
        )
    if row["status"] == "digits_lost":
        if not q.lost:
            return f"column 'status': digits_lost but the quote states {q.text!r} in full"
        if (q.survives or "") != (row["survives"] or ""):
            return (
                f"column 'survives': {row['survives'] or '(empty)'!r} but {q.survives or '(nothing)'!r} "
                f"survives in {q.text!r}"
            )
        return None
    if q.value is None:
        return f"column 'status': reported but the quote's {q.text!r} lost its digits"
    if row["value"] is not None and Decimal(str(row["value"])) != q.value:
        return f"column 'value': {row['value']:g} but the quote states {q.text!r} = {q.value}"
    return None


def figure_values(ctx: Context) -> list[str]:
    """Every figure is the last quantity its quote states, and is stated at each ``also_at`` (outside its quote)."""
    problems = []
    for row, where in ctx.rows("figures"):
        start, end = row["start"], row["start"] + len(row["quote"])
        stated = stated_by(ctx.quantities, start, row["quote"])
        if stated is None:
            problems.append(f"{where}: column 'quote': states no quantity the scanner finds")
            continue
        if error := _stated(row, stated):
            problems.append(f"{where}: {error}")
        for pos in offsets(row["also_at"]):
            at = [q for q in ctx.quantities if q.start <= pos < q.end]
            if start <= pos < end:
                problems.append(f"{where}: column 'also_at': offset {pos} is inside the figure's own quote")
            elif not at:
                problems.append(f"{where}: column 'also_at': no quantity at offset {pos}")
            elif error := _stated(row, at[0]):
                problems.append(f"{where}: at also_at offset {pos}: {error}")
    return problems


# --- The seed: article, boilerplate, coverage ------------------------------------------------


def quotes_in_article(ctx: Context) -> list[str]:
    """Every quote of the seed lies in the article, never in the forum's chrome."""
    article = article_segments(ctx.seed)
    problems = []
    for name, column in VERBATIM_COLUMN.items():
        for row, where in ctx.rows(name):
            start, end = row["start"], row["start"] + len(row[column])
            if not any(s.start <= start and end <= s.end for s in article):
                problems.append(
                    f"{where}: column {column!r}: {row[column][:20]!r} at {start} is not in the article (forum "
                    "boilerplate?)"
                )
    return problems


def _claimed(ctx: Context) -> tuple[dict[int, str], dict[int, str], dict[int, str]]:
    """Start of each article quantity claimed by a figure, an event and a non-figure -> who claims it."""
    figures, events, listed = {}, {}, {}
    for row, where in ctx.rows("figures"):
        if (own := stated_by(ctx.quantities, row["start"], row["quote"])) is not None:
            figures[own.start] = where
        for pos in offsets(row["also_at"]):
            for q in ctx.quantities:
                if q.start <= pos < q.end:
                    figures[q.start] = where
    for row, where in ctx.rows("events"):
        start, end = row["start"], row["start"] + len(row["quote"])
        for q in ctx.quantities:
            if start <= q.start and q.end <= end and (q.kind in ("date", "year") or q.lost):
                events[q.start] = where
    for row, where in ctx.rows("non_figures"):
        listed[row["start"]] = where
    return figures, events, listed


def coverage(ctx: Context) -> list[str]:
    """Every quantity of the article (scanned as a repost) is a figure, an event's date or a listed non-figure.

    A non-figure is a quantity the scanner finds, at its offset with its text, and belongs to
    nothing else; no row of data/ points into the forum's boilerplate.
    """
    if not ctx.has("figures", "events", "non_figures"):
        return []
    article, chrome = article_segments(ctx.seed), boilerplate_segments(ctx.seed)
    figures, events, listed = _claimed(ctx)
    found = {(q.start, q.text) for q in ctx.quantities if any(s.start <= q.start and q.end <= s.end for s in article)}
    problems = []
    listed_text = {(row["start"], row["text"]) for row, _ in ctx.rows("non_figures")}
    for start, text in sorted(found):
        if start not in figures and start not in events and (start, text) not in listed_text:
            problems.append(
                f"{ctx.path('figures')}: column 'quote': the article's {text!r} at {start} is in no figure, "
                f"event ({ctx.path('events')}) or non-figure ({ctx.path('non_figures')})"
            )
    for row, where in ctx.rows("non_figures"):
        if (row["start"], row["text"]) not in found:
            problems.append(
                f"{where}: column 'text': the scanner finds no quantity {row['text']!r} at {row['start']} (stale row)"
            )
        elif row["start"] in figures:
            problems.append(f"{where}: column 'start': {row['text']!r} is also a figure's ({figures[row['start']]})")
    for start in sorted(set(figures) & set(events)):
        problems.append(
            f"{events[start]}: column 'quote': the quantity at {start} is also a figure's ({figures[start]})"
        )
    for q in ctx.quantities:
        if any(s.start <= q.start and q.end <= s.end for s in chrome):
            for who in (figures.get(q.start), events.get(q.start)):
                if who:
                    problems.append(f"{who}: column 'start': points at forum boilerplate {q.text!r} at {q.start}")
    return problems


def translations(ctx: Context) -> list[str]:
    """One row per article line, ``zh`` the line verbatim, none for the forum's lines, no empty ``en``."""
    if "translations" not in ctx.tables:
        return []
    path = ctx.path("translations")
    lines = {s.start: s for s in segments(ctx.seed)}
    problems, seen = [], {}
    for row, where in ctx.rows("translations"):
        line = lines.get(row["start"])
        if row["start"] in seen:
            problems.append(
                f"{where}: column 'start': a second row for the line at {row['start']} (first: {seen[row['start']]})"
            )
        seen.setdefault(row["start"], where)
        if line is None:
            problems.append(f"{where}: column 'start': no line of the seed starts at {row['start']}")
        elif line.is_boilerplate:
            problems.append(f"{where}: column 'zh': translates forum boilerplate ({line.kind})")
        elif row["zh"] != line.text:
            problems.append(
                f"{where}: column 'zh': not the whole line of the seed at {row['start']} ({line.text[:20]!r}…)"
            )
        if not str(row["en"]).strip():
            problems.append(f"{where}: column 'en': empty translation")
    for s in article_segments(ctx.seed):
        if s.start not in seen:
            problems.append(f"{path}: column 'start': the article line at {s.start} ({s.text[:12]}…) has no row")
    return problems


#: Tables whose cells the terminology's avoided variants are not looked for in: the terminology
#: names them; the translation is checked line by line; external.csv keeps the upstream file's words.
TERMS_NOT_CHECKED_IN = ("terminology", "translations", "external")


def chosen_terms(ctx: Context) -> list[str]:
    """terminology.csv is sound; the translation and the cells of data/ use its chosen English terms.

    A term is in the seed and does not avoid itself; a translated line whose Chinese holds a term
    has the chosen English; no translation and no cell of another table (but
    :data:`TERMS_NOT_CHECKED_IN`) uses an avoided variant (:mod:`sciencecity.rules.terminology`).
    """
    if "terminology" not in ctx.tables:
        return []
    labelled = [(terminology.term_of(row), where) for row, where in ctx.rows("terminology")]
    terms = terminology.terms_of(row for row, _ in ctx.rows("terminology"))
    problems = terminology.table_problems(labelled, ctx.seed)
    lines = [(where, row["zh"], row["en"]) for row, where in ctx.rows("translations")]
    problems += terminology.translation_misses(terms, lines)
    texts = {f"{where}: column 'en'": en for where, _zh, en in lines}
    for name in ctx.tables:
        if name in TERMS_NOT_CHECKED_IN:
            continue
        for row, where in ctx.rows(name):
            texts.update({f"{where}: column {c!r}": v for c, v in row.items() if isinstance(v, str) and v})
    return problems + terminology.avoided_uses(terms, texts)


# --- Events, restorations and other sources ---------------------------------------------------


def events(ctx: Context) -> list[str]:
    """A restored year names its source and agrees with it; a lost year is written ``XXXX``."""
    external = {row["id"]: row for row, _ in ctx.rows("external")}
    problems = []
    for row, where in ctx.rows("events"):
        if (row["year_restored"] is None) != (not row["restored_from"]):
            problems.append(
                f"{where}: column 'restored_from': a restored year needs its source, and a source a restored year"
            )
        date = row["date"] or ""
        if row["year_status"] == "lost" and not date.startswith("XXXX"):
            problems.append(f"{where}: column 'date': the year is lost, so the date starts XXXX, not {date!r}")
        if row["year_status"] == "given" and date.startswith("XXXX"):
            problems.append(f"{where}: column 'date': the year is given, so it is written, not XXXX")
        ext = external.get(row["restored_from"] or "")
        if ext is None or row["year_restored"] is None:
            continue
        year = periods.year_of(ext["period"])
        if year != row["year_restored"]:
            problems.append(
                f"{where}: column 'year_restored': {row['year_restored']} but {row['restored_from']!r} in "
                f"{ctx.path('external')} is for {ext['period']!r}"
            )
        ours, theirs = date[5:], (ext["period"] or "")[5:10]
        if ours and theirs and not theirs.startswith(ours[: len(theirs)]) and not ours.startswith(theirs):
            problems.append(
                f"{where}: column 'date': {date!r} but {row['restored_from']!r} in {ctx.path('external')} is "
                f"dated {ext['period']!r}"
            )
    return problems


def restorations(ctx: Context) -> list[str]:
    """A value that ``restores`` a lost figure stays in external.csv and fits what survives of the figure."""
    figures = {row["id"]: row for row, _ in ctx.rows("figures")}
    external = {row["id"]: row for row, _ in ctx.rows("external")}
    problems = []
    for row, where in ctx.rows("restorations"):
        fig, ext = figures.get(row["figure_id"]), external.get(row["external_id"])
        if row["relation"] != "restores" or fig is None or ext is None:
            continue
        if fig["status"] != "digits_lost":
            problems.append(f"{where}: column 'relation': restores, but {row['figure_id']!r} did not lose its digits")
        elif ext["value"] is None:
            problems.append(f"{where}: column 'external_id': {row['external_id']!r} has no value to restore with")
        elif not lostdigits.fits_lost_digits(Decimal(str(ext["value"])), fig["survives"] or ""):
            printed = lostdigits.lose_digits(format(Decimal(str(ext["value"])).normalize(), "f"))
            problems.append(
                f"{where}: column 'relation': restores, but {ext['value']:g} does not fit the lost figure (the "
                f"repost would have printed {printed!r} where the article has {fig['survives'] or ''!r})"
            )
    return problems


def external(ctx: Context) -> list[str]:
    """Numbers live in columns: a note's qualifier is in ``qualifier``; a number a note states is a row of its own.

    A row with ``stated_in`` carries a number that the note of the row it names states (the
    upstream file keeps it in free text): same source, date and address, and the note really
    says that number. A row whose note says ``(约)`` or begins ``近 (`` has that qualifier.
    """
    if "external" not in ctx.tables or "stated_in" not in ctx.tables["external"].resource.columns:
        return []
    rows = {row["id"]: row for row, _ in ctx.rows("external")}
    lines = {row["id"]: where for row, where in ctx.rows("external")}
    problems = []
    differs: dict[tuple[str, str], list[str]] = {}
    for row, where in ctx.rows("external"):
        note = row["note"] or ""
        for qualifier, spelt in EXTERNAL_QUALIFIERS.items():
            said = spelt in note if spelt.startswith("(") else note.startswith(spelt)
            if said and row["qualifier"] != qualifier:
                problems.append(
                    f"{where}: column 'qualifier': the note says {qualifier} ({note[:30]!r}) but the column has "
                    f"{row['qualifier'] or '(empty)'!r}"
                )
        if row["qualifier"] and row["value"] is None:
            problems.append(f"{where}: column 'qualifier': a qualifier needs a value")
        parent_id = row["stated_in"]
        if not parent_id:
            continue
        parent = rows.get(parent_id)
        if parent is None:
            problems.append(f"{where}: column 'stated_in': no row {parent_id!r}")
            continue
        for col in ("entity_zh", "period", "source", "source_date", "url"):
            if row[col] != parent[col]:
                differs.setdefault((parent_id, col), []).append(where)
        if row["value"] is None:
            problems.append(f"{where}: column 'value': a number taken from a note needs its value")
            continue
        numbers = {Decimal(n) for n in re.findall(r"-?[0-9]+(?:\.[0-9]+)?", parent["note"] or "")}
        if Decimal(str(row["value"])) not in numbers:
            problems.append(
                f"{where}: column 'value': {row['value']:g} is not stated in the note of {parent_id!r} "
                f"({parent['note']!r})"
            )
    for (parent_id, col), wheres in differs.items():
        if lines[parent_id] in ctx.flagged:
            continue  # the row they come from has a problem of its own in that column: it is the one to fix
        more = f" (and {len(wheres) - 1} more row(s) stated in it)" if len(wheres) > 1 else ""
        problems.append(f"{wheres[0]}: column {col!r}: differs from the row it comes from, {parent_id!r}{more}")
    return problems


def later(ctx: Context) -> list[str]:
    """later.csv's values, units and periods, and the candidate restorations that cite it
    (:func:`sciencecity.rules.later_table.check`)."""
    return later_table.check(ctx.tables)


def economy_rows(ctx: Context) -> list[str]:
    """economy.csv's quotes carry each row's qualifier and no year outside its period; its period types fit
    (:func:`sciencecity.rules.economy_table.check`)."""
    return economy_table.check(ctx.tables)


def analysis_rows(ctx: Context) -> list[str]:
    """The rows the analysis reads by id (:data:`sciencecity.rules.later_table.EARLY_POINTS`) exist and have a value."""
    problems = []
    for _subject, name, ident in later_table.EARLY_POINTS:
        if name not in ctx.tables:
            continue
        key = "id" if "id" in ctx.tables[name].resource.columns else ctx.tables[name].resource.columns[0]
        found = next(((r, where) for r, where in ctx.rows(name) if r.get(key) == ident), None)
        if found is None:
            problems.append(f"{ctx.path(name)}: column {key!r}: no row {ident!r}, which the growth series reads")
        elif found[0].get("value") is None:
            problems.append(f"{found[1]}: column 'value': empty, but the growth series reads this row's value")
    return problems


def claims_ledger(ctx: Context) -> list[str]:
    """Each claim's ids exist, its status has the evidence it needs and agrees with the rule that computes it
    (:func:`sciencecity.rules.claims.check`)."""
    return claims.check(ctx.tables)


#: The content rules, in the order their problems are reported. The intrinsic rules
#: (:mod:`sciencecity.rules.intrinsic`) need nothing beside the repository; ``identities`` runs last.
RULES: tuple[Rule, ...] = (
    *intrinsic.RULES,
    languages,
    zone_names,
    figure_status,
    figure_units,
    figure_scopes,
    figure_values,
    quotes_in_article,
    coverage,
    translations,
    chosen_terms,
    events,
    restorations,
    external,
    later,
    economy_rows,
    analysis_rows,
    claims_ledger,
    intrinsic.identities,
)

#: The tables a rule reads across rows: when one of them did not load, the rule is skipped (and one
#: line says so) instead of reporting every row that refers to the missing table.
NEEDS: dict[str, tuple[str, ...]] = {
    "zone_names": ("zones",),
    "chosen_terms": ("terminology",),
    "figure_values": ("figures",),
    "coverage": ("figures", "events", "non_figures"),
    "events": ("events", "external"),
    "restorations": ("restorations", "figures", "external"),
    "external": ("external",),
    "later": ("later", "restorations", "figures"),
    "economy_rows": ("economy",),
    "claims_ledger": ("claims", "figures", "events", "institutions", "external", "later"),
    "identities": ("external", "later"),
    "zone_paragraphs": ("zones",),
}


def content_problems(tables: dict[str, Table], seed: str, failed: set[str] | frozenset = frozenset()) -> list[str]:
    """Every content rule over checked tables; a rule that fails to run is reported, not raised.

    ``failed`` names the tables of the descriptor that did not load (their problems are already
    reported): a rule that needs one of them (:data:`NEEDS`) is skipped, and one line per
    missing table names the rules skipped.
    """
    ctx = Context(tables, seed, sorted(scan(seed, repost=True), key=lambda q: q.start))
    problems: list[str] = []
    skipped: dict[str, list[str]] = {}
    for rule in RULES:
        missing = [t for t in NEEDS.get(rule.__name__, ()) if t in failed]
        if missing:
            for t in missing:
                skipped.setdefault(t, []).append(rule.__name__)
            continue
        ctx.flagged = {p.split(": ", 1)[0] for p in problems}
        try:
            problems += rule(ctx)
        except (KeyError, TypeError, ValueError, ArithmeticError) as exc:
            # A table without a column a rule reads: the descriptor changed under the rule.
            problems.append(
                f"{DATAPACKAGE}: rule {rule.__name__!r} cannot run on these tables ({type(exc).__name__}: {exc})"
            )
    for t, names in skipped.items():
        problems.append(f"{t}.csv: not loaded (see above), so these rules were skipped: {', '.join(names)}")
    return problems


DATAPACKAGE = "datapackage.json"


# --- The upstream copy of external.csv ------------------------------------------------------


def _geojson_note(data_dir: Path, problems: list[str]) -> str:
    """``"1 GeoJSON resource (38 features); "`` for the summary, when the GeoJSON files passed their checks."""
    geo = [r for r in read_descriptor(data_dir) if not r.tabular]
    if not geo or any(p.split(":", 1)[0] in {r.path for r in geo} for p in problems):
        return ""
    try:
        features = sum(len(load_features(r.name, data_dir)) for r in geo)
    except DataError:  # already among the problems
        return ""
    return f"{len(geo)} GeoJSON resource{'s' if len(geo) > 1 else ''} ({features} features); "


def validate(data_dir: Path | None = None, seed_path: Path | None = None) -> tuple[list[str], str]:
    """Check the package; return the problems found and a one-line summary. Never raises for bad data."""
    data_dir = Path(data_dir or paths.DATA_DIR)
    try:
        tables, problems = check_package(data_dir, seed_path)
    except DataError as exc:
        return exc.problems, ""
    try:
        seed = load_seed(seed_path)
    except SeedError as exc:
        return problems or [f"seed: {exc}"], ""
    try:
        listed = {r.name: r.path for r in read_descriptor(data_dir) if r.tabular}
    except DataError:
        listed = {}
    problems += content_problems(tables, seed, {n for n in listed if n not in tables})
    problems += check_copies(data_dir)
    shared_problems, shared_note = shared_check(data_dir)
    problems += shared_problems
    rows = sum(len(t.rows) for t in tables.values())
    figures = tables.get("figures")
    lost = sum(r.get("status") == "digits_lost" for r in figures.rows) if figures else 0
    summary = (
        f"{data_dir}: {len(tables)} tables, {rows} rows; {_geojson_note(data_dir, problems)}"
        f"{len(figures.rows) if figures else 0} figures ({lost} with digits lost); "
        f"seed checksum verified, every quote at its offset; {len(RULES)} content rules{shared_note}"
    )
    return problems, summary
