"""The Analysis part opens with findings, not plumbing (issue 18).

A reader decides in a chapter's first lines whether to go on: those lines say what the chapter
shows. The data files, modules and tests behind a chapter are in its closing note, "How this
chapter is built", folded by default. These tests read the built pages (``_build/html``, after
``make book``), take the Analysis part's pages from ``_toc.yml`` (the landing page and the
chapters of the part captioned "Analysis"), and refuse any page that names a test file
(``tests/…``, ``test_*.py``) or a module of the package (``sciencecity.…``, ``sciencecity/…``)
above its first section heading (h2), in its text or its meta description. Code cells are not
prose and are left out: they are folded, and a notebook's code may name what it imports.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from sciencecity.reading import paths

from .conftest import run

# A test file or a module of the package, as a reader would see it in the text.
PLUMBING = re.compile(r"\btests/[\w./-]*|\btest_\w+\.py\b|\bsciencecity[./][A-Za-z_]\w*")

# What a notebook's code cells become in the HTML (myst-nb): their input, folded or not.
CODE = ".cell_input, details.above-input, details.below-input, pre"


def analysis_pages(root: Path = paths.ROOT) -> list[str]:
    """The landing page and the chapters of the part captioned "Analysis", as docnames."""
    toc = yaml.safe_load((root / "_toc.yml").read_text(encoding="utf-8"))
    parts = [p for p in toc.get("parts", []) if p.get("caption") == "Analysis"]
    assert len(parts) == 1, "_toc.yml has no part captioned 'Analysis' (or more than one)"
    return [toc["root"]] + [c["file"] for c in parts[0]["chapters"]]


def plumbing_above_first_section(page_html: str) -> list[str]:
    """What the page names of tests and modules above its first h2 (or anywhere, with no h2),
    in its text and its meta description: each hit with a little context."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(page_html, "html.parser")
    texts = []
    meta = soup.find("meta", attrs={"name": "description"})
    if meta is not None:
        texts.append(("meta description", meta.get("content", "")))
    article = soup.select_one("article.bd-article") or soup.body or soup
    for code in article.select(CODE):
        code.decompose()
    first_h2 = article.find("h2")
    if first_h2 is not None:
        # Everything from the first h2 on goes: the h2, what follows it, and what follows each
        # of its ancestors (the sections after the one it opens).
        node = first_h2
        while node is not None and node is not article:
            for sibling in list(node.find_next_siblings()):
                sibling.decompose()
            node = node.parent
        first_h2.decompose()
    texts.append(("above the first section", article.get_text(" ")))
    found = []
    for where, text in texts:
        text = " ".join(text.split())
        for m in PLUMBING.finditer(text):
            found.append(f"{where}: {m.group()!r} in …{text[max(0, m.start() - 40) : m.end() + 20]}…")
    return found


# --- the check itself can fail (no build needed) ------------------------------------------------

TOY = """<html><head><meta name="description" content="{meta}"></head><body>
<article class="bd-article"><section id="a"><h1>Title</h1><p>{opening}</p>
<div class="cell"><details class="hide above-input"><summary>Show code</summary>
<div class="cell_input"><pre>from sciencecity import geo; sciencecity.geo.area_km2(x)</pre></div></details></div>
<section id="b"><h2>First section</h2><p>{later}</p></section></section></article></body></html>"""


@pytest.mark.parametrize(
    ("opening", "meta", "hits"),
    [
        ("Where the science city lies, and how big it is.", "Where it lies.", []),
        ("Unit tests: <code>tests/test_geo.py</code>.", "Where it lies.", ["tests/test_geo.py"]),
        ("Tested in test_scale.py.", "Where it lies.", ["test_scale.py"]),
        ("Areas by <code>sciencecity.geo</code>.", "Where it lies.", ["sciencecity.geo"]),
        ("See sciencecity/after.py.", "Where it lies.", ["sciencecity/after"]),
        ("Where it lies.", "Read through sciencecity.data, where it lies.", ["sciencecity.data"]),
        ("Run python -m sciencecity validate.", "The science city (sciencecity) and its zones.", []),
    ],
)
def test_the_check_finds_plumbing_above_the_first_section(opening, meta, hits):
    later = "Built by <code>sciencecity.geo</code>, tested in <code>tests/test_geo.py</code>."
    found = plumbing_above_first_section(TOY.format(opening=opening, meta=meta, later=later))
    assert [f.split("'")[1] for f in found] == hits


def test_a_page_without_sections_is_checked_whole():
    page = "<html><body><article class='bd-article'><h1>T</h1><p>x</p><p>tests/test_x.py</p></article></body></html>"
    assert len(plumbing_above_first_section(page)) == 1


def test_the_description_is_the_opening_without_its_label():
    """The meta description of a chapter (book/_ext/sciencecity_html.py) is what its first
    paragraph says, not the bold label before it; MyST puts an empty text node first."""
    from docutils import nodes

    ext = paths.load_script("book/_ext/sciencecity_html.py", "sciencecity_html")
    para = nodes.paragraph(
        "",
        "",
        nodes.Text(""),
        nodes.strong("", "What this chapter shows."),
        nodes.Text(" Where does the science city lie, and how big is it in Chongqing?"),
    )
    doc = nodes.section("", nodes.title("", "Where"), para)
    assert ext._first_paragraph(doc) == "Where does the science city lie, and how big is it in Chongqing?"


def test_the_analysis_part_is_read_from_the_toc():
    pages = analysis_pages()
    assert pages[0] == "book/index" and "book/01_place" in pages and "book/08_source" not in pages


# --- the built book ------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built_html() -> Path:
    """``_build/html`` after ``make book`` (a no-op when the build is fresh): never a stale build."""
    result = run(["make", "book"], cwd=paths.ROOT, timeout=3600)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return paths.ROOT / "_build" / "html"


@pytest.mark.slow
@pytest.mark.parametrize("name", analysis_pages())
def test_no_analysis_page_opens_with_tests_or_modules(built_html: Path, name: str):
    page = built_html / f"{name}.html"
    assert page.is_file(), f"{name} was not built"
    found = plumbing_above_first_section(page.read_text(encoding="utf-8"))
    assert not found, f"{name} names tests or modules above its first section:\n  " + "\n  ".join(found)


@pytest.mark.slow
@pytest.mark.parametrize("name", analysis_pages()[1:])
def test_a_chapters_description_starts_with_its_question(built_html: Path, name: str):
    """Search results show the meta description: a chapter's is its opening question and the
    start of the answer, not its label "What this chapter shows."."""
    text = (built_html / f"{name}.html").read_text(encoding="utf-8")
    description = re.search(r'<meta name="description" content="([^"]*)"', text).group(1)
    assert not description.startswith("What this chapter"), description
    assert "?" in description[:150], f"{name}: the description does not ask the chapter's question: {description}"
