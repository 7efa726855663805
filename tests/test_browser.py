"""The book as readers meet it: every page of the table of contents in Chromium.

The built HTML (BOOK_HTML, default <root>/_build/html, written by `make book`) is served on
127.0.0.1 (a free port) by tools/serve.py, with gzip as a static host would, and driven with
Playwright in Debian's Chromium (/usr/bin/chromium). A missing Chromium or a missing build FAILS
these tests (run `make deps`, `make book`); they never skip.

What a page must do, for every page in _toc.yml:
- load with no console error, no uncaught exception, no failed request (network error or
  HTTP status >= 400), no request to another origin and no web font (the theme's Font Awesome
  font is replaced by the book's CSS icons: see book/_static/sciencecity.css);
- show every image (naturalWidth > 0) with alt text that describes it: at least three words
  and fifteen characters, not a file name; an SVG drawn as an image (formulas) has a name;
- not scroll sideways on a 375 px wide phone (emulated: touch, device pixel ratio 2):
  document.scrollingElement.scrollWidth <= innerWidth, and innerWidth still 375 (a phone
  widens its layout viewport to content wider than the screen and zooms out). Decision: a
  wide table, formula or code block may scroll inside its own box (the book's CSS gives
  outputs `overflow-x: auto`), which readers expect on a phone; the PAGE
  itself must never scroll sideways. The failure message names the elements that stick out;
- pass axe-core (axe-playwright-python) with no serious or critical violation.
And for the book: "next" from the first page walks every chapter in toc order (and "previous"
walks back); the sidebar links every chapter, also on a phone after opening the menu; the
search page finds 璧山, Bishan, 19.8 and 直管园 on their pages (book/_ext/sciencecity_html.py
explains why a number and a glossary term need the book's search extension).
"""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path

import pytest

from sciencecity.reading import paths
from sciencecity.rules import checked

pytestmark = [pytest.mark.browser, pytest.mark.slow]

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}
# A phone: touch, overlay scrollbars, the page's <meta name="viewport"> honoured.
PHONE_OPTIONS = {"is_mobile": True, "has_touch": True, "device_scale_factor": 2}
FONT_FILE = re.compile(r"\.(woff2?|ttf|otf|eot)(\?|$)", re.I)
IMAGE_NAME = re.compile(r"^\S+\.(png|jpe?g|gif|svg|webp)$", re.I)


def html_dir() -> Path:
    return Path(os.environ.get("BOOK_HTML") or paths.ROOT / "_build" / "html")


PAGES = paths.toc_docnames()
CHAPTER_PAGES = PAGES[1:]  # every page but the root (the landing page)


def _load_tool(name: str):
    return paths.load_script(f"tools/{name}.py")


_chromium = _load_tool("chromium")
CHROMIUM, CHROME_ARGS = _chromium.CHROMIUM, _chromium.CHROME_ARGS


def _load_serve():
    return _load_tool("serve")


# -- fixtures --------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def built_html() -> Path:
    root = html_dir()
    if not (root / "search.html").is_file():
        pytest.fail(f"no built book in {root}: run `make book` (or set BOOK_HTML)", pytrace=False)
    return root


@pytest.fixture(scope="module")
def base_url(built_html: Path):
    with _load_serve().serving(built_html) as url:
        yield url


# Module scope: Playwright's sync API allows one instance at a time in a thread, and
# tests/test_pdf.py (tools/pdf.py) starts its own once this module is done.
@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make deps` (tools/system-deps.sh chromium)", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_ARGS)
        yield browser
        browser.close()


class PageLog:
    """What went wrong while a page was open: console errors, exceptions, bad requests."""

    def __init__(self, page, base_url: str):
        self.base_url = base_url
        self.console: list[str] = []
        self.failed: list[str] = []
        self.foreign: list[str] = []
        self.fonts: list[str] = []
        page.on("console", self._on_console)
        page.on("pageerror", lambda exc: self.console.append(f"uncaught exception: {exc}"))
        page.on("requestfailed", lambda req: self.failed.append(f"{req.url} ({req.failure})"))
        page.on("response", self._on_response)
        page.on("request", self._on_request)

    def _on_console(self, msg) -> None:
        if msg.type == "error":
            self.console.append(f"{msg.text} (at {msg.location.get('url', '?')})")

    def _on_response(self, resp) -> None:
        if resp.status >= 400:
            self.failed.append(f"{resp.url} (HTTP {resp.status})")

    def _on_request(self, req) -> None:
        if req.url.startswith("data:"):
            return
        if not req.url.startswith(self.base_url):
            self.foreign.append(req.url)
        if FONT_FILE.search(urllib.parse.urlsplit(req.url).path):
            self.fonts.append(req.url)


SCROLL_THROUGH = """async () => {
  // A reader scrolling would trigger every lazy image; a busy test machine may scroll faster
  // than the lazy-loading observer fires, so ask for each image outright as well.
  for (const img of document.images) { img.loading = "eager"; }
  for (const img of document.images) {
    img.scrollIntoView({block: "center"});
    await new Promise(resolve => setTimeout(resolve, 30));
  }
  window.scrollTo(0, document.scrollingElement.scrollHeight);
}"""


def new_context(browser, viewport: dict):
    return browser.new_context(viewport=viewport, **(PHONE_OPTIONS if viewport is PHONE else {}))


def open_page(browser, base_url: str, path: str, viewport: dict):
    context = new_context(browser, viewport)
    page = context.new_page()
    log = PageLog(page, base_url)
    page.goto(base_url + path, wait_until="load")
    # Every image in, the lazy ones too (loading="lazy": fetched when the reader scrolls near
    # them), as a reader scrolling through the page would have them.
    page.evaluate(SCROLL_THROUGH)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("[...document.images].every(img => img.complete)", timeout=15_000)
    page.evaluate("window.scrollTo(0, 0)")
    return context, page, log


@pytest.fixture(scope="module")
def loaded(browser, base_url):
    """Open each (page, viewport) once for all the per-page tests: `loaded(name, viewport)`."""
    cache = {}

    def get(name: str, viewport: dict):
        key = (name, viewport["width"])
        if key not in cache:
            cache[key] = open_page(browser, base_url, page_url(name), viewport)
        return cache[key][1], cache[key][2]

    yield get
    for context, _, _ in cache.values():
        context.close()


def page_url(name: str) -> str:
    return f"{name}.html"


def docname_of(url: str, base_url: str) -> str:
    path = urllib.parse.urlsplit(url).path
    base_path = urllib.parse.urlsplit(base_url).path
    return path[len(base_path) :].removesuffix(".html")


# -- every page ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_page_loads_cleanly(loaded, name, viewport):
    page, log = loaded(name, viewport)
    assert page.title(), f"{name}: no <title>"
    assert not log.console, f"{name}: console errors:\n  " + "\n  ".join(log.console)
    assert not log.failed, f"{name}: failed requests:\n  " + "\n  ".join(log.failed)
    assert not log.foreign, f"{name}: requests to other origins:\n  " + "\n  ".join(log.foreign)
    assert not log.fonts, (
        f"{name}: web fonts downloaded (an icon without a rule in "
        "book/_static/sciencecity.css?):\n  " + "\n  ".join(log.fonts)
    )


@pytest.mark.parametrize("name", PAGES)
def test_images_load_and_have_descriptive_alt_text(loaded, name):
    page, log = loaded(name, DESKTOP)
    images = page.evaluate("""() => [...document.images].map(img => ({
        src: img.getAttribute('src'), alt: img.getAttribute('alt'),
        width: img.naturalWidth,
        figure: img.closest('figure')?.id || img.closest('[id]')?.id || ''}))""")
    problems = []
    for img in images:
        where = f"<img src={img['src']!r}> (in #{img['figure']})"
        alt = (img["alt"] or "").strip()
        if img["width"] == 0:
            problems.append(f"{where}: does not load (naturalWidth 0)")
        if not alt:
            problems.append(f"{where}: no alt text")
        elif (
            IMAGE_NAME.match(alt)
            or alt.lower().endswith((".png", ".svg", ".jpg"))
            or len(alt.split()) < 3
            or len(alt) < 15
        ):
            problems.append(f"{where}: alt text does not describe the image: {alt!r}")
    svgs = page.evaluate("""() => [...document.querySelectorAll('svg[role=img]')].map(s =>
        (s.getAttribute('aria-label') || s.querySelector('title')?.textContent || '').trim())""")
    problems += [f"an <svg role=img> without a name (#{i})" for i, label in enumerate(svgs) if not label]
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


STICKING_OUT = """() => {
  const width = window.innerWidth, out = [];
  const scrolls = el => { for (let a = el.parentElement; a; a = a.parentElement) {
      const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return true; }
    return false; };
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (r.width && r.right > width + 1 && !scrolls(el) && getComputedStyle(el).position !== 'fixed') {
      const id = el.id ? '#' + el.id : '';
      const cls = typeof el.className === 'string' && el.className
        ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
      const section = el.closest('section[id]')?.id || '';
      out.push(`${el.tagName.toLowerCase()}${id}${cls} right=${Math.round(r.right)}px in section #${section}: `
               + JSON.stringify((el.textContent || '').trim().slice(0, 60)));
    }
  }
  return out.slice(0, 12);
}"""


@pytest.mark.parametrize("name", PAGES)
def test_nothing_scrolls_sideways_on_a_phone(loaded, name):
    page, log = loaded(name, PHONE)
    scroll_width, inner_width = page.evaluate("[document.scrollingElement.scrollWidth, window.innerWidth]")
    # A phone widens its layout viewport (innerWidth) to content wider than the screen and
    # zooms out, so the page is compared with the screen's width as well as with innerWidth.
    if scroll_width > inner_width or inner_width > PHONE["width"]:
        culprits = page.evaluate(STICKING_OUT.replace("window.innerWidth", str(PHONE["width"])))
        pytest.fail(
            f"{name}: the page is {scroll_width} px wide on a {PHONE['width']} px phone "
            f"(innerWidth {inner_width}); elements sticking out:\n  " + "\n  ".join(culprits),
            pytrace=False,
        )


@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_no_serious_accessibility_violation(loaded, name, viewport):
    from axe_playwright_python.sync_playwright import Axe

    page, log = loaded(name, viewport)
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v.get("impact") in ("serious", "critical")]
    lines = []
    for v in serious:
        targets = ", ".join(" ".join(map(str, n["target"])) for n in v["nodes"][:5])
        lines.append(
            f"{v['impact']}: {v['id']} ({v['help']}) at {targets}"
            + (f" and {len(v['nodes']) - 5} more" if len(v["nodes"]) > 5 else "")
        )
    assert not serious, f"{name}: axe-core found:\n  " + "\n  ".join(lines)


@pytest.mark.parametrize("name", PAGES)
def test_theme_icons_are_drawn_by_the_book_css(loaded, name):
    """Font Awesome is gone (book/_templates/layout.html): every icon must have a mask."""
    page, log = loaded(name, DESKTOP)
    missing = page.evaluate("""() => [...document.querySelectorAll('[class*="fa-"]')]
        .filter(el => [...el.classList].some(c => /^fa-(solid|regular|brands)$|^fa[srb]?$/.test(c)))
        .filter(el => getComputedStyle(el, '::before').maskImage === 'none'
                      && getComputedStyle(el, '::before').webkitMaskImage === 'none')
        .map(el => el.className)""")
    assert not missing, f"{name}: icons without a rule in book/_static/sciencecity.css: {sorted(set(missing))}"


# -- the book as a whole ---------------------------------------------------------------------


def test_next_links_walk_the_table_of_contents(browser, base_url):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(base_url + page_url(PAGES[0]))
        visited = [docname_of(page.url, base_url)]
        while (link := page.locator("a.right-next")).count():
            link.first.click()
            page.wait_for_load_state("load")
            visited.append(docname_of(page.url, base_url))
            assert len(visited) <= len(PAGES) + 1, f"'next' loops: {visited}"
        assert visited == PAGES, f"following 'next' from the first page visits {visited}, toc order is {PAGES}"
        back = [visited[-1]]
        while (link := page.locator("a.left-prev")).count():
            link.first.click()
            page.wait_for_load_state("load")
            back.append(docname_of(page.url, base_url))
            assert len(back) <= len(PAGES) + 1, f"'previous' loops: {back}"
        assert back == PAGES[::-1], f"following 'previous' from the last page visits {back}"
    finally:
        context.close()


SIDEBAR_LINKS = """() => [...document.querySelectorAll('nav.bd-docs-nav a.reference.internal')]
    .filter(a => a.offsetParent !== null || a.getClientRects().length).map(a => a.href)"""


@pytest.mark.parametrize("name", [PAGES[0], PAGES[-1]])
def test_sidebar_links_every_chapter(browser, base_url, name):
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    try:
        page.goto(base_url + page_url(name))
        linked = {docname_of(href.split("#")[0], base_url) for href in page.evaluate(SIDEBAR_LINKS)}
        missing = [c for c in CHAPTER_PAGES if c not in linked]
        assert not missing, f"{name}: the sidebar does not link {missing} (links: {sorted(linked)})"
    finally:
        context.close()


def test_sidebar_opens_on_a_phone(browser, base_url):
    context = new_context(browser, PHONE)
    page = context.new_page()
    try:
        page.goto(base_url + page_url(PAGES[1]))
        page.wait_for_load_state("networkidle")
        # The theme shows the sidebar in a dialog on narrow screens.
        target = page.locator(f"nav.bd-docs-nav a[href$='{Path(CHAPTER_PAGES[-1]).name}.html']:visible")
        assert target.count() == 0, "on a phone the sidebar should start closed"
        page.locator("button.primary-toggle:visible").first.click()
        target.first.wait_for(state="visible", timeout=5_000)
        target.first.click()
        page.wait_for_load_state("load")
        assert docname_of(page.url, base_url) == CHAPTER_PAGES[-1]
    finally:
        context.close()


# Each query must find its chapter (what the final book says: 璧山/Bishan in the industries
# chapter and the source chapter, 19.8 in the growth chapter and the source chapter, 直管园 in
# the glossary).
SEARCHES = [
    ("璧山", "book/03_industries"),
    ("璧山", "book/08_source"),
    ("Bishan", "book/03_industries"),
    ("Bishan", "book/08_source"),
    ("19.8", "book/02_growth"),
    ("19.8", "book/08_source"),
    ("直管园", "book/glossary"),
]


@pytest.fixture(scope="module")
def search_results(browser, base_url):
    """query -> the pages search.html lists for it (all queries in one browser context)."""
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    log = PageLog(page, base_url)
    found = {}
    try:
        for query in dict.fromkeys(q for q, _ in SEARCHES):
            page.goto(base_url + "search.html?q=" + urllib.parse.quote(query))
            page.wait_for_function(
                "(document.querySelector('#search-results .search-summary')?.textContent || '').length > 0",
                timeout=20_000,
            )
            hrefs = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(a => a.href)")
            found[query] = {docname_of(h.split("?")[0].split("#")[0], base_url) for h in hrefs}
        assert not log.console, "search page console errors:\n  " + "\n  ".join(log.console)
        yield found
    finally:
        context.close()


@pytest.mark.parametrize(("query", "page_name"), SEARCHES, ids=[f"{q}-{p.split('/')[-1]}" for q, p in SEARCHES])
def test_search_finds(search_results, query, page_name):
    assert page_name in search_results[query], (
        f"searching {query!r} does not list {page_name}; it lists {sorted(search_results[query])}"
    )


# -- what the HTML must not carry (no browser needed) ----------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_pages_do_not_load_what_readers_do_not_need(built_html, name):
    text = (built_html / f"{name}.html").read_text(encoding="utf-8")
    loaded = re.findall(r'(?:src|href)="([^"]+)"', text)
    for heavy in (
        "fontawesome",
        "searchindex.js",
        "searchtools.js",
        "mathjax",
        "thebe",
        "togglebutton",
        "copybutton",
        "clipboard",
        "design-tabs",
        "sphinx-design",
    ):
        assert not [url for url in loaded if heavy in url.lower()], f"{name} still loads {heavy}"
    assert re.search(r'<meta name="description" content="[^"]{40,}"', text), f"{name}: no meta description"
    assert re.search(r'<html[^>]* lang="en"', text), f"{name}: no lang attribute"
    # The default mode the theme needs (else "Got invalid theme mode" in the console of every
    # page, which test_page_loads_cleanly would catch).
    assert 'data-theme="light"' in text, f"{name}: no default theme mode"


# -- the map of the science city on a phone (chapter "place") --------------------------------


def test_place_map_reads_on_a_phone_through_its_table(loaded):
    """On a 375 px phone the map's labels shrink below legibility, so its companion table
    (#place-zone-table in book/01_place) carries the same content: every zone with its district
    and every positioning item of data/zone_industries.csv, in Chinese and English. The table must
    fit the screen (no cell past its right edge, so nothing hides in a sideways scroll) and its
    text must be at least 12 CSS px; the map itself must be drawn the full width of the text."""

    page, log = loaded("book/01_place", PHONE)
    table = page.query_selector("#place-zone-table table")
    assert table is not None, "book/01_place: no companion table #place-zone-table"
    text = table.inner_text()
    items = checked.load_table("zone_industries")
    zones = checked.load_table("zones")
    missing = [
        s
        for s in [*items["item_zh"], *items["item_en"], *zones["zone_zh"], *zones["district_zh"]]
        if s and s not in text
    ]
    assert not missing, f"the companion table lacks: {missing}"
    cells = page.evaluate("""() => [...document.querySelectorAll('#place-zone-table th, #place-zone-table td')]
        .map(c => { const r = c.getBoundingClientRect();
                    return {text: c.innerText.slice(0, 30), left: r.left, right: r.right,
                            size: parseFloat(getComputedStyle(c).fontSize)}; })""")
    too_wide = [c for c in cells if c["right"] > PHONE["width"] + 0.5 or c["left"] < 0]
    too_small = [c for c in cells if c["size"] < 12]
    assert not too_wide, f"cells past the {PHONE['width']} px screen: {too_wide[:4]}"
    assert not too_small, f"cells in type under 12 px: {too_small[:4]}"
    width = page.evaluate("""() => { const img = document.querySelector('#fig-place-map img');
        const p = document.querySelector('#place-zone-table').closest('section');
        return img && p ? [img.getBoundingClientRect().width, p.getBoundingClientRect().width] : null; }""")
    assert width is not None, "no map image in #fig-place-map"
    assert width[0] >= 0.9 * width[1], f"the map is drawn {width[0]:.0f} px wide in a {width[1]:.0f} px column"


# -- English in a Latin face (book/_static/sciencecity.css, section 2) -----------------------

APOSTROPHES = """() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('article.bd-article') || document.body,
                                           NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && out.length < 40; node = walker.nextNode()) {
    const parent = node.parentElement;
    const block = parent && parent.closest('p, li, h1, h2, h3, h4, dd, figcaption');
    if (!block || parent.closest('pre, code, table')) continue;
    const text = node.textContent;
    for (let i = text.indexOf('\\u2019'); i >= 0 && out.length < 40; i = text.indexOf('\\u2019', i + 1)) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const em = parseFloat(getComputedStyle(parent).fontSize);
      out.push({width: range.getBoundingClientRect().width, em,
                tag: block.tagName.toLowerCase(),
                context: text.slice(Math.max(0, i - 12), i + 6)});
    }
  }
  return out;
}"""


def test_apostrophes_are_drawn_in_a_latin_face(loaded):
    """’ in English text is narrower than half an em: drawn by a Latin face, not by the CJK
    font (where it is full-width, one em: "article’ s"). Every page is read; at least one
    page must have an apostrophe in its body text, or the test would prove nothing."""
    measured, wide = 0, []
    for name in PAGES:
        page, log = loaded(name, DESKTOP)
        for m in page.evaluate(APOSTROPHES):
            measured += 1
            if m["width"] >= 0.5 * m["em"]:
                wide.append(f"{name} <{m['tag']}> {m['context']!r}: {m['width']:.1f} px at {m['em']:.0f} px/em")
    assert measured, "no ’ in the body text of any page: the test measured nothing"
    assert not wide, f"{len(wide)} of {measured} apostrophes are half an em or wider:\n  " + "\n  ".join(wide[:10])
