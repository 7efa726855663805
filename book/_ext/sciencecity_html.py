r"""Sphinx extension of the book: what readers meet in the HTML.

Loaded by _config.yml (sphinx.local_extensions). Six things, each small:

1. Search that finds numbers and glossary terms (html_search_language: zh).
   Sphinx's Chinese search language splits the text with jieba, plus a regex for Latin words,
   ``[a-zA-Z0-9_]+``; the query is split in the browser by ``splitQuery`` on every character that
   is not a letter or digit, and searchtools.js then drops every query term made of digits only.
   So "19.8" was indexed as "19" (and "19.8%" when jieba saw a percent sign), the query became
   "19" + "8", both were dropped, and the search found nothing. Here the index also keeps decimal
   numbers whole (``19.8``), and ``splitQuery`` (written into language_data.js) keeps "19.8" as
   one term, which is not digits-only and so is searched.
   jieba does not know the book's own terms: 直管园 was cut into 直管 + 园, so a search for
   直管园 (one term in the browser, which has no jieba) matched only the glossary entry. Every
   glossary term written in Chinese characters is added to jieba's dictionary before the index
   is written, so 直管园 is indexed as a word wherever it occurs.

2. A meta description on every page (Lighthouse SEO): the page's first paragraph (for a chapter,
   its "What this chapter shows." paragraph), cut at a word boundary to at most 155 characters;
   pages without text (search, index) get ``sciencecity_description``. A page that sets its own
   (MyST front matter ``html_meta: {description: ...}``) keeps it.

3. Bibliography entries that assistive technology accepts. docutils writes each entry as
   <div class="citation" role="doc-biblioentry"> inside <div role="list">: doc-biblioentry is
   deprecated (DPUB-ARIA 1.1), not allowed on a div, and leaves the list without list items;
   axe-core reports three serious violations on the references page. The entries become
   role="listitem" (the page's rendered body is edited, nothing else).

4. Less in the way of the first paint (Lighthouse performance on a phone):
   - doctools.js, sphinx_highlight.js and the book theme's script are loaded with `defer`
     (they only act once the document is parsed); documentation_options.js stays as it is,
     since the theme's inline scripts set values on it. Not on search.html, whose
     searchtools.js calls doctools' `_ready` as soon as it runs.
   - The theme's stylesheet (pydata-sphinx-theme.css, render-blocking, 397 KB, 66 KB gzipped)
     carries Font Awesome's class rules: one `.fa-xxx:before{content:"\f0c9"}` per icon,
     1,881 of them (86 KB, 20 KB gzipped). No page uses them: the book's CSS draws the
     few icons the theme shows and sets their content itself. They are removed from the copy
     in the build's _static/ once the build has finished (the theme's own file is untouched).
   - The book's script (_static/sciencecity.js) is shipped without its comments, which
     explain it to developers, not readers (about half its bytes).

5. Mathematics drawn at build time. Sphinx's default renderer puts MathJax on every page with
   a formula: about 1 MB of script and its web fonts, fetched from a CDN (blocked in
   a closed network, a third party for readers), then typeset on the reader's phone. The
   book's few formulas (growth chapter) are simple, so matplotlib's mathtext (TeX subset; the
   book already depends on matplotlib) draws each one as an inline SVG at build time:
   Computer Modern glyphs as paths in the text colour, no script, no request; role="img" with
   the TeX source as its accessible name. A formula mathtext cannot draw is a warning (so the
   strict build fails and names it) and is shown as its TeX source.

6. Images that do not hold up the page: every <img> gets its intrinsic width and height (so
   the browser keeps its space before it loads: no layout shift) and decoding="async"; every
   image after the first one of a page gets loading="lazy", so a phone fetches a figure when
   the reader scrolls near it instead of with the page (Lighthouse: "defer offscreen images").

Lighter pages also come from _config.yml (extensions removed) and from the layout override
book/_templates/layout.html (no Font Awesome script, no search scripts on pages other than
search.html); the icons the theme needs are drawn by book/_static/sciencecity.css; the
code cells stay out of the page until opened (book/_ext/sciencecity_code.py).
tests/test_browser.py checks all of it in Chromium; bench/results.md has the numbers.
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.search.zh import SearchChinese

__version__ = "1.0"

# The query splitter used in the browser (language_data.js): Sphinx's default
# (letters, numbers, underscore, emoji) but a decimal number such as 19.8 or 1,234.5 stays whole.
JS_SPLITTER = r"""
/* book/_ext/sciencecity_html.py: keep decimal numbers (19.8) as one search term. */
var splitQuery = (query) =>
  query.match(/\p{Number}+(?:[.,]\p{Number}+)+|[\p{Letter}\p{Number}_\p{Emoji_Presentation}]+/gu) || [];
"""

HAN_WORD = re.compile(r"^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$")


class SearchChineseNumbers(SearchChinese):
    """Sphinx's zh search language, with decimal numbers kept whole (index and query)."""

    lang = "zh"
    # Decimal numbers first (19.8, 1,234.5), then Latin words as Sphinx's zh splitter does.
    latin1_letters = re.compile(r"\d+(?:[.,]\d+)+|[a-zA-Z0-9_]+")
    js_splitter_code = JS_SPLITTER

    def split(self, input: str) -> list[str]:
        words = super().split(input)
        # jieba gives "19.8%": also index the number without the sign (a reader types 19.8).
        return words + [w.rstrip("%％") for w in words if w[-1:] in "%％" and len(w) > 1]


def add_glossary_terms_to_jieba(app: Sphinx, env) -> None:
    """Before the search index is written: every Han-only glossary term is one jieba word."""
    try:
        import jieba
    except ImportError:  # Sphinx's zh search then falls back to no segmentation at all
        return
    std = env.get_domain("std")
    for (objtype, name), _ in sorted(std.objects.items()):
        if objtype == "term" and HAN_WORD.match(name):
            jieba.add_word(name, freq=None)


def _first_paragraph(doctree: nodes.Node) -> str:
    for para in doctree.findall(nodes.paragraph):
        # Skip paragraphs in the sidebar-like bits: admonitions, captions, footnotes, tables.
        if any(
            isinstance(
                p,
                (
                    nodes.Admonition,
                    nodes.caption,
                    nodes.footnote,
                    nodes.table,
                    nodes.citation,
                    nodes.field_list,
                    nodes.definition_list,
                ),
            )
            for p in _ancestors(para)
        ):
            continue
        children = list(para.children)
        # A chapter's first paragraph opens with a bold label ("What this chapter shows."):
        # the description is what follows it. MyST puts an empty text node before the label.
        while children and isinstance(children[0], nodes.Text) and not children[0].astext().strip():
            children = children[1:]
        if children and isinstance(children[0], nodes.strong):
            children = children[1:]
        text = " ".join("".join(c.astext() for c in children).split())
        if len(text) >= 40:
            return text
    return ""


def _ancestors(node: nodes.Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def shorten(text: str, limit: int = 155) -> str:
    """`text` cut at a word boundary to at most `limit` characters (with an ellipsis)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:.") + "…"


def add_meta_description(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    metatags = context.get("metatags", "") or ""
    if re.search(r"""<meta\s+name=["']description["']""", metatags):
        return
    text = _first_paragraph(doctree) if doctree is not None else ""
    description = shorten(text) if text else app.config.sciencecity_description
    if description:
        context["metatags"] = metatags + f'\n<meta name="description" content="{html.escape(description)}" />'


def fix_bibliography_roles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    body = context.get("body")
    if body and 'role="doc-biblioentry"' in body:
        context["body"] = body.replace(' role="doc-biblioentry"', ' role="listitem"')


DEFERRED_SCRIPTS = {"_static/doctools.js", "_static/sphinx_highlight.js", "_static/scripts/sphinx-book-theme.js"}


def defer_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    if pagename == "search":
        return
    from sphinx.builders.html._assets import _JavaScript

    files = context.get("script_files")
    if not isinstance(files, list):
        return
    for i, js in enumerate(files):
        if (
            isinstance(js, _JavaScript)
            and str(js.filename) in DEFERRED_SCRIPTS
            and not {"defer", "async"} & set(js.attributes)
        ):
            # In place: the list is the builder's, which Sphinx restores before the next page.
            files[i] = _JavaScript(js.filename, priority=js.priority, **js.attributes, defer="defer")


# One Font Awesome class rule: `.fa-bars:before{content:"\f0c9"}`, or several selectors sharing
# one glyph: `.fa-navicon:before,.fa-bars:before{content:"\f0c9"}`.
FA_GLYPH_RULE = re.compile(r'(?:\.fa-[a-z0-9-]+:before,?)+\{content:"(?:[^"\\]|\\.)*"\}')
THEME_CSS = Path("_static") / "styles" / "pydata-sphinx-theme.css"


def strip_icon_rules(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    css_path = Path(app.outdir) / THEME_CSS
    if not css_path.is_file():
        return
    css = css_path.read_text(encoding="utf-8")
    stripped = FA_GLYPH_RULE.sub("", css)
    if stripped != css:
        css_path.write_text(stripped, encoding="utf-8")


BOOK_SCRIPT = Path("_static") / "sciencecity.js"
# A comment alone on its lines: /* ... */ from the start of a line, or a // line.
SCRIPT_COMMENT = re.compile(r"^[ \t]*(?:/\*.*?\*/|//[^\n]*)[ \t]*\n", re.M | re.S)


def strip_script_comments(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    path = Path(app.outdir) / BOOK_SCRIPT
    if path.is_file():
        path.write_text(SCRIPT_COMMENT.sub("", path.read_text(encoding="utf-8")), encoding="utf-8")


# -- images (6) ---------------------------------------------------------------------------

IMG_TAG = re.compile(r"<img\b([^>]*?)\s*/?>")


def _image_size(path: Path) -> tuple[int, int] | None:
    try:
        from PIL import Image

        with Image.open(path) as img:
            return img.size
    except Exception:  # not an image Pillow reads (SVG...), or missing: no size, no harm
        return None


def size_and_defer_images(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.Node | None
) -> None:
    body = context.get("body")
    if not body or "<img" not in body:
        return
    images = getattr(app.builder, "images", {})
    source_of = {posixpath.basename(dest): src for src, dest in images.items()}
    seen = 0

    def rewrite(match: re.Match) -> str:
        nonlocal seen
        seen += 1
        attrs = match.group(1)
        extra = []
        src = re.search(r'\bsrc="([^"]+)"', attrs)
        if src and not re.search(r"\b(width|height)=", attrs):
            source = source_of.get(posixpath.basename(src.group(1).split("?")[0]))
            size = _image_size(Path(app.srcdir, source)) if source else None
            if size:
                extra.append(f'width="{size[0]}" height="{size[1]}"')
        if seen > 1 and "loading=" not in attrs:
            extra.append('loading="lazy"')
        if "decoding=" not in attrs:
            extra.append('decoding="async"')
        return f"<img{attrs}{''.join(' ' + e for e in extra)} />"

    context["body"] = IMG_TAG.sub(rewrite, body)


# -- mathematics as SVG (5) --------------------------------------------------------------

MATH_PT = 10.0  # mathtext size in points; 10 pt of the drawing = 1 em on the page
_svg_cache: dict[tuple[str, bool], tuple[str, float, float, float]] = {}


def render_math_svg(latex: str, display: bool) -> tuple[str, float, float, float]:
    """(svg markup, width, height, depth) of `latex`, sizes in em; raises ValueError if
    mathtext cannot parse it."""
    key = (latex, display)
    if key in _svg_cache:
        return _svg_cache[key]
    import io

    from matplotlib import mathtext, rc_context
    from matplotlib.figure import Figure
    from matplotlib.font_manager import FontProperties

    tex = " ".join(latex.split())
    if display:  # display style for fractions, as TeX does in display math
        tex = re.sub(r"\\frac(?![a-zA-Z])", r"\\dfrac", tex)
    tex = f"${tex}$"
    with rc_context({"mathtext.fontset": "cm", "svg.fonttype": "path", "svg.hashsalt": "math"}):
        prop = FontProperties(size=MATH_PT)
        width, height, depth, _, _ = mathtext.MathTextParser("path").parse(tex, dpi=72, prop=prop)
        fig = Figure(figsize=(width / 72, height / 72))
        fig.text(0, depth / height, tex, fontproperties=prop)
        out = io.StringIO()
        fig.savefig(
            out,
            dpi=72,
            format="svg",
            transparent=True,
            metadata={"Date": None, "Creator": None, "Format": None, "Type": None},
        )
    svg = out.getvalue()
    svg = svg[svg.index("<svg") :]
    svg = re.sub(r"<!--.*?-->", "", svg, flags=re.S)
    svg = re.sub(r">\s+<", "><", svg).strip()
    result = (svg, width / MATH_PT, height / MATH_PT, depth / MATH_PT)
    _svg_cache[key] = result
    return result


def _math_markup(self, latex: str, display: bool) -> str:
    try:
        svg, width, height, depth = render_math_svg(latex, display)
    except ValueError as err:
        from sphinx.util import logging

        logging.getLogger(__name__).warning(
            "formula not drawn (matplotlib mathtext cannot parse it; simplify it): %s\n%s",
            latex,
            str(err).strip().splitlines()[-1] if str(err).strip() else "",
            location=self._sc_node,
        )
        return f'<code class="sc-math-tex">{html.escape(latex)}</code>'
    # Unique ids on the page: the glyph definitions of every formula are called the same.
    self._sc_math_count = n = getattr(self, "_sc_math_count", 0) + 1
    svg = re.sub(r'\bid="([^"]+)"', rf'id="m{n}-\1"', svg)
    svg = re.sub(r'href="#([^"]+)"', rf'href="#m{n}-\1"', svg)
    label = html.escape(" ".join(latex.split()), quote=True)
    svg = re.sub(
        r'<svg ([^>]*?)width="[^"]*" height="[^"]*"',
        lambda m: (
            f'<svg {m.group(1)}width="{width:.3f}em" height="{height:.3f}em" role="img" '
            f'aria-label="{label}" class="sc-math" fill="currentColor" '
            f'style="vertical-align: -{depth:.3f}em"'
        ),
        svg,
        count=1,
    )
    return svg


def visit_math(self, node: nodes.Node) -> None:
    self._sc_node = node
    self.body.append(f'<span class="math notranslate">{_math_markup(self, node.astext(), False)}</span>')
    raise nodes.SkipNode


def visit_math_block(self, node: nodes.Node) -> None:
    self._sc_node = node
    number = ""
    if node.get("number"):
        number = f'<span class="eqno">({node["number"]})</span>'
    self.body.append(self.starttag(node, "div", CLASS="math notranslate sc-math-display"))
    self.body.append(number + _math_markup(self, node.astext(), True) + "</div>\n")
    raise nodes.SkipNode


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("sciencecity_description", "", "html", types=[str])
    # Jupyter Book passes `comments_config` whatever the extensions; it belongs to
    # sphinx_comments, which the book does not load (_config.yml): declared here so that
    # Sphinx does not warn about an unknown value (a warning fails the strict build).
    if "comments_config" not in app.config.values:
        app.add_config_value("comments_config", {}, "html")
    app.add_search_language(SearchChineseNumbers)
    app.add_html_math_renderer("sciencecity_svg", (visit_math, None), (visit_math_block, None))
    app.connect("env-updated", add_glossary_terms_to_jieba)
    app.connect("html-page-context", add_meta_description)
    app.connect("html-page-context", fix_bibliography_roles)
    app.connect("html-page-context", size_and_defer_images)
    # After the theme's own handler, which adds inline scripts to the same list.
    app.connect("html-page-context", defer_scripts, priority=900)
    app.connect("build-finished", strip_icon_rules)
    app.connect("build-finished", strip_script_comments)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
