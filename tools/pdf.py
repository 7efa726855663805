#!/usr/bin/env python3
"""The whole report as one PDF: the single-page HTML build printed by Chromium.

    python tools/pdf.py SINGLEHTML_DIR OUT.pdf

SINGLEHTML_DIR is the output of `jupyter-book build . --builder singlehtml` (`make pdf` builds
it, strictly, into _build/pdf/_build/singlehtml and writes _build/pdf/book.pdf). The page is
served by tools/serve.py and printed by Debian's Chromium through Playwright (page.pdf), so the
PDF has what the HTML has: Chinese text in the system's Noto CJK fonts (fonts-noto-cjk), the
figures as PNG with their numbered captions (each chart's 2x source: the page is printed at
a device pixel ratio of 2), formulas as vector drawings, and a PDF outline of the headings.
The theme's print styles hide navigation; book/_static/sciencecity.css adds a few for the
report (folded code cells left out, no page break inside a figure or a table row,
long tables broken across pages rather than pushed to the next one). Page numbers are printed
in the footer.

Page 1 is a title page: the book's title and author line from _config.yml and the date of the
source the PDF was made from, so that the same commit always gives the same title page. That
date is, in this order: SOURCE_DATE_EPOCH when set (the reproducible-builds convention), the
date of the last git commit, else the `copyright` year of _config.yml.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import os
import subprocess
import sys
from pathlib import Path

from sciencecity.reading.paths import load_script

ROOT = Path(__file__).resolve().parent.parent
FOOTER = (
    '<div style="font-size:8px;width:100%;text-align:center;color:#555;">'
    '<span class="pageNumber"></span> / <span class="totalPages"></span></div>'
)


def _load_tool(name: str):
    return load_script(f"tools/{name}.py")


_chromium = _load_tool("chromium")
CHROMIUM, CHROME_ARGS = str(_chromium.CHROMIUM), _chromium.CHROME_ARGS


def _serve_module():
    return _load_tool("serve")


def source_date(root: Path = ROOT) -> str:
    """The date of the build's source, YYYY-MM-DD (or the copyright year): see the docstring."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        stamp = dt.datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), dt.UTC)
        return stamp.strftime("%Y-%m-%d")
    try:
        committed = subprocess.run(
            ["git", "log", "-1", "--format=%cs"], cwd=root, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:
        committed = ""
    return committed or str(book_config(root).get("copyright", ""))


def book_config(root: Path = ROOT) -> dict:
    import yaml

    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))


def title_page_html(root: Path = ROOT) -> str:
    """The title page: title, author line, date (see source_date); styled by sciencecity.css."""
    config = book_config(root)
    return (
        '<div class="sc-title-page" role="doc-cover">'
        f'<p class="sc-title">{html.escape(config["title"])}</p>'
        f'<p class="sc-author">{html.escape(config["author"])}</p>'
        f'<p class="sc-date">{html.escape(source_date(root))}</p>'
        "</div>"
    )


def entry_page(html_dir: Path) -> str:
    """The page holding the whole book, at the top of `html_dir`.

    The book's root document is book/index, so Sphinx's singlehtml builder writes the book to
    book/index.html, but with links relative to the top folder (_static/..., _images/...), and
    the top index.html only redirects there. The page is copied to the top as print.html, where
    its links resolve."""
    for candidate in ("book/index.html", "index.html"):
        page = html_dir / candidate
        if page.is_file() and page.stat().st_size > 1000:
            if "/" not in candidate:
                return candidate
            (html_dir / "print.html").write_bytes(page.read_bytes())
            return "print.html"
    raise FileNotFoundError(f"no single-page book in {html_dir}")


def print_pdf(html_dir: Path, out: Path) -> Path:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise FileNotFoundError(f"{CHROMIUM} is missing: make deps")
    out.parent.mkdir(parents=True, exist_ok=True)
    errors: list[str] = []
    with _serve_module().serving(html_dir) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROME_ARGS)
        # At a device pixel ratio of 2 each chart's srcset gives its 2x source, so the PDF's
        # charts are sharp in print and when zoomed (book/_ext/sciencecity_figures.py).
        page = browser.new_page(viewport={"width": 1200, "height": 900}, device_scale_factor=2)
        page.on("requestfailed", lambda r: errors.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: errors.append(f"{r.url} (HTTP {r.status})") if r.status >= 400 else None)
        page.goto(base + entry_page(html_dir), wait_until="load")
        # The HTML lazy-loads figures (book/_ext/sciencecity_html.py); the PDF needs them all.
        page.evaluate("document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; })")
        page.wait_for_load_state("networkidle")
        page.wait_for_function(
            "[...document.images].every(img => img.complete && img.naturalWidth > 0)", timeout=30_000
        )
        # The title page goes first: before the theme's print-only header (the book's title and
        # its table of contents, #jb-print-docs-body), else at the top of the article.
        page.evaluate(
            """html => {
            const header = document.querySelector('#jb-print-docs-body');
            if (header) header.insertAdjacentHTML('beforebegin', html);
            else (document.querySelector('article.bd-article') || document.body).insertAdjacentHTML('afterbegin', html);
        }""",
            title_page_html(),
        )
        page.evaluate("document.fonts.ready")
        page.emulate_media(media="print")
        page.pdf(
            path=str(out),
            format="A4",
            print_background=True,
            outline=True,
            tagged=True,
            margin={"top": "18mm", "bottom": "18mm", "left": "16mm", "right": "16mm"},
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=FOOTER,
        )
        browser.close()
    if errors:
        raise RuntimeError("requests failed while printing:\n  " + "\n  ".join(errors))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("html_dir", type=Path, help="the singlehtml build")
    parser.add_argument("out", type=Path, help="the PDF to write")
    args = parser.parse_args(argv)
    out = print_pdf(args.html_dir, args.out)
    print(f"==> {out} ({out.stat().st_size / 1024:.0f} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
