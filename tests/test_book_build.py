"""The book builds strictly, and the notebook tests are strict.

`make book` runs the real build; these tests prove the guarantees behind it: a warning fails the
build, an edited stored output fails nbval, and every page in the table of contents was built.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sciencecity.reading import paths, seed
from sciencecity.rules import checked, terminology

from .conftest import run

pytestmark = pytest.mark.slow

JB_STRICT = ["jupyter-book", "build", ".", "--builder", "html", "-W", "-n", "--keep-going", "--all"]


@pytest.fixture(scope="module")
def built_html() -> Path:
    """``_build/html`` after ``make book`` (a no-op when the build is fresh): never a stale build."""
    result = run(["make", "book"], cwd=paths.ROOT, timeout=3600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return paths.ROOT / "_build" / "html"


def test_makefile_builds_with_the_strict_flags():
    makefile = (paths.ROOT / "Makefile").read_text(encoding="utf-8")
    flags = re.search(r"^JB_FLAGS := (.+)$", makefile, re.M).group(1).split()
    assert flags == JB_STRICT[3:]


def test_every_toc_page_was_built(built_html: Path):
    html = built_html
    for name in paths.toc_docnames():
        assert (html / f"{name}.html").is_file(), f"{name} is in _toc.yml but was not built"


def test_a_warning_fails_the_build(book_copy: Path):
    page = book_copy / "book" / "glossary.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee {ref}`no-such-label`.\n", encoding="utf-8")
    result = run(JB_STRICT, cwd=book_copy)
    assert result.returncode != 0
    assert "no-such-label" in result.stdout + result.stderr


def _first_text_output(notebooks: list[Path]) -> tuple[Path, dict, dict]:
    """The first notebook with a plain-text output, its JSON and that output."""
    for notebook in notebooks:
        nb = json.loads(notebook.read_text(encoding="utf-8"))
        for cell in nb["cells"]:
            for out in cell.get("outputs", []):
                if "text/plain" in out.get("data", {}):
                    return notebook, nb, out
    pytest.fail("no notebook of book/ has a plain-text output to edit")


def test_an_edited_stored_output_fails_nbval(tmp_path: Path):
    notebook, nb, out = _first_text_output(sorted(paths.BOOK_DIR.glob("*.ipynb")))
    out["data"]["text/plain"] = ["edited by hand"]
    edited = tmp_path / notebook.name
    edited.write_text(json.dumps(nb), encoding="utf-8")
    result = run(
        ["python", "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", str(edited)],
        cwd=tmp_path,
    )
    assert result.returncode == 1, result.stdout[-2000:]
    assert "edited by hand" in result.stdout


def test_the_adverts_address_is_never_a_link(built_html: Path):
    """The seed's spam advert carries an address: the book shows it only defanged, never linked."""
    (advert,) = [s for s in seed.boilerplate_segments(seed.load_seed()) if s.kind == "advert"]
    address = re.search(r"https?://(\S+)", advert.text)
    host = address.group(1).split("/")[0]
    built = [p for p in built_html.rglob("*") if p.suffix in {".html", ".js", ".ipynb", ".txt"}]
    assert built, "the book has not been built"
    for page in built:
        content = page.read_text(encoding="utf-8", errors="replace")
        assert host not in content, f"{page} shows the advert's address undefanged"
        assert not re.search(r"href=[\"'][^\"']*" + re.escape(host.split(".")[1]), content), f"{page} links the advert"


def _built_pages(html: Path):
    """(docname, parsed HTML) of every page of _toc.yml in the built book."""
    from bs4 import BeautifulSoup

    for name in paths.toc_docnames():
        page = html / f"{name}.html"
        assert page.is_file(), f"{name} was not built: run `make book`"
        yield name, BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")


def test_no_table_header_cell_is_empty(built_html: Path):
    """A screen reader announces a column by its header; an empty <th> announces nothing."""
    empty = []
    for name, soup in _built_pages(built_html):
        article = soup.select_one("article.bd-article") or soup
        for th in article.find_all("th"):
            if not th.get_text(strip=True) and not th.get("aria-label"):
                table = th.find_parent("table")
                where = th.find_parent(id=True)
                empty.append(
                    f"{name}: empty <th> in a table under #{where.get('id') if where else '?'} "
                    f"(header row: {[h.get_text(strip=True) for h in table.find_all('th')][:6]})"
                )
    assert not empty, f"{len(empty)} empty header cell(s):\n  " + "\n  ".join(empty[:15])


def test_every_figure_links_its_data_as_csv(built_html: Path):
    """Every chart (a <figure> with an image) offers its data one click away: a link to a .csv
    under it (report.chart_data's `{download}` link in the caption)."""
    missing, figures = [], 0
    for name, soup in _built_pages(built_html):
        for figure in soup.find_all("figure"):
            if not figure.find("img"):
                continue
            figures += 1
            links = [a["href"] for a in figure.find_all("a", href=True) if a["href"].split("#")[0].endswith(".csv")]
            if not links:
                missing.append(f"{name}: #{figure.get('id') or '?'} ({figure.get_text(' ', strip=True)[:70]!r})")
            for href in links:
                target = (built_html / name).parent / href.split("#")[0]
                if not target.resolve().is_file():
                    missing.append(f"{name}: #{figure.get('id') or '?'} links {href}, which was not built")
    assert figures, "no figure with an image in the built book: has the build changed?"
    assert not missing, f"{len(missing)} of {figures} figures without a working CSV link:\n  " + "\n  ".join(missing)


def test_rendered_pages_use_the_house_terms(built_html: Path):
    """One English term per Chinese term in everything a reader sees: prose, tables, captions and
    glued text (the Markdown check in test_terminology.py cannot see what code cells write).
    The references page is left out: it gives the sources' own titles."""

    terms = checked.load_terms()
    texts = {
        name: (soup.select_one("article.bd-article") or soup).get_text(" ")
        for name, soup in _built_pages(built_html)
        if name != "book/references"
    }
    found = terminology.avoided_uses(terms, texts)
    assert not found, f"{len(found)} avoided variant(s) on the built pages:\n  " + "\n  ".join(found[:20])
