"""What a chapter glues and shows, read from its committed notebook, and where the tests draw charts.

For the tests of the presentation modules ``<topic>_results``: every key a chapter's Markdown
cites must be produced by the module, each value must print as the committed notebook's glued
output does and each table must be the HTML it shows (strict nbval compares exactly those
outputs); charts drawn again from the package must be the files in ``book/``, byte for byte.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from sciencecity.presentation import style, words
from sciencecity.reading import paths, seed
from sciencecity.rules import checked

#: ``{glue:text}`key:format```, ``{glue:md}`key:myst```, ``{glue}`key``` and a key another
#: notebook glues, ``{glue:text}`09_checks.ipynb::key```: (that notebook or "", the key).
_ROLE = re.compile(r"\{glue(?::\w+)?\}`(?:([\w.]+)::)?(\w+)")
#: The directives ```` ```{glue:figure} key ```` / ```` ```{glue} key ````.
_DIRECTIVE = re.compile(r"```\{glue(?::\w+)?\}\s+(\w+)")


def cells(notebook: Path | str) -> list[dict]:
    """The cells of a committed notebook: a path, or a file name in ``book/``."""
    return json.loads((paths.BOOK_DIR / notebook).read_text(encoding="utf-8"))["cells"]


def markdown(notebook: Path | str, *, skip_ids: str | None = None, section: str | None = None) -> list[str]:
    """The text of the notebook's Markdown cells: without those whose id starts with ``skip_ids``;
    with ``section`` (a ``## `` heading), only the cells from that heading to the next one."""
    out, inside = [], section is None
    for cell in cells(notebook):
        if cell["cell_type"] != "markdown":
            continue
        text = "".join(cell["source"])
        heading = next((line for line in text.splitlines() if line.startswith("## ")), None)
        if section is not None and heading is not None:
            inside = heading == section
        if inside and not (skip_ids and cell.get("id", "").startswith(skip_ids)):
            out.append(text)
    assert out or section is None, f"no section {section!r} in {notebook}"
    return out


def cited(notebook: Path | str, **which) -> dict[str, set[str]]:
    """The glue keys the notebook's Markdown cites, by the notebook that glues them ("" for its own).

    ``which``: the cells to read, as for :func:`markdown`."""
    found: dict[str, set[str]] = {}
    for text in markdown(notebook, **which):
        for where, key in _ROLE.findall(text):
            found.setdefault(where, set()).add(key)
        for key in _DIRECTIVE.findall(text):
            found.setdefault("", set()).add(key)
    return found


def cited_keys(notebook: Path | str, **which) -> set[str]:
    """Every glue key the notebook's Markdown cites, whichever notebook glues it."""
    return set().union(*cited(notebook, **which).values())


def glued_text(notebook: Path | str) -> dict[str, str]:
    """The committed ``text/plain`` of every value the notebook glues, by key."""
    out = {}
    for cell in cells(notebook):
        for o in cell.get("outputs", []):
            name = o.get("metadata", {}).get("scrapbook", {}).get("name")
            if name:
                out[name] = "".join(o["data"]["application/papermill.record/text/plain"])
    return out


def shown_html(notebook: Path | str) -> list[str]:
    """The HTML the notebook shows (tables, displayed or a cell's value; not glued), in order."""
    return [
        "".join(o["data"]["text/html"])
        for c in cells(notebook)
        for o in c.get("outputs", [])
        if "text/html" in o.get("data", {})
    ]


def merged(parts: Iterable[dict], *, once: bool = False) -> dict:
    """The values of a chapter's calls in one dict; with ``once``, no key may come from two calls."""
    out: dict = {}
    for values in parts:
        assert not (once and set(values) & set(out)), "a key glued twice"
        out |= values
    return out


@contextmanager
def charts_into(folder: Path) -> Iterator[Path]:
    """Charts and chart data written under ``folder`` (``chart-images``, ``chart-data``, as in
    ``book/``), not into the book; the house style on."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(style, "CHART_IMAGES_DIR", folder / "chart-images")
        mp.setattr(words, "CHART_DATA_DIR", folder / "chart-data")
        style.use()
        yield folder


@contextmanager
def no_chart_files() -> Iterator[None]:
    """Charts and chart data neither drawn nor written: each is its name (the keys are what is tested)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(style, "chart", lambda draw, name, *args, **kwargs: f"chart {name}")
        mp.setattr(words, "chart_data", lambda frame, name, **kwargs: f"data {name}")
        yield


def assert_as_in_book(files: Iterable[Path]) -> None:
    """Each drawn chart or chart data file (in a ``chart-images`` or ``chart-data`` folder) is the
    committed one of ``book/``, byte for byte."""
    for f in files:
        assert f.read_bytes() == (paths.BOOK_DIR / f.parent.name / f.name).read_bytes(), f.name


def assert_prints_as_committed(values: dict, notebook: Path | str) -> None:
    """The notebook glues exactly ``values``' keys, and each value prints (``repr``) as its
    committed ``text/plain`` output does."""
    committed = glued_text(notebook)
    assert set(values) == set(committed)
    for key, value in values.items():
        assert repr(value) == committed[key], key


def marked(values: dict) -> dict:
    """``values`` changed so that a test can tell them: each string marked, each number plus 1000."""
    return {k: f"marked {k}" if isinstance(v, str) else v + 1000 for k, v in values.items()}


def assert_both_follow(module, shared: str, package: dict, first: Callable[[], dict], second: Callable[[], dict]):
    """Change what ``module.<shared>(package)`` returns (:func:`marked`): the values two chapters
    glue from it (``first()``, ``second()``: each chapter's values, merged) follow the change."""
    original = getattr(module, shared)

    def changed(*args):
        return marked(original(*args))

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(module, shared, changed)
        one, two = first(), second()
    expected = changed(package)
    keys = set(expected) & set(two)
    assert keys, f"the second chapter uses nothing of {shared}"
    for key in keys:
        assert two[key] == one[key] == expected[key], key


# -- Fixtures of the results tests (tests/conftest.py makes them every test module's) -------------


@pytest.fixture(scope="module")
def package() -> dict:
    """The checked package, as the notebooks load it."""
    return checked.load_package()


@pytest.fixture(scope="module")
def text() -> str:
    """The seed text."""
    return seed.load_seed()


@pytest.fixture(scope="module")
def chart_dir(tmp_path_factory) -> Iterator[Path]:
    """While a test module runs, its charts and chart data go to a temporary folder (:func:`charts_into`)."""
    with charts_into(tmp_path_factory.mktemp("charts")) as out:
        yield out


@pytest.fixture(scope="module")
def no_files() -> Iterator[None]:
    """While a test module runs, charts and chart data are neither drawn nor written (:func:`no_chart_files`)."""
    with no_chart_files():
        yield
