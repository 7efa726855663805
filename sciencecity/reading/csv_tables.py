"""A CSV table of ``data/``: read against its resource's schema into typed rows with their line numbers.

Belongs here: reading one CSV file (UTF-8, a byte-order mark accepted, LF-terminated, its header
the schema's columns in order, every cell of its type and within its constraints) into a
:class:`Table`; the format of a list cell (:func:`list_cell`, :func:`offsets`: ``also_at``, the
``*_ids`` lists, ``avoid``), parsed here once for every reader; and which column of a table
quotes the seed verbatim (:data:`VERBATIM_COLUMN`). Keys across tables and the quotes' offsets
are checked by :func:`sciencecity.rules.package.check_package`.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from sciencecity.reading.descriptor import Resource

#: The column each seed-quoting table has verbatim at its ``start`` offset.
VERBATIM_COLUMN = {
    "figures": "quote",
    "non_figures": "text",
    "zones": "quote",
    "zone_industries": "item_zh",
    "zone_carriers": "carrier_zh",
    "institutions": "quote",
    "events": "quote",
    "translations": "zh",
}


#: The separator of a list cell (``also_at``, ``article_ids``, ``avoid``): ``a;b``.
LIST_SEPARATOR = ";"


def list_cell(cell: str | None) -> list[str]:
    """The items of a ``;``-separated cell, stripped, empty ones dropped (``"a; b;"`` -> ``["a", "b"]``)."""
    return [item.strip() for item in str(cell or "").split(LIST_SEPARATOR) if item.strip()]


def offsets(cell: str | None) -> tuple[int, ...]:
    """The seed offsets of an ``also_at`` cell (``"1333;1799"`` -> ``(1333, 1799)``); ValueError if one is not a
    whole number."""
    return tuple(int(item) for item in list_cell(cell))


#: Problems reported cell by cell in one column before the rest are counted in one line.
CELLS_PER_COLUMN = 2


@dataclass
class Table:
    """A checked table: typed rows and the CSV line each row starts on."""

    resource: Resource
    rows: list[dict[str, Any]] = field(default_factory=list)
    lines: list[int] = field(default_factory=list)

    def frame(self) -> pd.DataFrame:
        """The rows as a DataFrame with the column types documented in the module."""
        columns = {}
        for f in self.resource.fields:
            values = [row[f.name] for row in self.rows]
            if f.type == "number":
                columns[f.name] = pd.Series([math.nan if v is None else v for v in values], dtype="float64")
            elif f.type == "integer":
                columns[f.name] = pd.Series(values, dtype="Int64")
            elif f.type == "boolean":
                columns[f.name] = pd.Series(values, dtype="bool")
            else:
                columns[f.name] = pd.Series(["" if v is None else v for v in values], dtype="object")
        return pd.DataFrame(columns)


def _read_table(data_dir: Path, res: Resource, problems: list[str]) -> Table | None:
    """Read and type one CSV file, appending problems; ``None`` when its structure is broken."""
    where = res.path
    try:
        raw = (data_dir / res.path).read_bytes()
    except OSError as exc:
        problems.append(f"{where}: cannot read ({exc.strerror})")
        return None
    if not raw.strip():
        problems.append(f"{where}: empty file")
        return None
    try:
        # A byte-order mark (Excel writes one before UTF-8 CSV) is accepted and dropped.
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(f"{where}: not UTF-8 at byte {exc.start}")
        return None
    if not text.endswith("\n"):
        problems.append(f"{where}: truncated: the file does not end with a newline")
        return None
    if "\r" in text:
        problems.append(f"{where}: CR line endings: use LF only")
        return None
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        return _read_rows(res, reader, problems)
    except csv.Error as exc:
        problems.append(f"{where}:{reader.line_num}: malformed CSV ({exc})")
        return None


def _read_rows(res: Resource, reader: Any, problems: list[str]) -> Table | None:  # reader: a csv.reader
    """Check the header and type every row of an open CSV reader (see :func:`_read_table`)."""
    where = res.path
    header = next(reader)
    expected = res.columns
    blank = [i + 1 for i, c in enumerate(header) if not c.strip()]
    if blank:
        trailing = " (a trailing comma?)" if blank == [len(header)] else ""
        problems.append(f"{where}:1: column {', '.join(map(str, blank))} of the header has no name{trailing}")
        return None
    if header != expected:
        missing = [c for c in expected if c not in header]
        extra = [c for c in header if c not in expected]
        parts = []
        if missing:
            parts.append(f"missing column(s) {', '.join(missing)}")
        if extra:
            parts.append(f"extra column(s) {', '.join(extra)}")
        detail = "; ".join(parts) or f"columns out of order: expected {', '.join(expected)}"
        problems.append(f"{where}:1: {detail}")
        return None
    table, line, n_before = Table(res), 2, len(problems)
    # One defect, one message: a column whose cells fail by the dozen (a changed type or a new
    # constraint) is reported for its first cells, then once with the count of the others.
    failing: dict[str, list[int]] = {}
    for cells in reader:
        if len(cells) == len(expected) + 1 and cells[-1] == "":
            problems.append(f"{where}:{line}: an empty cell after the last column {expected[-1]!r} (a trailing comma?)")
        elif len(cells) != len(expected):
            problems.append(
                f"{where}:{line}: {len(cells)} cells where the header has {len(expected)} (truncated or malformed row)"
            )
        else:
            row = {}
            for f, cell in zip(res.fields, cells, strict=True):
                row[f.name], error = f.parse(cell)
                if error:
                    failing.setdefault(f.name, []).append(line)
                    if len(failing[f.name]) <= CELLS_PER_COLUMN:
                        problems.append(f"{where}:{line}: column {f.name!r}: {error}")
            table.rows.append(row)
            table.lines.append(line)
        line = reader.line_num + 1
    for name, lines in failing.items():
        if len(lines) > CELLS_PER_COLUMN:
            more = lines[CELLS_PER_COLUMN:]
            problems.append(
                f"{where}:{more[0]}: column {name!r}: and {len(more)} more cell(s) of this column, on lines "
                f"{more[0]} to {more[-1]} (the column's type or constraints changed?)"
            )
    if not table.rows and len(problems) == n_before:
        problems.append(f"{where}: no rows after the header")
    return table if len(problems) == n_before else None
