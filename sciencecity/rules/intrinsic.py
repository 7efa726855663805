"""Intrinsic rules: what every table with numbers, dates, addresses and keys must obey on its own.

These rules need nothing beside the repository. They are generic: each applies to any table of
the package that has the columns it reads (``value`` with ``unit``, ``metric`` or ``kind``;
``period`` and ``source_date``; ``url``; ``quote``; ``zone_id`` with ``start``; ``*_ids`` lists;
``*_en`` beside ``*_zh``), so a new table with the same kind of columns is covered without new
code. Each returns problems as ``file:line: column 'name': what is wrong``.

- :func:`text_hygiene`: every cell is NFC and free of zero-width and control characters; keys
  and codes (every cell but free text) have no leading or trailing spaces.
- :func:`plausible_values`: a value lies in the range of its kind and unit (:data:`RANGES`);
  a count and a rank are integers; a number is finite.
- :func:`units_fit_metrics`: a growth rate or a share is in %, a rank in ``rank``, a GDP, value
  added or investment in 亿元 (read from the metric's words).
- :func:`calendar`: dates and periods are real calendar dates (as
  :func:`sciencecity.reading.periods.parse` reads them); no source date in the future; a period
  does not start after its source's date; an article figure's period agrees with the year or
  half-year its quote states (今年上半年 in the article's year is that year's H1).
- :func:`addresses`: an address is an ``http(s)`` URL with a host.
- :func:`quotes_state_values`: outside ``figures`` (checked against the seed), a value with a
  quote is stated by the quote, with its unit (the one such rule: economy.csv's too).
- :func:`unique_statements`: one value per subject, metric and period; no two rows of a
  seed-quoting table with the same quote at the same offset; no id twice in a list of ids.
- :func:`zone_paragraphs`: an item quoted for a zone lies in that zone's paragraph of the seed.
- :func:`english_not_truncated`: an English label is not much shorter than its Chinese.
- :func:`identities`: levels and growth rates of one series agree (±:data:`GROWTH_TOLERANCE`
  points); a share agrees with its part and whole; sector value added sums to GDP and sector
  shares to 100. A broken identity is blamed on the value that breaks the most of them, and
  never on a value that its own quote states.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

from sciencecity.reading import periods
from sciencecity.reading.csv_tables import VERBATIM_COLUMN, list_cell
from sciencecity.reading.text import _INVISIBLE as INVISIBLE
from sciencecity.reading.text import HAN, normalised

#: Control characters (C0 and C1, NUL included); a cell of data/ is one line of text.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
#: Free-text columns: leading and trailing spaces are not a defect there.
FREE_TEXT = {"note", "quote", "text", "reason", "rationale", "description", "zh", "en", "claim_en"}

#: China's GDP in 2024 was about 1.35 million 亿元: no amount of this report is larger.
MAX_AMOUNT = 1.5e6
#: Chongqing's land area, km² (82,403): every area of this report lies inside it.
MAX_AREA_KM2 = 82_403.0
#: Tolerance, in percentage points, between a growth rate and the nominal change of its levels
#: (real growth and current-price levels differ by the price change, a few points a year).
GROWTH_TOLERANCE = 10.0


def _rows(ctx) -> Iterator[tuple[str, Any, dict[str, Any], int, str]]:
    """``(name, table, row, line, "file:line")`` for every row of every loaded table."""
    for name, table in ctx.tables.items():
        for row, line in zip(table.rows, table.lines, strict=True):
            yield name, table, row, line, f"{table.resource.path}:{line}"


# --- Text ----------------------------------------------------------------------------------------


def text_hygiene(ctx) -> list[str]:
    """Every cell NFC, with no zero-width or control character; no stray spaces outside free text."""
    problems = []
    for _name, table, row, _line, where in _rows(ctx):
        verbatim = set(VERBATIM_COLUMN.values())
        for f in table.resource.fields:
            text = row.get(f.name)
            if not isinstance(text, str) or not text:
                continue
            if m := CONTROL.search(text):
                problems.append(f"{where}: column {f.name!r}: control character U+{ord(m[0]):04X} at {m.start()}")
            elif m := INVISIBLE.search(text):
                problems.append(f"{where}: column {f.name!r}: invisible character U+{ord(m[0]):04X} at {m.start()}")
            elif unicodedata.normalize("NFC", text) != text:
                problems.append(f"{where}: column {f.name!r}: not in Unicode normal form NFC")
            elif f.name not in FREE_TEXT | verbatim and text != text.strip():
                problems.append(f"{where}: column {f.name!r}: {text!r} has leading or trailing spaces")
    return problems


# --- Values --------------------------------------------------------------------------------------


def kind_of(row: dict[str, Any]) -> str | None:
    """What a value measures: the row's ``kind`` if it has one, else read from ``metric`` and ``unit``."""
    if row.get("kind"):
        return row["kind"]
    metric = str(row.get("metric") or "").lower().replace("_", " ")
    unit = row.get("unit") or ""
    if "rank" in metric or unit == "rank":
        return "rank"
    if "growth" in metric:
        return "growth"
    if "share" in metric or "intensity" in metric:
        return "share"
    if unit == "亿元":
        return "amount"
    if unit in ("count", "projects", "个"):
        return "count"
    if unit in ("km²", "亩", "万平方米"):
        return "area"
    return None


def _years(period: str) -> float:
    """How many years a period spans (at least 1: a growth rate over a half-year is still a rate)."""
    try:
        return float(max(1, len(periods.parse(period).years)))
    except ValueError:
        return 1.0


def _range(kind: str | None, unit: str, period: str) -> tuple[float, float, bool, str] | None:
    """(low, high, integer, why) for a value of this kind and unit, or ``None`` if nothing is known."""
    if kind == "growth":
        return (-100.0, 100.0 * _years(period), False, "a growth rate lies above -100% and at most 100% a year")
    if kind == "share":
        return (0.0, 100.0, False, "a share lies in 0-100%")
    if kind == "point_gap":
        return (-100.0, 100.0, False, "a gap between two rates lies within ±100 points")
    if kind == "rank":
        return (1.0, 1000.0, True, "a rank is a whole number from 1")
    if kind == "count":
        return (0.0, math.inf, True, "a count is a non-negative whole number")
    if kind == "amount" or unit == "亿元":
        return (0.0, MAX_AMOUNT, False, f"an amount in 亿元 is positive and at most {MAX_AMOUNT:g} (China's GDP)")
    if unit == "km²":
        return (0.0, MAX_AREA_KM2, False, f"an area lies within Chongqing's {MAX_AREA_KM2:g} km²")
    if unit == "亩":
        return (0.0, MAX_AREA_KM2 * 1500, False, "an area lies within Chongqing's (1 km² = 1500 亩)")
    if unit == "万平方米":
        return (0.0, MAX_AREA_KM2 * 100, False, "an area lies within Chongqing's (1 km² = 100 万平方米)")
    return None


def plausible_values(ctx) -> list[str]:
    """Every ``value`` (and ``implied_min``) finite and in the range of its kind and unit."""
    problems = []
    for _name, table, row, _line, where in _rows(ctx):
        cols = table.resource.columns
        if "value" not in cols:
            continue
        for col in ("value", "implied_min"):
            value = row.get(col)
            if col not in cols or value is None or isinstance(value, bool):
                continue
            if not math.isfinite(value):
                problems.append(f"{where}: column {col!r}: {value} is not a finite number")
                continue
            rng = _range(kind_of(row), row.get("unit") or "", row.get("period") or "")
            if rng is None:
                continue
            low, high, integer, why = rng
            exclusive_low = low == -100.0 or (low == 0.0 and why.startswith(("an amount", "an area")))
            if value > high or value < low or (exclusive_low and value == low) or (integer and value != int(value)):
                problems.append(f"{where}: column {col!r}: {value:g} is not plausible ({why})")
    return problems


#: The unit a metric's words require.
_UNIT_OF_METRIC = (
    (re.compile(r"\brank"), ("rank",)),
    (re.compile(r"growth|增长|增速"), ("%",)),
    (re.compile(r"share|intensity|比重|占比"), ("%",)),
    (re.compile(r"\bgdp\b|value added|investment|output|增加值|投资"), ("亿元",)),
)


def units_fit_metrics(ctx) -> list[str]:
    """A metric's unit fits its words: growth and shares in %, ranks in ``rank``, money in 亿元."""
    problems = []
    for _name, table, row, _line, where in _rows(ctx):
        if not {"metric", "unit", "value"} <= set(table.resource.columns) or row["value"] is None:
            continue
        metric = str(row["metric"]).lower().replace("_", " ")
        for pattern, units in _UNIT_OF_METRIC:
            if pattern.search(metric):
                if row["unit"] not in units:
                    problems.append(
                        f"{where}: column 'unit': {row['unit']!r} does not fit metric {row['metric']!r} "
                        f"(expected {' or '.join(units)})"
                    )
                break
    return problems


# --- Dates ---------------------------------------------------------------------------------------


def _date_problem(text: str) -> str | None:
    """What is wrong with a date or period of a period's form (``2021-02-30``, ``2021-13``), or ``None``."""
    if not periods.is_period_form(text):
        return None  # the form is the descriptor's pattern's business
    try:
        periods.parse(text)
    except ValueError as exc:
        return str(exc)
    return None


def _bounds(text: str) -> tuple[_dt.date, _dt.date] | None:
    """The first and last day a date or period covers (``None`` for an unknown year or another form)."""
    try:
        period = periods.parse(text)
    except ValueError:
        return None
    return None if period.first_day is None else (period.first_day, period.last_day)


def _is_date_column(name: str) -> bool:
    return name in ("period", "date") or name.endswith("_date")


def article_year(ctx) -> int | None:
    """The article's year, as the data state it: the year restored for its events dated 今年 ("this year")."""
    years = {
        row["year_restored"]
        for row, _ in ctx.rows("events")
        if "今年" in str(row.get("date_as_written") or "") and row.get("year_restored")
    }
    return years.pop() if len(years) == 1 else None


def calendar(ctx) -> list[str]:
    """Real calendar dates; no source date in the future; no period after its source; the quote's year."""
    problems, today = [], _dt.date.today()
    for _name, table, row, _line, where in _rows(ctx):
        cols = table.resource.columns
        for col in (c for c in cols if _is_date_column(c)):
            text = row.get(col)
            if isinstance(text, str) and text and (error := _date_problem(text)):
                problems.append(f"{where}: column {col!r}: {error}")
        source = row.get("source_date")
        if isinstance(source, str) and (sb := _bounds(source)):
            if sb[0] > today:
                problems.append(f"{where}: column 'source_date': {source} is in the future")
            period = row.get("period")
            if isinstance(period, str) and (pb := _bounds(period)) and pb[0] > sb[1]:
                problems.append(f"{where}: column 'period': {period} starts after its source's date {source}")
    year = article_year(ctx)
    if year is not None:
        for row, where in ctx.rows("figures"):
            want = periods.period_of_words(row.get("quote") or "", year)
            period = row.get("period") or ""
            if want and not period.startswith(want):
                problems.append(
                    f"{where}: column 'period': {period or '(empty)'!r} but the quote says "
                    f"{want[1]!r}, {want[0]} in an article of {year}"
                )
    return problems


# --- Addresses -----------------------------------------------------------------------------------


def addresses(ctx) -> list[str]:
    """Every ``url`` (or ``*_url``) cell is an http(s) address with a host and no spaces."""
    problems = []
    for _name, table, row, _line, where in _rows(ctx):
        for col in (c for c in table.resource.columns if c == "url" or c.endswith("_url")):
            url = row.get(col)
            if not isinstance(url, str) or not url:
                continue
            try:
                parts = urlsplit(url)
            except ValueError as exc:
                problems.append(f"{where}: column {col!r}: {url[:40]!r} is not a URL ({exc})")
                continue
            if parts.scheme not in ("http", "https") or "." not in (parts.hostname or "") or re.search(r"\s", url):
                problems.append(f"{where}: column {col!r}: {url[:40]!r} is not an http(s) address with a host")
    return problems


# --- Values against their quotes -----------------------------------------------------------------

_NUM_IN_TEXT = re.compile(r"(?<![0-9.])[0-9][0-9,]*(?:\.[0-9]+)?")
_CN_ORDINAL = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
#: How a unit is written after its number in Chinese sources (simplified and traditional).
UNIT_SPELLINGS = {
    "%": ("%", "％"),
    "亿元": ("亿元", "億元", "亿", "億"),
    "count": ("个", "個", "家", "项", "項"),
    "projects": ("个", "個", "项", "項"),
    "百分点": ("个百分点", "個百分點", "百分点"),
    "万户": ("万户", "萬戶", "萬户"),
    "万人": ("万人", "萬人"),
    # 名 is the classifier for people: 7000名大学生 states 7,000 人.
    "人": ("人", "名"),
}


def stated_values(quote: str, unit: str) -> set[float]:
    """The numbers a quote states in this unit (a rank: 第N or 第一 … 第十)."""
    if unit == "rank":
        found = {float(n) for n in re.findall(r"第([0-9]+)", quote)}
        return found | {float(_CN_ORDINAL[c]) for c in re.findall(r"第([一二三四五六七八九十])", quote)}
    spellings = UNIT_SPELLINGS.get(unit, (unit,) if unit else ())
    found = set()
    for m in _NUM_IN_TEXT.finditer(quote):
        after = quote[m.end() :].lstrip()
        if not spellings or after.startswith(spellings):
            found.add(float(m[0].replace(",", "")))
    return found


def quotes_state_values(ctx) -> list[str]:
    """A value beside a ``quote`` (outside the seed-checked tables) is a number the quote states in its unit."""
    problems = []
    for name, table, row, _line, where in _rows(ctx):
        if name in VERBATIM_COLUMN or not {"value", "quote", "unit"} <= set(table.resource.columns):
            continue
        value = row["value"]
        if value is None or not math.isfinite(value):
            continue
        stated = stated_values(row["quote"] or "", row["unit"] or "")
        if not any(math.isclose(value, s, rel_tol=1e-9, abs_tol=1e-9) for s in stated):
            said = ", ".join(f"{s:g}" for s in sorted(stated)) or "no number"
            problems.append(
                f"{where}: column 'value': {value:g} {row['unit']} is not stated by the quote "
                f"(it states {said} in {row['unit'] or 'that unit'})"
            )
    return problems


def attested(ctx) -> set[tuple[str, int]]:
    """``(table, line)`` of rows whose value their own words state (the seed, or a quote)."""
    out = set()
    for name, table, row, line, _where in _rows(ctx):
        cols = set(table.resource.columns)
        if name in VERBATIM_COLUMN and "value" in cols:
            out.add((name, line))  # figures: checked against the seed by validate.figure_values
        elif {"value", "quote", "unit"} <= cols and row["value"] is not None:
            if row["value"] in stated_values(row["quote"] or "", row["unit"] or ""):
                out.add((name, line))
    return out


# --- Uniqueness ----------------------------------------------------------------------------------


def _entity(row: dict[str, Any]) -> str | None:
    for col in ("scope_zh", "entity_zh", "subject"):
        if row.get(col):
            return normalised(row[col])
    return None


def metric_key(metric: str) -> str:
    """A metric as compared across tables: lower case, words not codes, no asides or qualifiers."""
    text = str(metric or "").lower().replace("_", " ")
    text = re.sub(r"\s*\([^)]*\)", "", text)
    text = re.sub(r",? (current prices|year on year)$", "", text)
    return re.sub(r"\s+", " ", text).strip()


def unique_statements(ctx) -> list[str]:
    """One value per subject, metric and period; one row per quote and offset; no id twice in a list."""
    problems = []
    for name, table in ctx.tables.items():
        cols = set(table.resource.columns)
        path = table.resource.path
        if {"metric", "period", "value"} <= cols:
            seen: dict[tuple, int] = {}
            for row, line in zip(table.rows, table.lines, strict=True):
                # The subject (core, city …) where the table names one: the core's names change by source.
                subject = normalised(row["subject"]) if row.get("subject") else _entity(row)
                key = (subject, metric_key(row["metric"]), normalised(row["period"]))
                if row["value"] is None or None in key:
                    continue
                if key in seen:
                    problems.append(
                        f"{path}:{line}: column 'value': a second value for {key[0]}, {row['metric']}, "
                        f"{row['period']} (first on line {seen[key]}; a duplicated row?)"
                    )
                else:
                    seen[key] = line
        column = VERBATIM_COLUMN.get(name)
        if column and {column, "start"} <= cols and "label_zh" in cols:
            seen_q: dict[tuple, int] = {}
            for row, line in zip(table.rows, table.lines, strict=True):
                # One quote may state two figures (两年平均增速、同比增速均列全市第一): they differ in label.
                key = (normalised(row[column]), row["start"], normalised(row["label_zh"]))
                if key in seen_q:
                    problems.append(
                        f"{path}:{line}: column {column!r}: the same quote at the same offset, for the same "
                        f"label_zh, as line {seen_q[key]} (a copied row under a new id?)"
                    )
                else:
                    seen_q[key] = line
        for col in (c for c in cols if c.endswith("_ids") or c == "also_at"):
            for row, line in zip(table.rows, table.lines, strict=True):
                items = [normalised(i) for i in list_cell(row.get(col))]
                twice = sorted({i for i in items if items.count(i) > 1})
                if twice:
                    problems.append(f"{path}:{line}: column {col!r}: {', '.join(twice)} listed twice")
    return problems


def zone_paragraphs(ctx) -> list[str]:
    """A quote that occurs more than once in the seed, in a row with ``zone_id`` and ``start``, sits at the
    occurrence inside its zone's paragraph (from the zone's own quote to the next zone's)."""
    if "zones" not in ctx.tables:
        return []
    starts = sorted((row["start"], row["zone_id"]) for row, _ in ctx.rows("zones"))
    span = {
        zone: (start, starts[i + 1][0] if i + 1 < len(starts) else math.inf) for i, (start, zone) in enumerate(starts)
    }
    problems = []
    for name, table in ctx.tables.items():
        if name == "zones" or not {"zone_id", "start"} <= set(table.resource.columns):
            continue
        column = VERBATIM_COLUMN.get(name)
        for row, where in ctx.rows(name):
            lo_hi = span.get(row["zone_id"])
            text = row.get(column) if column else None
            if not text or ctx.seed.count(text) < 2:
                continue
            if lo_hi and not lo_hi[0] <= row["start"] < lo_hi[1]:
                problems.append(
                    f"{where}: column 'start': {row['start']} is outside zone {row['zone_id']!r}'s paragraph "
                    f"of the seed ({lo_hi[0]} to {lo_hi[1]})"
                )
    return problems


# --- English ---------------------------------------------------------------------------------------

#: An English label has at least this many characters per Chinese character of its Chinese label
#: (the landed data's lowest ratio is about 1.7; English runs 2-4 characters per Chinese one).
MIN_EN_PER_ZH = 1.0


def english_not_truncated(ctx) -> list[str]:
    """A ``label_en`` (``name_en``, ``item_en`` …) is not much shorter than its ``*_zh`` partner."""
    problems = []
    for _name, table, row, _line, where in _rows(ctx):
        cols = table.resource.columns
        for col in (c for c in cols if c.endswith("_en") and c[:-3] + "_zh" in cols):
            en, zh = row.get(col), row.get(col[:-3] + "_zh")
            if not isinstance(en, str) or not isinstance(zh, str) or not en or not zh:
                continue
            han = len(HAN.findall(zh))
            if han >= 3 and len(en) < MIN_EN_PER_ZH * han:
                problems.append(
                    f"{where}: column {col!r}: {en!r} is {len(en)} characters for {han} Chinese ones in "
                    f"{col[:-3] + '_zh'!r} (truncated?)"
                )
    return problems


# --- Identities across rows --------------------------------------------------------------------------


def identities(ctx) -> list[str]:
    """Levels and growth rates, shares and parts, sectors and totals agree across rows and tables.

    Observations are keyed by (subject, :func:`metric_key`, period) over every table with
    ``metric``, ``period``, ``value`` and ``unit``. Identities: a level in 亿元 over the previous
    year's (or half-year's) level changes by its ``<metric> growth`` within
    :data:`GROWTH_TOLERANCE` points; ``<x> share of gdp`` equals 100 × ``<x> value added`` /
    ``gdp`` within its printed rounding (±0.06); ``primary``, ``secondary`` and ``tertiary
    industry value added`` sum to ``gdp`` (±0.1 %) and their shares to 100 (±0.15).
    """
    trusted = attested(ctx)
    obs, twice = _observations(ctx, trusted)
    return twice + _blame(_growth_breaks(obs) + _share_breaks(obs), trusted, ctx.flagged)


#: One observation: (value, "file:line", (table, line)).
Observation = tuple[float, str, tuple[str, int]]


def _observations(ctx, trusted: set[tuple[str, int]]) -> tuple[dict[tuple, Observation], list[str]]:
    """Every value by (subject, metric key, period), and a problem for each second value across tables."""
    obs: dict[tuple, Observation] = {}
    twice = []
    for name, table, row, line, where in _rows(ctx):
        if not {"metric", "period", "value", "unit"} <= set(table.resource.columns) or row["value"] is None:
            continue
        key = (_entity(row), metric_key(row["metric"]), row["period"])
        first = obs.setdefault(key, (row["value"], where, (name, line)))
        if first[2][0] != name:  # within a table, unique_statements reports it
            blamed, other = (
                (first[1], where) if first[2] not in trusted and (name, line) in trusted else (where, first[1])
            )
            if blamed not in ctx.flagged:
                twice.append(
                    f"{blamed}: column 'period': a second value for {key[0]}, {key[1]}, {key[2]} (also {other})"
                )
    return obs, twice


def _growth_breaks(obs: dict[tuple, Observation]) -> list[tuple[str, list[Observation]]]:
    """Levels whose change from the year before is not their growth rate (±:data:`GROWTH_TOLERANCE`)."""
    broken = []
    for (entity, metric, period), level in obs.items():
        if any(word in metric for word in ("growth", "share", "rank")):
            continue
        prev = obs.get((entity, metric, periods.year_before(period)))
        growth = obs.get((entity, f"{metric} growth", period))
        if prev and growth and prev[0] > 0:
            nominal = 100 * level[0] / prev[0] - 100
            if abs(nominal - growth[0]) > GROWTH_TOLERANCE:
                broken.append(
                    (
                        f"{prev[0]:g} ({periods.year_before(period)}) to {level[0]:g} ({period}) is {nominal:+.1f}%, "
                        f"but the growth rate is {growth[0]:g}% (±{GROWTH_TOLERANCE:g} points)",
                        [prev, level, growth],
                    )
                )
    return broken


def _share_breaks(obs: dict[tuple, Observation]) -> list[tuple[str, list[Observation]]]:
    """Shares that are not their part over the whole; sectors that do not sum to GDP, shares not to 100."""
    broken = []
    for (entity, metric, period), share in obs.items():
        m = re.fullmatch(r"(.+) share of gdp(?: .*)?", metric)
        if not m:
            continue
        part, whole = obs.get((entity, f"{m[1]} value added", period)), obs.get((entity, "gdp", period))
        if part and whole and whole[0] > 0:
            computed = 100 * part[0] / whole[0]
            if abs(computed - share[0]) > 0.06:
                broken.append(
                    (
                        f"{part[0]:g} of {whole[0]:g} is {computed:.2f}%, not the share {share[0]:g}%",
                        [share, part, whole],
                    )
                )
    for entity, period in {(k[0], k[2]) for k in obs}:
        sectors = [obs.get((entity, f"{s} industry value added", period)) for s in ("primary", "secondary", "tertiary")]
        total = obs.get((entity, "gdp", period))
        if all(sectors) and total:
            s = sum(x[0] for x in sectors)
            if abs(s - total[0]) > 0.001 * total[0]:
                broken.append((f"the three sectors sum to {s:g}, not the GDP {total[0]:g}", [total, *sectors]))
        shares = [obs.get((entity, f"{s} industry share of gdp", period)) for s in ("primary", "secondary", "tertiary")]
        if all(shares) and abs(sum(x[0] for x in shares) - 100) > 0.15:
            broken.append((f"the three sector shares sum to {sum(x[0] for x in shares):g}%, not 100%", shares))
    return broken


def _blame(broken, trusted, flagged) -> list[str]:
    """One message per culprit: the untrusted value that breaks the most identities (ties: the first)."""
    counts: dict[str, int] = defaultdict(int)
    for _, cells in broken:
        for cell in cells:
            counts[cell[1]] += 1
    messages: dict[str, list[str]] = {}
    for why, cells in broken:
        if any(c[1] in flagged for c in cells):
            continue  # one of its values already has a problem of its own: that explains it
        suspects = [c for c in cells if c[2] not in trusted] or cells
        culprit = max(suspects, key=lambda c: counts[c[1]])
        others = ", ".join(c[1] for c in cells if c is not culprit)
        messages.setdefault(culprit[1], []).append(f"{why} (with {others})")
    return [f"{where}: column 'value': {'; '.join(whys)}" for where, whys in messages.items()]


#: The intrinsic rules, in the order their problems are reported (identities last: they use the others').
RULES = (
    text_hygiene,
    plausible_values,
    units_fit_metrics,
    calendar,
    addresses,
    quotes_state_values,
    unique_statements,
    zone_paragraphs,
    english_not_truncated,
)
