"""Sphinx extension of the book: every chart served in the layout of the reader's screen, sharp.

A chapter glues its chart's desktop PNG (720 px) into a ``{glue:figure}`` named ``fig-…``;
the same call (``sciencecity.presentation.style.chart``) writes, in ``book/chart-images/``, the desktop
chart at twice the width, the phone layout (360 px, and twice that) and ``fig-….json``, the
record of each layout's size and smallest text. For every figure whose name has such a record,
this extension rewrites the figure's ``<img>`` into

    <picture class="sc-chart" data-chart-text="{…the record…}">
      <source media="(max-width: 600px)" srcset="…-phone.png 1x, …-phone@2x.png 2x" width height>
      <img src="(the glued 720 px PNG)" srcset="… 1x, …@2x.png 2x" …(alt, size as before)>
    </picture>

so a phone downloads the phone layout only, a 2x screen (and the PDF, printed at 2x by
tools/pdf.py) a source twice as wide as it shows, and everything else what it got before.
Caption, alt text and the data link stay those of the figure, shared by both layouts. The
images are copied to ``_images/charts/`` of the output. A figure with a record but a missing
image fails the build. tests/test_chart_screens.py checks the result in Chromium.
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.errors import ExtensionError

#: Where sciencecity.presentation.style.chart writes the images (relative to the project root, the srcdir).
CHART_IMAGES = Path("book") / "chart-images"
#: Where they go in the built site.
OUT_DIR = "_images/charts"
#: Screens up to this width (CSS px) get the phone layout (sciencecity.presentation.style.PHONE_MAX_WIDTH).
PHONE_MEDIA = "(max-width: 600px)"

#: What of the record goes into the page (the browser test's measure; not the chart's texts).
PAGE_KEYS = ("width", "height", "min_text_px", "min_text")

FIGURE_IMG = re.compile(r'(<figure\b[^>]*\bid="(fig-[a-z0-9-]+)"[^>]*>\s*)<img\b([^>]*?)\s*/?>')


def _record(app: Sphinx, name: str) -> dict | None:
    path = Path(app.srcdir) / CHART_IMAGES / f"{name}.json"
    if not path.is_file():
        return None
    record = json.loads(path.read_text(encoding="utf-8"))
    for file_name in (f"{name}@2x.png", f"{name}-phone.png", f"{name}-phone@2x.png"):
        if not (path.parent / file_name).is_file():
            raise ExtensionError(f"{path}: the chart's image {file_name} is missing (re-execute its notebook)")
    return record


def picture(match: re.Match, record: dict) -> str:
    """The ``<picture>`` for one figure's ``<img>`` (``match`` of :data:`FIGURE_IMG`)."""
    head, name, attrs = match.group(1), match.group(2), match.group(3)
    src = re.search(r'\bsrc="([^"]+)"', attrs)
    if not src or "_images/" not in src.group(1):
        return match.group(0)
    prefix = src.group(1).split("_images/")[0] + OUT_DIR + "/"
    phone = record["phone"]
    source = (
        f'<source media="{PHONE_MEDIA}" srcset="{prefix}{name}-phone.png 1x, {prefix}{name}-phone@2x.png 2x" '
        f'width="{phone["width"]}" height="{phone["height"]}" />'
    )
    img = f'<img{attrs} srcset="{src.group(1)} 1x, {prefix}{name}@2x.png 2x" />'
    sizes = {layout: {k: v for k, v in drawn.items() if k in PAGE_KEYS} for layout, drawn in record.items()}
    data = html.escape(json.dumps(sizes, ensure_ascii=False, sort_keys=True), quote=True)
    return f'{head}<picture class="sc-chart" data-chart-text="{data}">{source}{img}</picture>'


def serve_layouts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    body = context.get("body")
    if not body or "<figure" not in body:
        return

    def rewrite(match: re.Match) -> str:
        record = _record(app, match.group(2))
        return picture(match, record) if record else match.group(0)

    context["body"] = FIGURE_IMG.sub(rewrite, body)


def copy_images(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    source = Path(app.srcdir) / CHART_IMAGES
    target = Path(app.outdir) / OUT_DIR
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(source.glob("*.png")):
        shutil.copyfile(path, target / path.name)


def setup(app: Sphinx) -> dict[str, Any]:
    # Before sciencecity_html's size_and_defer_images (priority 500), which then sizes and
    # defers the <img> inside the <picture> as any other.
    app.connect("html-page-context", serve_layouts, priority=450)
    app.connect("build-finished", copy_images)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
