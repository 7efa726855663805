"""The package's structure: every file of the descriptor read, typed, keyed and placed in the seed.

Belongs here: :func:`check_package` (what a file must be for its rows to be read at all: the
seed's checksum, each table's schema, unique, primary and foreign keys, each verbatim column at
its offset of the seed, and the GeoJSON resource's own checks). What the columns mean is
:mod:`sciencecity.rules.validate`'s; reading a file is :mod:`sciencecity.reading`'s.
"""

from __future__ import annotations

from pathlib import Path

from sciencecity.reading import paths
from sciencecity.reading.csv_tables import VERBATIM_COLUMN, Table, _read_table, offsets
from sciencecity.reading.descriptor import DESCRIPTOR, read_descriptor
from sciencecity.reading.geojson import _read_geojson
from sciencecity.reading.seed import SeedError, load_seed
from sciencecity.reading.text import normalised


def _check_keys(tables: dict[str, Table], problems: list[str]) -> None:
    """Unique fields, primary keys and foreign keys across the loaded tables."""
    for table in tables.values():
        res = table.resource
        keys = [(f.name,) for f in res.fields if f.unique]
        if res.primary_key and res.primary_key not in keys:
            keys.append(res.primary_key)
        for key in keys:
            seen: dict[tuple, int] = {}
            for row, line in zip(table.rows, table.lines, strict=True):
                value = tuple(normalised(row[c]) for c in key)
                if value in seen:
                    problems.append(
                        f"{res.path}:{line}: column {', '.join(key)!r}: duplicate {'/'.join(map(str, value))} "
                        f"(first on line {seen[value]})"
                    )
                else:
                    seen[value] = line
        for fields, ref_name, ref_fields in res.foreign_keys:
            ref = tables.get(ref_name)
            if ref is None:
                continue  # the referenced table has its own problems, already reported
            targets = {tuple(normalised(r[c]) for c in ref_fields) for r in ref.rows}
            for row, line in zip(table.rows, table.lines, strict=True):
                value = tuple(normalised(row[c]) for c in fields)
                if all(v is None for v in value):
                    continue
                if value not in targets:
                    problems.append(
                        f"{res.path}:{line}: column {', '.join(fields)!r}: {'/'.join(map(str, value))} "
                        f"is not found in column {', '.join(ref_fields)!r} of {ref.resource.path}"
                    )


def _check_seed(tables: dict[str, Table], seed: str, problems: list[str]) -> None:
    """Every verbatim column stands in the seed at its ``start`` offset; ``also_at`` is in range."""
    for name, column in VERBATIM_COLUMN.items():
        table = tables.get(name)
        if table is None:
            continue
        if not {column, "start"} <= set(table.resource.columns):
            problems.append(
                f"{DESCRIPTOR}: resource {name!r} needs the columns {column!r} and 'start' "
                "to be checked against the seed"
            )
            continue
        for row, line in zip(table.rows, table.lines, strict=True):
            text, start = row[column], row["start"]
            found = seed[start : start + len(text)]
            if found != text:
                problems.append(
                    f"{table.resource.path}:{line}: column {column!r}: {text!r} is not at offset {start} of the seed "
                    f"(the seed has {found!r} there)"
                )
            try:
                also_at = offsets(row.get("also_at"))
            except ValueError:
                also_at = ()  # not whole numbers: the column's pattern says so
            for pos in also_at:
                if pos >= len(seed):
                    problems.append(f"{table.resource.path}:{line}: column 'also_at': {pos} is beyond the seed's end")


def check_package(data_dir: Path | None = None, seed_path: Path | None = None) -> tuple[dict[str, Table], list[str]]:
    """Read every table of the package and check it; return the tables and the problems found.

    The checks: the seed's checksum; each file readable, UTF-8, LF-terminated, not empty; its
    header the schema's columns in order; every cell of the right type and within its
    constraints; unique and primary keys unique; foreign keys resolving; every verbatim column
    at its offset in the seed; a GeoJSON resource as :func:`_read_geojson` says (it is not in
    the returned mapping, which holds tables). A table with a problem is left out of it. What
    the columns mean (figures against their quotes, cross-table agreement) is checked by
    :mod:`sciencecity.rules.validate`, which :func:`sciencecity.rules.checked.load_package` also runs.
    """
    data_dir = Path(data_dir or paths.DATA_DIR)
    try:
        seed = load_seed(seed_path)
    except SeedError as exc:
        return {}, [f"seed: {exc}"]
    problems: list[str] = []
    tables: dict[str, Table] = {}
    for res in read_descriptor(data_dir):
        if not res.tabular:
            _read_geojson(data_dir, res, problems)
            continue
        table = _read_table(data_dir, res, problems)
        if table is not None:
            tables[res.name] = table
    _check_keys(tables, problems)
    _check_seed(tables, seed, problems)
    # Every problem message starts with the file it blames.
    blamed = {problem.split(":", 1)[0] for problem in problems}
    return {name: t for name, t in tables.items() if t.resource.path not in blamed}, problems
