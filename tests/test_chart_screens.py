"""Charts made for the screen they are on: read on a phone, sharp on a 2x screen, one download.

Every chart of the book (a ``<figure id="fig-…">`` holding an image, on any page of _toc.yml)
is checked in Chromium, on the built book served as in tests/test_browser.py:

- on a 375 px phone (device pixel ratio 2) its smallest text is displayed at least 10 CSS px
  tall. The size comes from the record the chart's drawing wrote (book/chart-images/fig-….json,
  carried into the page as the ``<picture>``'s ``data-chart-text`` by
  book/_ext/sciencecity_figures.py): the smallest font size Matplotlib drew, in px of the
  image at 1x, times the scale at which the page displays the image the browser chose. A chart
  without that record fails (its text size is unknown);
- on a desktop of device pixel ratio 2 the image the browser chose is at least 1.8 times as
  wide (in pixels) as it is displayed (in CSS px), or is an SVG;
- a phone downloads one layout of each chart, not both: exactly one image request per chart,
  and none for a desktop image.
"""

from __future__ import annotations

import json
import re
import urllib.parse

import pytest

from tests.test_browser import (
    DESKTOP,
    PAGES,
    PHONE,
    SCROLL_THROUGH,
    base_url,  # noqa: F401 (fixture)
    browser,  # noqa: F401 (fixture)
    built_html,  # noqa: F401 (fixture)
    html_dir,
    page_url,
)

pytestmark = [pytest.mark.browser, pytest.mark.slow]

MIN_PHONE_TEXT_PX = 10.0
MIN_SHARPNESS = 1.8
FIGURE = re.compile(
    r'<figure\b[^>]*\bid="(fig-[a-z0-9-]+)"[^>]*>\s*(?:<picture\b[^>]*>\s*(?:<source\b[^>]*>\s*)*)?<img\b'
)


def chart_pages() -> list[str]:
    """The pages of the table of contents that hold a chart, from the built HTML."""
    found = []
    for name in PAGES:
        path = html_dir() / f"{name}.html"
        if path.is_file() and FIGURE.search(path.read_text(encoding="utf-8")):
            found.append(name)
    return found


CHART_PAGES = chart_pages()

# naturalWidth of an image chosen from a srcset is divided by its density (a 1440 px "2x" source
# reports 720), so the source's own width is read by loading it again, without a srcset.
CHARTS = """async () => Promise.all([...document.querySelectorAll('article figure[id^="fig-"]')]
  .filter(f => f.querySelector('img'))
  .map(f => new Promise(resolve => {
    const img = f.querySelector('img'), r = img.getBoundingClientRect(), probe = new Image();
    const result = pixels => resolve({id: f.id, current: img.currentSrc, src: img.src, natural: pixels,
        shown: r.width, record: img.closest('picture')?.dataset.chartText || null});
    probe.onload = () => result(probe.naturalWidth);
    probe.onerror = () => result(0);
    probe.src = img.currentSrc;
  })))"""


def open_chart_page(browser, base_url: str, name: str, viewport: dict, scale: float):  # noqa: F811
    context = browser.new_context(
        viewport=viewport,
        device_scale_factor=scale,
        **({"is_mobile": True, "has_touch": True} if viewport is PHONE else {}),
    )
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda req: requests.append(req.url))
    page.goto(base_url + page_url(name), wait_until="load")
    page.evaluate(SCROLL_THROUGH)
    page.wait_for_load_state("networkidle")
    page.wait_for_function("[...document.images].every(img => img.complete)", timeout=15_000)
    return context, page, requests


@pytest.fixture(scope="module")
def opened(browser, base_url):  # noqa: F811
    cache = {}

    def get(name: str, viewport: dict, scale: float):
        key = (name, viewport["width"], scale)
        if key not in cache:
            cache[key] = open_chart_page(browser, base_url, name, viewport, scale)
        return cache[key][1], cache[key][2]

    yield get
    for context, _, _ in cache.values():
        context.close()


def test_the_book_has_charts():
    assert len(CHART_PAGES) >= 5, f"charts found only on {CHART_PAGES}: is the book built (make book)?"


@pytest.mark.parametrize("name", CHART_PAGES)
def test_chart_text_reads_on_a_phone(opened, name):
    page, _ = opened(name, PHONE, 2)
    charts = page.evaluate(CHARTS)
    assert charts, f"{name}: no chart found in the page"
    problems, sizes = [], {}
    for chart in charts:
        if not chart["record"]:
            problems.append(f"#{chart['id']}: no record of its text sizes (data-chart-text): size unknown")
            continue
        record = json.loads(chart["record"])
        layout = "phone" if "-phone" in urllib.parse.urlsplit(chart["current"]).path else "desktop"
        if layout != "phone":
            problems.append(f"#{chart['id']}: a 375 px phone got the {layout} layout ({chart['current']})")
        drawn = record[layout]
        shown = drawn["min_text_px"] * chart["shown"] / drawn["width"]
        sizes[chart["id"]] = round(shown, 1)
        if shown < MIN_PHONE_TEXT_PX:
            problems.append(
                f"#{chart['id']}: smallest text {drawn['min_text']!r} shown at {shown:.1f} CSS px "
                f"(chart {chart['shown']:.0f} px wide), under {MIN_PHONE_TEXT_PX:g}"
            )
    print(f"{name}: smallest chart text on a 375 px phone (CSS px): {sizes}")
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", CHART_PAGES)
def test_charts_are_sharp_on_a_2x_desktop(opened, name):
    page, _ = opened(name, DESKTOP, 2)
    problems = []
    for chart in page.evaluate(CHARTS):
        if urllib.parse.urlsplit(chart["current"]).path.endswith(".svg"):
            continue
        ratio = chart["natural"] / chart["shown"] if chart["shown"] else 0
        if ratio < MIN_SHARPNESS:
            problems.append(
                f"#{chart['id']}: {chart['natural']} px source shown {chart['shown']:.0f} CSS px wide "
                f"(×{ratio:.2f} < {MIN_SHARPNESS}): {chart['current']}"
            )
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("name", CHART_PAGES)
def test_a_phone_downloads_one_layout_per_chart(opened, name):
    page, requests = opened(name, PHONE, 2)
    charts = page.evaluate(CHARTS)
    glued = {chart["src"] for chart in charts}
    images = [u for u in requests if urllib.parse.urlsplit(u).path.endswith((".png", ".svg", ".jpg", ".webp"))]
    fetched_desktop = [u for u in images if u in glued or ("/_images/charts/" in u and "-phone" not in u)]
    assert not fetched_desktop, f"{name}: a phone downloaded desktop images: {fetched_desktop}"
    for chart in charts:
        got = [u for u in images if u == chart["current"]]
        assert len(got) == 1, f"{name} #{chart['id']}: {len(got)} requests for {chart['current']}"
    chart_images = [u for u in images if "/_images/" in u]
    assert len(chart_images) == len(charts), (
        f"{name}: {len(chart_images)} image requests for {len(charts)} charts:\n  " + "\n  ".join(chart_images)
    )
