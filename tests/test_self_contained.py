"""A clone with nothing beside it is fully checked: a tenfold change of any figure is rejected.

Every number of ``external.csv`` and ``later.csv`` is multiplied and
divided by ten on a copy of ``data/``, with no ``../shared`` beside the repository; the validator
must name the row's line and the ``value`` column each time. :func:`protection` tells which rule
catches each change when the descriptor's record of the copy (``copied_from``) is left out: the
values that only the record protects are listed in the README.
"""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest

from sciencecity.reading import paths
from sciencecity.rules import copies
from sciencecity.rules.validate import validate

pytestmark = pytest.mark.slow  # about 160 validations: `make test` runs it, `make unit` does not

TABLES = ("external", "later")  # figures.csv: each value is checked against the seed (test_corruptions)


def _numbers(name: str) -> list[tuple[int, str, str]]:
    """``(line, id, value)`` of every row with a value."""
    with open(paths.DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return [(i + 2, r["id"], r["value"]) for i, r in enumerate(csv.DictReader(fh)) if r["value"]]


def _scaled(text: str, factor: float) -> str:
    return f"{float(text) * factor:.10g}"


def _write_changed(copy: Path, name: str, line: int, value: str) -> None:
    original = (paths.DATA_DIR / f"{name}.csv").read_text(encoding="utf-8")
    table = list(csv.reader(io.StringIO(original, newline="")))
    table[line - 1][table[0].index("value")] = value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    (copy / f"{name}.csv").write_text(out.getvalue(), encoding="utf-8")


@pytest.fixture
def no_shared(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(copies, "shared_external_path", lambda root=None: Path("/nonexistent/external.csv"))


@pytest.mark.parametrize("name", TABLES)
def test_a_tenfold_change_of_any_figure_is_rejected_without_shared(tmp_path, no_shared, name):
    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    missed = []
    for line, key, value in _numbers(name):
        for factor in (10, 0.1):
            _write_changed(copy, name, line, _scaled(value, factor))
            problems, _ = validate(copy)
            if not any(p.startswith(f"{name}.csv:{line}: column 'value'") for p in problems):
                missed.append(f"{key} × {factor}: {problems[:2]}")
        shutil.copy(paths.DATA_DIR / f"{name}.csv", copy / f"{name}.csv")
    assert not missed, "\n".join(missed)


def protection(name: str, tmp_path: Path) -> dict[str, set[str]]:
    """For each row with a value: what names its tenfold change when the copy record is left out."""
    import json

    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    desc = json.loads((copy / "datapackage.json").read_text(encoding="utf-8"))
    for r in desc["resources"]:
        r.pop(copies.COPY_PROPERTY, None)
    (copy / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    out = {}
    for line, key, value in _numbers(name):
        caught = set()
        for factor in (10, 0.1):
            _write_changed(copy, name, line, _scaled(value, factor))
            for p in validate(copy)[0]:
                caught.add(p.split(": ", 1)[1][:70])
        out[key] = caught
        shutil.copy(paths.DATA_DIR / f"{name}.csv", copy / f"{name}.csv")
    return out


if __name__ == "__main__":
    import os
    import tempfile

    os.environ.pop("CI", None)
    copies.shared_external_path = lambda root=None: Path("/nonexistent/external.csv")
    for name in ("external", "later"):
        with tempfile.TemporaryDirectory() as tmp:
            for key, caught in protection(name, Path(tmp)).items():
                print(name, key, "|", " || ".join(sorted(caught)) or "NOTHING (only the copy record)")
