"""Record in data/datapackage.json that external.csv's first rows are a copy of the shared context file.

Usage: ``python tools/record_copy.py [../shared/context/external_figures.csv]``. Writes the
``copied_from`` property of the ``external`` resource (see :func:`sciencecity.rules.copies.check_copies`):
the upstream file's SHA-256, the copied columns and number of rows, the checksum of the copied
rows (``rows_sha256``), and short checksums per line and per column, so that the validator can
name the line and column of a changed value on any clone, with nothing beside it. Run it only
when the shared file itself changed and external.csv was updated from it.
"""

from __future__ import annotations

import csv
import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sciencecity.rules.copies import COPY_PROPERTY, copy_text, shared_external_path  # noqa: E402


def short(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]


def record(upstream: Path) -> dict:
    raw = upstream.read_bytes()
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    header = rows[0]
    return {
        "path": "../shared/context/external_figures.csv",
        "title": "the shared context file handed to the project (other public sources, each with its source and date)",
        "sha256": hashlib.sha256(raw).hexdigest(),
        "columns": header,
        "rows": len(rows) - 1,
        "rows_sha256": hashlib.sha256(copy_text(rows).encode("utf-8")).hexdigest(),
        "line_sha256": [short(copy_text([r])) for r in rows],
        "column_sha256": {c: short("\n".join(r[i] for r in rows)) for i, c in enumerate(header)},
    }


def main() -> None:
    upstream = Path(sys.argv[1]) if len(sys.argv) > 1 else shared_external_path(ROOT)
    path = ROOT / "data" / "datapackage.json"
    desc = json.loads(path.read_text(encoding="utf-8"))
    res = next(r for r in desc["resources"] if r["name"] == "external")
    res[COPY_PROPERTY] = record(upstream)
    path.write_text(json.dumps(desc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
