r"""Sphinx extension of the book: the code of each chapter one click away, not in the page.

Loaded by _config.yml (sphinx.local_extensions), beside sciencecity_html.

Every chapter's code cells are tagged ``hide-input``: myst-nb writes each cell's input, folded,
into the page (``<details class="hide above-input">`` around the highlighted source). Most
readers never open it, but every browser still builds and styles it, and pydata-sphinx-theme's
script reads the width of every ``pre`` of the page when it loads (its tab-stop check), which
forces a layout of all of it: on the industries chapter 4,736 of the 5,920 element nodes at load
were folded code (bench/results.md has the numbers before and after).

Two things change, nothing else (nbval, glue, the search index and the strict build read the
notebooks and doctrees, which are untouched):

1. In the chapter, each folded cell input is written inside an inert ``<template>`` in its
   ``<details>``: the HTML parser keeps it out of the document (no element, no style, no layout,
   not seen by the theme's scan) until the reader opens the cell; then the book's script
   (book/_static/sciencecity.js, deferred) moves the template's content into place, so the
   code shows where it always did, highlighted as before. Readers without scripts open the
   same ``<details>`` and find a link (in ``<noscript>``, which is text, not elements, when
   scripts run) to the cell on the chapter's code page (2.). Opened, a cell also links to
   that page.

2. A code page per chapter, ``book/<chapter>-code.html``: every code cell of the notebook, in
   order, highlighted by Sphinx (the same Pygments classes and _static/pygments.css as the
   chapter), each with the anchor ``#cell-N`` and a link back to its place in the chapter, and
   a link to the notebook itself (the copy Sphinx keeps in _sources/). A plain page of its own
   (no theme, no script; the theme's pygments.css in its light mode, long lines wrapped so that
   a phone never scrolls sideways): readable in any browser without downloading anything.

3. Fewer bytes for the same code: Pygments wraps every token in a span, but in both of the
   theme's modes names, punctuation and spaces are drawn in the plain text colour, so their
   spans (about half of all) give way to their text (`plain_token_classes` reads which, from
   the stylesheet the theme writes). The chapters' pages come out smaller than before, and a
   cell opened holds fewer nodes.

The script is the book's own (book/_static/sciencecity.js, deferred, on every page: no
request more). ``sciencecity_code_in_page: false`` (not used) builds the other
design measured: no code in the chapter at all, only a link to the cell on the code page
(bench/results.md compares them).

The cells are numbered 1, 2, ... in the order of the notebook's code cells that have a visible
input (myst-nb's ``cell_code_source`` containers), the same on both pages: the chapter's cell N
has ``id="cell-N"`` on its ``<details>``.

A cell whose input is not hidden (no ``hide-input`` tag) is left as it is: the page shows it.
tests/test_code_cells.py checks the result in Chromium (element counts, opening a cell, the
no-script link).
"""

from __future__ import annotations

import html
import posixpath
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput, visit_HideCellInput
from sphinx.application import Sphinx

__version__ = "1.0"

CODE_PAGE_SUFFIX = "-code"
PYGMENTS_RULE = re.compile(r'html\[data-theme="(\w+)"\] \.highlight(?: \.(\w+))? \{([^}]*)\}')


def plain_token_classes(pygments_css: str) -> frozenset[str]:
    """Pygments token classes drawn exactly like plain code text in every theme of
    `pygments_css` (the build's _static/pygments.css, with one rule set per data-theme):
    a rule that only sets the colour of `.highlight` itself. Empty when the file has no such
    themes (nothing is then unwrapped)."""
    base: dict[str, str] = {}
    rules: dict[str, dict[str, str]] = {}
    for theme, cls, decls in PYGMENTS_RULE.findall(pygments_css):
        decls = " ".join(decls.split()).rstrip(";").strip()
        if not cls:
            color = re.search(r"(?:^|;\s*)color:\s*(#[0-9A-Fa-f]+)", decls)
            if color:
                base[theme] = color.group(1).lower()
        else:
            rules.setdefault(cls, {})[theme] = decls.lower()
    if not base:
        return frozenset()
    return frozenset(
        cls
        for cls, by_theme in rules.items()
        if set(by_theme) == set(base) and all(by_theme[t] == f"color: {base[t]}" for t in base)
    )


def unwrap_plain_spans(code_html: str, plain: frozenset[str]) -> str:
    """Pygments wraps every token in a span; a span whose class draws nothing different from
    plain text (names, punctuation, spaces in the book's themes) gives way to its text:
    fewer bytes in the page, fewer nodes once the code is shown, the same code on screen."""
    if not plain:
        return code_html
    pattern = re.compile(r'<span class="(?:' + "|".join(map(re.escape, sorted(plain))) + r')">([^<]*)</span>')
    return pattern.sub(r"\1", code_html)


def theme_pygments_css(builder) -> str:
    """The pygments.css the theme writes once the build has finished (pydata-sphinx-theme
    rewrites Sphinx's with one rule set per light and dark mode), made the same way now,
    while pages are written; empty if the theme is not pydata-sphinx-theme's kind."""
    try:
        from pydata_sphinx_theme.pygments import get_pygments_stylesheet

        theme_options = builder.theme.get_options()
        user = builder.config.html_theme_options or {}
        styles = [user.get(f"pygments_{m}_style") or theme_options[f"pygments_{m}_style"] for m in ("light", "dark")]
        return get_pygments_stylesheet(*styles)
    except Exception:  # another theme, or a style pygments does not have: unwrap nothing
        return ""


def _plain(app_or_builder) -> frozenset[str]:
    builder = getattr(app_or_builder, "builder", app_or_builder)
    plain = getattr(builder, "_sc_plain_tokens", None)
    if plain is None:
        plain = builder._sc_plain_tokens = plain_token_classes(theme_pygments_css(builder))
    return plain


def _is_cell_input(node: nodes.Node) -> bool:
    return isinstance(node, nodes.container) and node.get("nb_element") == "cell_code_source"


def cell_inputs(doctree: nodes.Node) -> list[nodes.container]:
    """The code cells' input containers of a notebook's doctree, in document order."""
    return list(doctree.findall(_is_cell_input))


def code_page_name(docname: str) -> str:
    return docname + CODE_PAGE_SUFFIX


def _folded_input(node: HideCodeCellNode) -> nodes.container | None:
    """The cell input that `node` folds, if it folds exactly one input and nothing else."""
    if "above-input" in node["classes"] and len(node.children) == 1 and _is_cell_input(node.children[0]):
        return node.children[0]
    return None


def _cell_number(translator, cell_input: nodes.container) -> int:
    numbers = getattr(translator, "_sc_cell_numbers", None)
    if numbers is None:
        numbers = {id(n): i for i, n in enumerate(cell_inputs(translator.document), start=1)}
        translator._sc_cell_numbers = numbers
    return numbers[id(cell_input)]


def _code_href(translator, number: int) -> str:
    page = posixpath.basename(code_page_name(translator.builder.current_docname))
    return html.escape(f"{page}.html#cell-{number}")


def visit_hide_cell(self, node: HideCodeCellNode) -> None:
    cell_input = _folded_input(node)
    # The HTML builder only: the single-page build (the PDF) keeps myst-nb's markup, whose
    # folded cells the print stylesheet hides.
    if cell_input is None or self.builder.name != "html":
        visit_HideCellInput(self, node)
        return
    number = _cell_number(self, cell_input)
    if not self.config.sciencecity_code_in_page:
        # The other design measured (bench/results.md): no code in the chapter at all, a link
        # to the cell on the chapter's code page in its place.
        self.body.append(
            f'<p class="sc-code-link" id="cell-{number}"><a href="{_code_href(self, number)}">'
            f"{html.escape(node['prompt_show'])}</a></p>\n"
        )
        raise nodes.SkipNode
    node["sc_cell"] = number
    classes = " ".join(node["classes"])
    show, hide = html.escape(node["prompt_show"]), html.escape(node["prompt_hide"])
    self.body.append(
        f'<details class="admonition hide {classes} sc-code" id="cell-{number}">\n'
        '<summary aria-label="Toggle hidden content">\n'
        f'<p class="collapsed admonition-title">{show}</p>\n'
        f'<p class="expanded admonition-title">{hide}</p>\n'
        "</summary>\n"
        "<template>\n"
    )
    node["sc_body_start"] = len(self.body)


def depart_hide_cell(self, node: HideCodeCellNode) -> None:
    number = node.get("sc_cell")
    if number is None:
        depart_HideCellInput(self, node)
        return
    start = node["sc_body_start"]
    self.body[start:] = [unwrap_plain_spans("".join(self.body[start:]), _plain(self.builder))]
    href = _code_href(self, number)
    self.body.append(
        f'<p class="sc-code-page"><a href="{href}">This chapter’s code on one page</a></p>\n'
        "</template>\n"
        f'<noscript><p class="sc-code-page">Without scripts, this cell’s code is on '
        f'<a href="{href}">the chapter’s code page</a>.</p></noscript>\n'
        "</details>\n"
    )


# -- the code pages (2) --------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="{lang}" data-theme="light">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Code: {title_text} | {project}</title>
<meta name="description" content="{description}">
<link rel="icon" href="{favicon}" type="image/svg+xml">
<link rel="stylesheet" href="{pygments}">
<style>
body {{ font-family: "DejaVu Sans", Arial, Helvetica, "Noto Sans CJK SC", sans-serif; line-height: 1.5;
  margin: 0 auto; max-width: 60rem; padding: 1rem; color: #222; background: #fff; }}
a {{ color: #0a5fb4; }}
h1 {{ font-size: 1.6rem; }} h2 {{ font-size: 1.15rem; margin: 2rem 0 0.5rem; }}
.highlight {{ background: #f5f5f5; }}
pre {{ white-space: pre-wrap; overflow-wrap: anywhere; padding: 0.75rem; margin: 0; font-size: 0.85rem;
  line-height: 1.4; }}
.back {{ font-size: 0.9rem; }}
</style>
</head>
<body>
<header><p class="back"><a href="{chapter}">Back to the chapter: {title}</a></p></header>
<main>
<h1>The code of “{title}”</h1>
<p>{intro}</p>
{cells}
</main>
</body>
</html>
"""

CELL = """<section id="cell-{n}" aria-labelledby="cell-{n}-title">
<h2 id="cell-{n}-title">Cell {n}</h2>
{code}
<p class="back"><a href="{chapter}#cell-{n}">Back to cell {n} in the chapter</a></p>
</section>
"""


def _highlight(app: Sphinx, cell_input: nodes.container) -> str:
    blocks = list(cell_input.findall(nodes.literal_block))
    parts = []
    for block in blocks:
        lang = block.get("language") or app.config.highlight_language or "python"
        code = app.builder.highlighter.highlight_block(block.astext(), lang, location=block)
        parts.append(unwrap_plain_spans(code, _plain(app)))
    return "\n".join(parts)


def write_code_pages(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.name != "html":
        return
    env = app.env
    for docname in sorted(env.found_docs):
        if not env.doc2path(docname).endswith(".ipynb"):
            continue
        doctree = env.get_doctree(docname)
        inputs = cell_inputs(doctree)
        if not inputs:
            continue
        page = Path(app.outdir, code_page_name(docname) + ".html")
        depth = docname.count("/")
        up = "../" * depth
        chapter = posixpath.basename(docname) + ".html"
        title = env.titles[docname].astext() if docname in env.titles else docname
        source = f"_sources/{docname}{Path(env.doc2path(docname)).suffix}{app.config.html_sourcelink_suffix or ''}"
        source_link = (
            f' The notebook itself: <a href="{up}{html.escape(source)}">{html.escape(posixpath.basename(source))}</a>.'
            if Path(app.outdir, source).is_file()
            else ""
        )
        intro = (
            f"The {len(inputs)} code cells of the notebook behind this chapter, in order "
            f"(book/{html.escape(posixpath.basename(env.doc2path(docname)))} in the repository; "
            f"their outputs are in the chapter).{source_link}"
        )
        cells = "".join(
            CELL.format(n=n, code=_highlight(app, cell_input), chapter=html.escape(chapter))
            for n, cell_input in enumerate(inputs, start=1)
        )
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(
            PAGE.format(
                lang=html.escape(app.config.language or "en"),
                title_text=html.escape(title),
                title=html.escape(title),
                project=html.escape(app.config.project),
                description=html.escape(f"The Python code behind the chapter “{title}”, cell by cell."),
                favicon=f"{up}_static/{posixpath.basename(app.config.html_favicon)}" if app.config.html_favicon else "",
                pygments=f"{up}_static/pygments.css",
                chapter=html.escape(chapter),
                intro=intro,
                cells=cells,
            ),
            encoding="utf-8",
        )


def setup(app: Sphinx) -> dict[str, Any]:
    # False: the other design (only a link to the code page in each cell's place); measured,
    # not used (bench/results.md).
    app.add_config_value("sciencecity_code_in_page", True, "html", types=[bool])
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_hide_cell))
    app.connect("build-finished", write_code_pages)
    return {"version": __version__, "parallel_read_safe": True, "parallel_write_safe": True}
