"""The execution model: a no-op `make book` does nothing; a changed input re-executes.

Uses Make's own dry-run modes, so nothing is executed or written: `-q` asks whether the book is
up to date, and `-W FILE` asks what would run if FILE had just changed.
"""

from __future__ import annotations

import pytest

from sciencecity.reading import paths

from .conftest import run

pytestmark = pytest.mark.slow

NOTEBOOKS = sorted(p.name for p in paths.BOOK_DIR.glob("*.ipynb"))


def dry_run(*args: str) -> str:
    result = run(["make", "-n", *args, "book"], cwd=paths.ROOT)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_book_is_up_to_date_after_make_book():
    """After ``make book`` (run here, a no-op when fresh) nothing may be left to do: the rules converge."""
    built = run(["make", "book"], cwd=paths.ROOT, timeout=3600)
    assert built.returncode == 0, built.stderr[-2000:]
    result = run(["make", "-q", "book"], cwd=paths.ROOT)
    assert result.returncode == 0, dry_run()


@pytest.mark.parametrize("changed", ["data/figures.csv", "sciencecity/reading/seed.py", "seeds/SHA256SUMS"])
def test_a_changed_input_re_executes_every_notebook_and_rebuilds(changed):
    plan = dry_run("-W", changed)
    for name in NOTEBOOKS:
        assert "nbconvert" in plan and f"book/{name}" in plan, f"{name} would not re-execute after {changed} changed"
    assert "jupyter-book build" in plan


def test_an_edited_page_rebuilds_without_executing():
    plan = dry_run("-W", "book/glossary.md")
    assert "jupyter-book build" in plan
    assert "nbconvert" not in plan


def test_an_edited_notebook_re_executes_only_itself():
    plan = dry_run("-W", f"book/{NOTEBOOKS[0]}")
    assert f"book/{NOTEBOOKS[0]}" in plan
    for other in NOTEBOOKS[1:]:
        assert f"book/{other}" not in plan
