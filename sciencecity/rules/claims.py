"""The claims ledger (``data/claims.csv``): each checkable claim of the article, its status and evidence.

Belongs here: the fixed set of statuses, the rules that compute a status from numbers and the
cross-table checks of the ledger (:func:`check`, which :func:`sciencecity.rules.validate.validate`
runs). Counting the claims for the chapter "Which claims hold" is
:mod:`sciencecity.analysis.claims_ledger`, showing them :mod:`sciencecity.presentation`'s. The
arithmetic comes from :mod:`sciencecity.rules.arithmetic`, the lost-digit test from
:mod:`sciencecity.rules.lostdigits`, dates from :mod:`sciencecity.reading.periods`.

Statuses: ``verified`` (an independent source agrees), ``consistent`` (agrees with the article's
other figures, nothing independent), ``unverifiable`` (nothing independent), ``in_tension`` (an
independent source disagrees, or the article's figures disagree among themselves).

A row names its ``rule``. Every rule but ``none`` computes the status from the data, and the
declared status must equal it; ``none`` means the status is a reading of qualitative evidence,
which must still fit the status (:data:`NEEDS`). Rules, with the ids they take in order:

- ``gap_implies``: article ``rate; gap``, evidence ``other rate``: verified when rate − gap equals
  the other rate at the printed decimals, else in tension;
- ``equals``: article ``figure``, evidence ``other figure``: verified when equal, else in tension;
- ``sectors_total``: article ``total; sector rates…``, evidence ``sector weights…``: consistent
  when the total's printed interval meets the weighted sector rates' rounding band;
- ``parts_sum``: article ``total; parts…``: consistent when the parts add up;
- ``restoration``: article ``lost figure``, evidence ``other figures``: verified when
  ``restorations.csv`` says one of them restores it and its value fits the lost digits; in
  tension when every one disagrees; unverifiable otherwise;
- ``magnitude``: article ``order of magnitude V`` (千亿级), evidence ``amount``: verified when
  V ≤ amount < 10 V, else in tension;
- ``date``: article ``event``, evidence ``dated row``: verified when the other source's date has
  the article's month (and day, when given) in the year the article's date is read as;
- ``rank``: unverifiable unless an evidence row is a ranking table (metric ``ranking_table``);
  a zone's own later claim of a first place is not one.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import pandas as pd

from sciencecity.reading import periods
from sciencecity.reading.csv_tables import list_cell
from sciencecity.rules import arithmetic, lostdigits

STATUSES = ("verified", "consistent", "unverifiable", "in_tension")
RULES = ("gap_implies", "equals", "sectors_total", "parts_sum", "restoration", "magnitude", "date", "rank", "none")
#: The tables whose ids a claim's article_ids may name, and those its evidence_ids may name.
ARTICLE_TABLES = ("figures", "events", "institutions")
EVIDENCE_TABLES = ("external", "later")
#: What a status needs: (least number of article ids, least number of independent evidence ids).
NEEDS = {"verified": (1, 1), "consistent": (2, 0), "unverifiable": (1, 0), "in_tension": (1, 1)}
PATH = "claims.csv"


def ids(cell: str | None) -> list[str]:
    """The ids of a ``;``-separated cell (``"a;b"`` -> ``["a", "b"]``; empty -> ``[]``)."""
    return list_cell(cell)


def _clean(value: Any) -> Any:
    return None if isinstance(value, float) and math.isnan(value) else value


def _rows(table: Any) -> list[dict]:
    """Rows of a checked :class:`sciencecity.reading.csv_tables.Table` or of a DataFrame, empty cells as ``None``."""
    if isinstance(table, pd.DataFrame):
        return [
            {k: _clean(v) for k, v in r.items()}
            for r in table.reset_index(drop=table.index.name is None).to_dict("records")
        ]
    return [dict(r) for r in table.rows]


_KEY = {"figures": "id", "events": "event_id", "institutions": "institution_id", "external": "id", "later": "id"}


class Context:
    """The rows a rule reads, by table and id; ``restorations`` by (figure id, external id)."""

    def __init__(self, tables: Mapping[str, Any]):
        self.by_table: dict[str, dict[str, dict]] = {}
        for name, key in _KEY.items():
            if name in tables:
                self.by_table[name] = {r[key]: r for r in _rows(tables[name])}
        self.restorations = {}
        if "restorations" in tables:
            for r in _rows(tables["restorations"]):
                self.restorations[(r["figure_id"], r.get("external_id") or r.get("later_id") or "")] = r["relation"]

    def find(self, ident: str, names: tuple[str, ...]) -> dict | None:
        for name in names:
            row = self.by_table.get(name, {}).get(ident)
            if row is not None:
                return row
        return None


def _value(row: dict) -> float:
    if row.get("value") is None:
        raise ValueError(f"{row.get('id') or row.get('event_id')!r} has no value")
    return float(row["value"])


def computed_status(claim: Mapping, ctx: Context) -> str | None:
    """The status the claim's rule computes, or ``None`` for rule ``none``. ``ValueError`` if the
    rule cannot be applied to the ids given (wrong number, a missing value)."""
    rule, art, ev = claim["rule"], ids(claim["article_ids"]), ids(claim["evidence_ids"])
    a = [ctx.find(i, ARTICLE_TABLES) for i in art]
    e = [ctx.find(i, EVIDENCE_TABLES) for i in ev]
    if any(r is None for r in a + e):
        raise ValueError("an id is not found")
    if rule == "none":
        return None
    if rule == "gap_implies":
        _arity(rule, art, 2, ev, 1)
        implied = arithmetic.implied_rate_from_gap(_value(a[0]), _value(a[1]))
        return "verified" if implied == arithmetic.total([_value(e[0])]) else "in_tension"
    if rule == "equals":
        _arity(rule, art, 1, ev, 1)
        return "verified" if arithmetic.points_gap(_value(a[0]), _value(e[0])) == 0 else "in_tension"
    if rule == "sectors_total":
        if len(art) < 3 or len(ev) != len(art) - 1:
            raise ValueError("sectors_total takes a total and its sector rates, and one weight per sector")
        band = arithmetic.rounding_band([_value(r) for r in a[1:]], [_value(r) for r in e])
        reported = arithmetic.printed_interval(_value(a[0]))
        return "consistent" if arithmetic.intervals_overlap(reported, band) else "in_tension"
    if rule == "parts_sum":
        if len(art) < 3:
            raise ValueError("parts_sum takes a total and at least two parts")
        adds = arithmetic.check_parts_sum(_value(a[0]), [_value(r) for r in a[1:]]).adds_up
        return "consistent" if adds else "in_tension"
    if rule == "restoration":
        _arity(rule, art, 1, ev, len(ev) or 1)
        relations = [ctx.restorations.get((art[0], i)) for i in ev]
        fits = [
            r.get("value") is not None and lostdigits.fits_lost_digits(r["value"], a[0].get("survives") or "")
            for r in e
        ]
        if any(rel == "restores" and fit for rel, fit in zip(relations, fits, strict=True)):
            return "verified"
        if relations and all(rel == "disagrees" for rel in relations):
            return "in_tension"
        return "unverifiable"
    if rule == "magnitude":
        _arity(rule, art, 1, ev, 1)
        v, x = _value(a[0]), _value(e[0])
        return "verified" if v <= x < 10 * v else "in_tension"
    if rule == "date":
        _arity(rule, art, 1, ev, 1)
        event, other = a[0], e[0]
        year = event.get("year_restored")
        if not event.get("date") or year is None:
            raise ValueError("date needs an event with a calendar date and the year it is read in")
        ours, theirs = periods.parse(event["date"]).first, periods.parse(str(other["period"])).first
        same = theirs.year == int(year) and theirs.month == ours.month and (ours.day is None or theirs.day == ours.day)
        return "verified" if same else "in_tension"
    if rule == "rank":
        tables = [r for r in e if r.get("metric") == "ranking_table"]
        return "verified" if tables else "unverifiable"
    raise ValueError(f"unknown rule {rule!r}")


def _arity(rule: str, art: list, n_art: int, ev: list, n_ev: int) -> None:
    if len(art) != n_art or len(ev) != n_ev:
        raise ValueError(f"{rule} takes {n_art} article id(s) and {n_ev} evidence id(s)")


def check(tables: Mapping[str, Any]) -> list[str]:
    """Cross-table problems of the ledger, one message per problem, naming file, line and column.

    ``tables`` maps table names to checked :class:`sciencecity.reading.csv_tables.Table` objects (as
    ``check_package`` returns them) or to DataFrames (line numbers then count from 2). Checks:
    every id exists in the tables its column may name; the status meets :data:`NEEDS`; a
    computing rule can be applied, and its status equals the declared one.
    """
    if "claims" not in tables:
        return []
    table = tables["claims"]
    rows = _rows(table)
    lines = list(getattr(table, "lines", range(2, 2 + len(rows))))
    ctx = Context(tables)
    problems = []
    for row, line in zip(rows, lines, strict=True):
        where = f"{PATH}:{line}"
        found_all = True
        for column, names in (("article_ids", ARTICLE_TABLES), ("evidence_ids", EVIDENCE_TABLES)):
            for i in ids(row[column]):
                if ctx.find(i, names) is None:
                    found_all = False
                    problems.append(
                        f"{where}: column {column!r}: {i} is not an id of {' or '.join(n + '.csv' for n in names)}"
                    )
        status = row["status"]
        least_art, least_ev = NEEDS.get(status, (0, 0))
        if len(ids(row["article_ids"])) < least_art:
            problems.append(f"{where}: column 'status': {status} needs at least {least_art} article id(s)")
        if len(ids(row["evidence_ids"])) < least_ev:
            problems.append(f"{where}: column 'status': {status} needs independent evidence, but evidence_ids is empty")
        if not found_all:
            continue
        try:
            computed = computed_status(row, ctx)
        except ValueError as exc:
            problems.append(f"{where}: column 'rule': {row['rule']} cannot be applied ({exc})")
            continue
        if computed is not None and computed != status:
            problems.append(f"{where}: column 'status': declared {status} but rule {row['rule']} computes {computed}")
    return problems
