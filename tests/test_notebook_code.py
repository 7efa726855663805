"""The notebooks tell and call: narrative, glue and one package call per result.

The code of every notebook together stays under :data:`MAX_CODE_LINES` lines, and no code cell
types a value that belongs to the data or the package: a period (``2021H1``, ``2023``), a date
(``2021-07-20``), an id of a row of ``data/`` (``gdp_growth_h1``), an offset or an amount (any
number but the few a program needs: 0, 1, 2, 100). Those come from ``data/`` or from the
``sciencecity`` package, which has unit tests; the notebook only names what it shows.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest

from sciencecity.reading import paths
from sciencecity.reading.descriptor import read_descriptor

#: The issue's aim: under 700 lines of code across all notebooks.
MAX_CODE_LINES = 700
#: Numbers a notebook may type: counting, halves, percentages.
ALLOWED_NUMBERS = {0, 1, 2, 100}
PERIOD = re.compile(r"(?<![0-9A-Za-z])(19|20)[0-9]{2}(H[12]|-[01][0-9](-[0-3][0-9])?)?(?![0-9A-Za-z])")
NOTEBOOKS = sorted(paths.BOOK_DIR.glob("*.ipynb"))


def code_cells(path: Path) -> list[str]:
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "code"]


def code_lines(path: Path) -> int:
    """Lines of code of a notebook: non-blank lines of its code cells, comments included."""
    return sum(1 for cell in code_cells(path) for line in cell.splitlines() if line.strip())


def data_ids(data_dir: Path = paths.DATA_DIR) -> set[str]:
    """Every primary-key value of every table of ``data/`` (read as text, no checks needed here)."""
    import csv

    ids: set[str] = set()
    for res in read_descriptor(data_dir):
        if not res.tabular or not res.primary_key or len(res.primary_key) != 1:
            continue
        with open(data_dir / res.path, encoding="utf-8-sig", newline="") as fh:
            ids |= {row[res.primary_key[0]] for row in csv.DictReader(fh)}
    return {i for i in ids if "_" in i}  # one-word keys ("core", "figure") are words, not ids


def literals(source: str, ids: set[str]) -> list[str]:
    """What a code cell types that should come from the data or the package."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Constant):
            continue
        value = node.value
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, int | float) and value not in ALLOWED_NUMBERS:
            found.append(f"line {node.lineno}: number {value!r}")
        elif isinstance(value, str):
            if value in ids:
                found.append(f"line {node.lineno}: id {value!r}")
            elif m := PERIOD.search(value):
                found.append(f"line {node.lineno}: period or date {m.group()!r} in {value!r}")
    return found


@pytest.fixture(scope="module")
def ids() -> set[str]:
    return data_ids()


def test_the_notebooks_hold_little_code():
    lines = {p.name: code_lines(p) for p in NOTEBOOKS}
    assert sum(lines.values()) < MAX_CODE_LINES, lines


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_no_notebook_types_a_value_of_the_data(path, ids):
    found = [f"cell {i + 1}, {what}" for i, cell in enumerate(code_cells(path)) for what in literals(cell, ids)]
    assert found == [], f"{path.name}: {found}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ('f.loc["gdp_growth_h1"]', "id 'gdp_growth_h1'"),
        ('periods = ("2021H1", "2021")', "period or date '2021H1'"),
        ('caption = f"since 2021-07-20"', "period or date '2021-07-20'"),
        ("v + 45", "number 45"),
        ("x = 0.05", "number 0.05"),
    ],
)
def test_the_scan_finds_typed_values(source, expected):
    assert any(expected in f for f in literals(source, {"gdp_growth_h1"}))


@pytest.mark.parametrize("source", ["glue_all(growth.core(package))", "x[0] * 100", 'key = "growth_gdp_h1"', "n - 1"])
def test_the_scan_passes_calls_and_names(source):
    assert literals(source, {"gdp_growth_h1"}) == []
