"""Check ``data/`` against its schema and against the seed, for ``python -m sciencecity validate``.

:func:`sciencecity.data.check_package` does the schema checks and finds every quote at its
offset. This module adds what needs the scanner (:mod:`sciencecity.scanner`): each figure's
value, unit and qualifier must be those its quote states, and a figure whose digits were lost
must be lost in its quote with the same surviving decimal. A figure's quote may state several
quantities (``一二三产增加值分别增长3.9%、20.2%``); by convention the figure is the *last* of
them, so a quote ends with its figure. Each ``also_at`` offset must fall inside a quantity that
states the same figure.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from . import paths
from .data import Table, check_package
from .scanner import Quantity, scan
from .seed import load_seed


#: The unit figures.csv uses for what the scanner reports: by kind, or for a lost number by unit.
_UNIT_OF_KIND = {"percent": "%", "point_gap": "百分点", "amount": "亿元", "count": "count", "rank": "rank"}
_UNIT_OF_LOST = {"%": "%", "个百分点": "百分点", "亿元": "亿元", "个": "count"}


def _stated(row: dict[str, Any], q: Quantity) -> str | None:
    """What is wrong with ``q`` as the statement of the figure ``row`` (naming the column), or ``None``."""
    unit = _UNIT_OF_LOST.get(q.unit) if q.lost else _UNIT_OF_KIND.get(q.kind)
    if unit != row["unit"]:
        return f"column 'unit': {row['unit']!r} but the quote states {q.text!r}, a {q.kind} in {q.unit or 'no unit'}"
    if q.qualifier and q.qualifier != row["qualifier"]:
        return f"column 'qualifier': {row['qualifier'] or '(empty)'!r} but the quote states {q.qualifier!r} in {q.text!r}"
    if row["status"] == "digits_lost":
        if not q.lost:
            return f"column 'status': digits_lost but the quote states {q.text!r} in full"
        if (q.survives or "") != (row["survives"] or ""):
            return f"column 'survives': {row['survives'] or '(empty)'!r} but {q.survives or '(nothing)'!r} survives in {q.text!r}"
        return None
    if q.value is None:
        return f"column 'status': reported but the quote's {q.text!r} lost its digits"
    if Decimal(str(row["value"])) != q.value:
        return f"column 'value': {row['value']:g} but the quote states {q.text!r} = {q.value}"
    return None


def check_figure_values(figures: Table, seed: str) -> list[str]:
    """Every figure is the last quantity its quote states, and is stated at each ``also_at``."""
    quantities = sorted(scan(seed), key=lambda q: q.start)
    problems = []
    for row, line in zip(figures.rows, figures.lines):
        where = f"{figures.resource.path}:{line}"
        start, end = row["start"], row["start"] + len(row["quote"])
        inside = [q for q in quantities if start <= q.start and q.end <= end]
        if not inside:
            problems.append(f"{where}: column 'quote': states no quantity the scanner finds")
            continue
        if error := _stated(row, inside[-1]):
            problems.append(f"{where}: {error}")
        for pos in (int(p) for p in (row["also_at"] or "").split(";") if p):
            at = [q for q in quantities if q.start <= pos < q.end]
            if not at:
                problems.append(f"{where}: column 'also_at': no quantity at offset {pos}")
            elif error := _stated(row, at[0]):
                problems.append(f"{where}: at also_at offset {pos}: {error}")
    return problems


def validate(data_dir: Path | None = None, seed_path: Path | None = None) -> tuple[list[str], str]:
    """Check the package; return the problems found and a one-line summary."""
    data_dir = Path(data_dir or paths.DATA_DIR)
    tables, problems = check_package(data_dir, seed_path)
    if "figures" in tables:
        problems += check_figure_values(tables["figures"], load_seed(seed_path))
    rows = sum(len(t.rows) for t in tables.values())
    figures = tables.get("figures")
    lost = sum(r["status"] == "digits_lost" for r in figures.rows) if figures else 0
    summary = (
        f"{data_dir}: {len(tables)} tables, {rows} rows; "
        f"{len(figures.rows) if figures else 0} figures ({lost} with digits lost); seed checksum verified, every quote at its offset"
    )
    return problems, summary
