"""Tables copied from files outside the repository: the copy record, and the comparison with ``../shared``.

Belongs here: a table the descriptor records as copied (``copied_from``: the source file, the
rows and a checksum of their text) still holds that copy, on any clone (:func:`check_copies`,
which the loader runs); where ``../shared/context/`` exists (beside the repository or its main
checkout), ``external.csv`` and ``later.csv`` agree with the upstream files they were built from
(:func:`compare_with_shared`, :func:`compare_later_with_shared`), which
:func:`sciencecity.rules.validate.validate` adds to its report.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import os
import re
from pathlib import Path

from sciencecity.reading import paths
from sciencecity.reading.paths import main_checkout
from sciencecity.rules import intrinsic

#: The upstream copy of ``external.csv``, relative to the repository's parent folder.
SHARED_EXTERNAL = Path("shared") / "context" / "external_figures.csv"


#: The upstream file ``later.csv`` was built from (its rows split so that numbers live in columns).
SHARED_LATER = Path("shared") / "context" / "later_figures.csv"


#: The descriptor's record of a table copied from another file (see :func:`check_copies`).
COPY_PROPERTY = "copied_from"


def shared_external_path(root: Path | None = None) -> Path:
    """``../shared/context/external_figures.csv`` relative to the repository root.

    In a git worktree the repository's main checkout is tried too (``../shared`` beside it).
    """
    root = Path(root or paths.ROOT)
    candidates = [root.parent / SHARED_EXTERNAL]
    if (main := main_checkout(root)) is not None:
        candidates.append(main.parent / SHARED_EXTERNAL)
    return next((c for c in candidates if c.exists()), candidates[0])


def compare_with_shared(data_dir: Path, shared: Path) -> list[str]:
    """external.csv holds the shared file's rows in order, their values unchanged in the shared columns.

    external.csv may add columns (``qualifier``, ``stated_in``) and rows after the shared ones,
    each with ``stated_in`` (a number the shared file keeps in a note). The shared file has
    unquoted commas in ``source``; those are read back by joining the extra cells.
    """
    ours_path = data_dir / "external.csv"
    with open(shared, encoding="utf-8", newline="") as fh:
        theirs = list(csv.reader(fh))
    with open(ours_path, encoding="utf-8-sig", newline="") as fh:
        ours = list(csv.DictReader(fh))
    header, problems = theirs[0], []
    missing = [c for c in header if ours and c not in ours[0]]
    if missing:
        return [f"external.csv:1: missing column(s) of the shared file {shared.name}: {', '.join(missing)}"]
    for i, original in enumerate(theirs[1:]):
        line = i + 2
        if i >= len(ours):
            problems.append(f"external.csv: the shared file's row {original[0]!r} (line {line} there) is missing")
            continue
        mine = ",".join(ours[i][c] for c in header)
        if ",".join(original) != mine:
            problems.append(f"external.csv:{line}: row {ours[i]['id']!r} differs from line {line} of {shared.name}")
    for i, row in enumerate(ours[len(theirs) - 1 :], start=len(theirs) + 1):
        if not row.get("stated_in"):
            problems.append(
                f"external.csv:{i}: column 'stated_in': a row not in {shared.name} must name the row whose note "
                "states it"
            )
    return problems


def copy_text(rows: list[list[str]]) -> str:
    """The canonical text of copied rows: each row's cells joined by commas, one row a line."""
    return "".join(",".join(cells) + "\n" for cells in rows)


def check_copies(data_dir: Path) -> list[str]:
    """A table the descriptor records as copied (``copied_from``) still holds the copy, on any clone.

    The record (a custom property of the resource: ``path`` of the upstream file, its
    ``sha256``, the copied ``columns`` and the number of copied ``rows``, and ``rows_sha256``,
    the SHA-256 of :func:`copy_text` of the upstream file's header and rows) is checked against
    the table itself: its first ``rows`` rows, in the copied columns, must have that checksum.
    So a changed value, row or column of the copy is found with nothing beside the repository;
    the table may add columns and rows after the copied ones. Where the upstream file exists,
    :func:`shared_check` also checks that the record is the upstream file's.
    """
    try:
        desc = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8-sig"))
        resources = [r for r in desc["resources"] if isinstance(r, dict) and COPY_PROPERTY in r]
    except (OSError, ValueError, KeyError, TypeError):
        return []  # the descriptor's own problems are reported by check_package
    problems = []
    for res in resources:
        rec, where = res[COPY_PROPERTY], f"datapackage.json: resource {res.get('name')!r}: {COPY_PROPERTY}"
        if not (
            isinstance(rec, dict)
            and isinstance(rec.get("columns"), list)
            and all(isinstance(c, str) for c in rec["columns"])
            and isinstance(rec.get("rows"), int)
            and isinstance(rec.get("rows_sha256"), str)
        ):
            problems.append(f"{where}: needs 'path', 'sha256', 'columns' (a list), 'rows' (a number), 'rows_sha256'")
            continue
        try:
            with open(data_dir / str(res.get("path")), encoding="utf-8-sig", newline="") as fh:
                table = list(csv.reader(fh))
        except (OSError, UnicodeDecodeError, csv.Error):
            continue  # reported by check_package
        header = table[0] if table else []
        missing = [c for c in rec["columns"] if c not in header]
        if missing:
            problems.append(f"{res.get('path')}:1: the copied column(s) {', '.join(missing)} are missing")
            continue
        idx = [header.index(c) for c in rec["columns"]]
        body = table[1 : 1 + rec["rows"]]
        copied = [rec["columns"], *[[r[i] if i < len(r) else "" for i in idx] for r in body]]
        if (
            len(body) < rec["rows"]
            or hashlib.sha256(copy_text(copied).encode("utf-8")).hexdigest() != rec["rows_sha256"]
        ):
            problems.append(_copy_difference(res, rec, copied))
    return problems


def _copy_difference(res: dict, rec: dict, copied: list[list[str]]) -> str:
    """Where a copy no longer matches its record: the first line, and the column, whose short checksum breaks."""
    path, source = res.get("path"), rec.get("path")

    def short(text: str) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]

    columns = rec.get("column_sha256") if isinstance(rec.get("column_sha256"), dict) else {}
    changed = [
        c for i, c in enumerate(rec["columns"]) if columns.get(c) not in (None, short("\n".join(r[i] for r in copied)))
    ]
    where = f" column {', '.join(map(repr, changed))}:" if changed else ""
    lines = rec.get("line_sha256") if isinstance(rec.get("line_sha256"), list) else []
    for i, (cells, want) in enumerate(zip(copied, lines, strict=False)):
        if short(copy_text([cells])) != want:
            return (
                f"{path}:{i + 1}:{where} row {cells[0]!r} is not the copy of line {i + 1} of {source} that the "
                "descriptor records (a changed value? the copy stays as its source has it)"
            )
    if len(copied) - 1 < rec["rows"]:
        return f"{path}: the copy of {source} has {len(copied) - 1} of its {rec['rows']} rows (a row deleted?)"
    return f"{path}:{where} the first {rec['rows']} rows are not the copy of {source} that the descriptor records"


def shared_later_path(root: Path | None = None) -> Path:
    """``../shared/context/later_figures.csv`` relative to the repository root (or its main checkout)."""
    return shared_external_path(root).parent / SHARED_LATER.name


def compare_later_with_shared(data_dir: Path, shared: Path) -> list[str]:
    """later.csv against the file it was built from: a row kept under its id has the same value, unit,
    period, source date and address, and its quote is in the upstream quote; a number of later.csv
    from the same address is stated in the upstream row's quote or note."""
    with open(shared, encoding="utf-8", newline="") as fh:
        theirs = list(csv.DictReader(fh))
    with open(data_dir / "later.csv", encoding="utf-8-sig", newline="") as fh:
        ours = list(csv.DictReader(fh))
    by_id = {r["id"]: r for r in theirs}
    by_url: dict[str, str] = {}
    for r in theirs:
        by_url[r["url"]] = by_url.get(r["url"], "") + " " + r.get("quote", "") + " " + r.get("note", "")
    problems = []
    for line, row in enumerate(ours, start=2):
        up = by_id.get(row["id"])
        if up is not None:
            for col in ("value", "unit", "period", "source_date", "url"):
                a, b = row.get(col, ""), up.get(col, "")
                same = a == b or (a and b and _same_number(a, b))
                if not same:
                    problems.append(f"later.csv:{line}: column {col!r}: {a!r} but {shared.name} has {b!r}")
            if row.get("quote") and row["quote"] not in up.get("quote", ""):
                problems.append(f"later.csv:{line}: column 'quote': not in the quote of {shared.name}'s row")
        elif row.get("value") and row.get("url") in by_url:
            numbers = {float(n) for n in re.findall(r"[0-9]+(?:\.[0-9]+)?", by_url[row["url"]])}
            numbers |= intrinsic.stated_values(by_url[row["url"]], row.get("unit", ""))
            if not _is_number(row["value"]) or float(row["value"]) not in numbers:
                problems.append(
                    f"later.csv:{line}: column 'value': {row['value']} is not stated by {shared.name} for {row['url']}"
                )
    return problems


def _is_number(text: str) -> bool:
    try:
        return math.isfinite(float(text))
    except ValueError:
        return False


def _same_number(a: str, b: str) -> bool:
    return _is_number(a) and _is_number(b) and float(a) == float(b)


def shared_check(data_dir: Path) -> tuple[list[str], str]:
    """external.csv and later.csv against ``../shared`` where it exists: the problems and a note for the summary."""
    shared = shared_external_path()
    if not shared.exists():
        if os.environ.get("CI", "").lower() == "true":
            return [f"{SHARED_EXTERNAL}: not found next to the repository (required when CI=true)"], ""
        return [], "; shared context not found: external.csv not compared"
    if not (data_dir / "external.csv").exists():
        return [], ""
    problems = compare_with_shared(data_dir, shared) + _record_is_current(data_dir, shared)
    note = "; external.csv matches the shared context"
    later_shared = shared_later_path()
    if later_shared.exists() and (data_dir / "later.csv").exists():
        problems += compare_later_with_shared(data_dir, later_shared)
        note += ", later.csv agrees with it"
    return problems, note


def _record_is_current(data_dir: Path, shared: Path) -> list[str]:
    """The descriptor's ``copied_from`` record of external.csv is the upstream file's checksum."""
    try:
        desc = json.loads((data_dir / "datapackage.json").read_text(encoding="utf-8-sig"))
        rec = next(r for r in desc["resources"] if r.get("path") == "external.csv")[COPY_PROPERTY]
    except (OSError, ValueError, KeyError, TypeError, StopIteration):
        return []
    if not isinstance(rec, dict):
        return []
    digest = hashlib.sha256(shared.read_bytes()).hexdigest()
    if rec.get("sha256") != digest:
        return [
            f"datapackage.json: resource 'external': {COPY_PROPERTY}: sha256 is not that of {shared} ({digest}): "
            "the shared file changed, or the record is stale"
        ]
    return []
