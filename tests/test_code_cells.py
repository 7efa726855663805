"""Code one click away, not in the page (book/_ext/sciencecity_code.py, book/_static/sciencecity.js).

In Chromium, on the built book (BOOK_HTML or _build/html; fixtures of tests/test_browser.py):
- every page of _toc.yml holds at most 1,500 element nodes at load, and no folded code;
- opening a cell shows its code where it always was: the same text as the notebook's cell,
  highlighted, no console error; a page with its cells opened still passes axe-core;
- without scripts, an opened cell links to the cell on the chapter's code page, which holds
  every code cell of the notebook in order, each the notebook's text.
The extension's own helpers are tested without a browser at the end.
"""

from __future__ import annotations

import re

import nbformat
import pytest

from sciencecity.reading import paths
from tests import test_browser as tb
from tests.test_browser import DESKTOP, PAGES, PHONE, PageLog, new_context

# The fixtures of tests/test_browser.py: the built book, served, and Chromium.
built_html, base_url, browser = tb.built_html, tb.base_url, tb.browser

MAX_ELEMENTS = 1500


def code_cells(docname: str) -> list[str]:
    """The sources of the notebook's code cells that the book shows an input for, in order."""
    nb = nbformat.read(paths.ROOT / f"{docname}.ipynb", as_version=4)
    hidden = {"remove-input", "remove-cell", "remove_input", "remove_cell"}
    return [
        c.source for c in nb.cells if c.cell_type == "code" and not hidden & set(c.get("metadata", {}).get("tags", []))
    ]


NOTEBOOK_PAGES = [name for name in PAGES if (paths.ROOT / f"{name}.ipynb").is_file() and code_cells(name)]


def text_of(code: str) -> str:
    return "\n".join(line.rstrip() for line in code.strip().splitlines())


def open_plain(browser, url: str, viewport: dict = DESKTOP, javascript: bool = True):
    context = browser.new_context(viewport=viewport, java_script_enabled=javascript)
    page = context.new_page()
    log = PageLog(page, url.rsplit("/book/", 1)[0] + "/")
    page.goto(url, wait_until="load")
    return context, page, log


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", PAGES)
def test_pages_hold_few_elements_at_load(browser, base_url, name):
    context, page, _ = open_plain(browser, f"{base_url}{name}.html")
    try:
        count = page.evaluate("document.getElementsByTagName('*').length")
        folded_code = page.evaluate("document.querySelectorAll('details.above-input pre').length")
    finally:
        context.close()
    assert count <= MAX_ELEMENTS, f"{name}: {count} element nodes at load (at most {MAX_ELEMENTS})"
    assert folded_code == 0, f"{name}: {folded_code} folded code blocks in the document at load"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_opening_a_cell_shows_its_code(browser, base_url, name):
    sources = code_cells(name)
    context, page, log = open_plain(browser, f"{base_url}{name}.html")
    try:
        cells = page.locator("details.sc-code")
        assert cells.count() > 0, f"{name}: no folded code cell"
        for details in (cells.first, cells.last):
            number = int(details.get_attribute("id").removeprefix("cell-"))
            details.locator("summary").click()
            code = details.locator("pre")
            code.wait_for(state="visible")
            assert text_of(code.inner_text()) == text_of(sources[number - 1]), f"{name}: cell {number}"
            assert details.locator("pre span[class]").count() > 0, f"{name}: cell {number} not highlighted"
            assert details.locator("template").count() == 0
            link = details.locator("a", has_text="code on one page")
            assert link.get_attribute("href") == f"{name.rsplit('/', 1)[-1]}-code.html#cell-{number}"
        assert not log.console, f"{name}: console errors:\n  " + "\n  ".join(log.console)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_opened_cells_pass_axe(browser, base_url):
    """The heaviest chapter on a phone, every cell opened: no serious or critical violation
    (the theme gives a code block that scrolls sideways its tab stop once it is in place)."""
    from axe_playwright_python.sync_playwright import Axe

    context = new_context(browser, PHONE)
    page = context.new_page()
    try:
        page.goto(f"{base_url}book/03_industries.html", wait_until="load")
        for summary in page.locator("details.sc-code > summary").all():
            summary.click()
        page.wait_for_function("document.querySelectorAll('details.sc-code template').length === 0")
        # The theme's tab-stop check runs 300 ms after the last change to the page.
        page.wait_for_function(
            "[...document.querySelectorAll('details.sc-code pre')]"
            ".every(p => p.scrollWidth <= p.clientWidth || p.tabIndex === 0)",
            timeout=5_000,
        )
        results = Axe().run(page)
    finally:
        context.close()
    serious = [v["id"] for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, f"axe-core with every cell opened: {serious}"


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("name", NOTEBOOK_PAGES)
def test_without_scripts_a_cell_links_to_the_code_page(browser, base_url, name):
    sources = code_cells(name)
    context, page, log = open_plain(browser, f"{base_url}{name}.html", javascript=False)
    try:
        details = page.locator("details.sc-code").last
        number = int(details.get_attribute("id").removeprefix("cell-"))
        details.locator("summary").click()  # <details> opens without scripts
        link = details.locator("noscript a, .sc-code-page a").first
        link.wait_for(state="visible")
        assert details.locator("pre").count() == 0  # the code stays in its template
        link.click()
        page.wait_for_load_state("load")
        assert page.url.endswith(f"{name}-code.html#cell-{number}"), page.url
        cell = page.locator(f"#cell-{number}")
        assert text_of(cell.locator("pre").inner_text()) == text_of(sources[number - 1])
        # The code page: every code cell of the notebook, in order, and the way back.
        shown = [text_of(t) for t in page.locator("main section pre").all_inner_texts()]
        assert shown == [text_of(s) for s in sources], f"{name}: the code page is not the notebook's code"
        back = cell.locator("a", has_text="Back to cell")
        assert back.get_attribute("href") == f"{name.rsplit('/', 1)[-1]}.html#cell-{number}"
        assert not log.failed, f"{name}: failed requests:\n  " + "\n  ".join(log.failed)
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_a_code_page_reads_on_a_phone(browser, base_url):
    """No sideways scroll, highlighted, clean console, axe-core content on a 375 px phone."""
    from axe_playwright_python.sync_playwright import Axe

    context = new_context(browser, PHONE)
    page = context.new_page()
    log = PageLog(page, base_url)
    try:
        page.goto(f"{base_url}book/03_industries-code.html", wait_until="load")
        width = page.evaluate("document.scrollingElement.scrollWidth")
        # a keyword of any kind: .k (if, for), .kn (from, import), .kc (True) ...
        color = page.evaluate("getComputedStyle(document.querySelector('pre [class^=k]')).color")
        plain = page.evaluate("getComputedStyle(document.querySelector('pre')).color")
        results = Axe().run(page)
    finally:
        context.close()
    assert width <= PHONE["width"], f"the code page is {width} px wide on a {PHONE['width']} px phone"
    assert color != plain, "keywords are not highlighted on the code page"
    assert not log.console and not log.failed, log.console + log.failed
    serious = [v["id"] for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, f"axe-core on the code page: {serious}"


# -- the extension's helpers, no build and no browser -----------------------------------------


@pytest.fixture(scope="module")
def ext():
    return paths.load_script("book/_ext/sciencecity_code.py", "sciencecity_code")


THEMED_CSS = """
html[data-theme="light"] .highlight { background: #fefefe; color: #080808 }
html[data-theme="light"] .highlight .k { color: #6730C5 } /* Keyword */
html[data-theme="light"] .highlight .n { color: #080808 } /* Name */
html[data-theme="light"] .highlight .p { color: #080808 } /* Punctuation */
html[data-theme="light"] .highlight .c { color: #080808; font-style: italic } /* Comment */
html[data-theme="light"] .highlight .o { color: #080808 } /* Operator */
html[data-theme="dark"] .highlight { background: #2b2b2b; color: #F8F8F2 }
html[data-theme="dark"] .highlight .k { color: #DCC6E0 } /* Keyword */
html[data-theme="dark"] .highlight .n { color: #f8f8f2 } /* Name */
html[data-theme="dark"] .highlight .p { color: #F8F8F2 } /* Punctuation */
html[data-theme="dark"] .highlight .c { color: #F8F8F2; font-style: italic } /* Comment */
html[data-theme="dark"] .highlight .o { color: #FFA07A } /* Operator */
"""


def test_plain_tokens_are_those_drawn_as_plain_text_in_every_mode(ext):
    # .o is plain in the light mode only, .c is italic: both keep their spans.
    assert ext.plain_token_classes(THEMED_CSS) == {"n", "p"}
    assert ext.plain_token_classes(".highlight .n { color: #000 }") == frozenset()  # no modes: none


def test_unwrapping_keeps_the_code_and_the_coloured_tokens(ext):
    html = (
        '<pre><span class="k">import</span><span class="w"> </span><span class="n">a</span>'
        '<span class="p">.</span><span class="n">b</span> <span class="c1"># &lt;x&gt;</span></pre>'
    )
    out = ext.unwrap_plain_spans(html, frozenset({"n", "p", "w"}))
    assert out == '<pre><span class="k">import</span> a.b <span class="c1"># &lt;x&gt;</span></pre>'
    assert re.sub(r"<[^>]+>", "", out) == re.sub(r"<[^>]+>", "", html)
    assert ext.unwrap_plain_spans(html, frozenset()) == html


@pytest.mark.slow
def test_the_build_unwraps_with_the_theme_written_pygments_css(ext, built_html):
    """What the extension computed while writing pages is what the theme wrote at the end."""
    plain = ext.plain_token_classes((built_html / "_static" / "pygments.css").read_text(encoding="utf-8"))
    assert {"n", "p"} <= plain
    page = (built_html / "book" / "03_industries.html").read_text(encoding="utf-8")
    left = re.findall(r'<span class="(' + "|".join(plain) + r')">', page)
    assert not left, f"plain spans left in the page: {len(left)}"


@pytest.mark.slow
def test_every_notebook_chapter_has_a_code_page_with_all_its_cells(built_html):
    for name in NOTEBOOK_PAGES:
        chapter = (built_html / f"{name}.html").read_text(encoding="utf-8")
        code_page = (built_html / f"{name}-code.html").read_text(encoding="utf-8")
        n = len(code_cells(name))
        assert len(re.findall(r'<section id="cell-\d+"', code_page)) == n, name
        numbers = [int(k) for k in re.findall(r'<details class="[^"]*\bsc-code\b[^"]*" id="cell-(\d+)"', chapter)]
        assert numbers and set(numbers) <= set(range(1, n + 1)), name
        assert chapter.count("<noscript>") >= len(numbers), name


@pytest.mark.slow
def test_the_book_script_ships_without_comments_and_still_parses(built_html):
    """book/_ext/sciencecity_html.py strips the comments of the shipped sciencecity.js."""
    import shutil
    import subprocess

    shipped = built_html / "_static" / "sciencecity.js"
    source = paths.ROOT / "book" / "_static" / "sciencecity.js"
    text = shipped.read_text(encoding="utf-8")
    assert "/*" not in text and not re.search(r"^\s*//", text, re.M)
    assert len(text) < 0.7 * len(source.read_text(encoding="utf-8"))
    assert "sc-code" in text  # the code cells' part is there
    node = shutil.which("node")
    assert node, "node is needed (Node 20, as for the bench)"
    result = subprocess.run([node, "--check", str(shipped)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
