"""The report as one PDF (`make pdf`, tools/pdf.py): every chapter, Chinese text, figures.

The test builds its own PDF, as `make pdf` does (strict single-page HTML build, printed by
Chromium), in a temporary folder; BOOK_PDF=path/to/book.pdf tests an existing one instead
(with BOOK_PDF_HTML pointing at its singlehtml folder). A missing Chromium fails the test.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from pathlib import Path

import pytest

from sciencecity.reading import paths

from .conftest import run

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")


def _pdf_module():
    return paths.load_script("tools/pdf.py")


def squash(text: str) -> str:
    """Text compared without spacing, ligatures or compatibility forms (PDF extraction)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).casefold()


def chapter_titles() -> list[str]:
    titles = []
    for name in paths.toc_docnames():
        md = paths.ROOT / f"{name}.md"
        if md.exists():
            source = md.read_text(encoding="utf-8")
        else:
            nb = json.loads((paths.ROOT / f"{name}.ipynb").read_text(encoding="utf-8"))
            source = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
        title = re.search(r"^# (.+)$", source, re.M).group(1)
        titles.append(re.sub(r"\{[a-z:]+\}`([^`<]*)[^`]*`", r"\1", title).strip())
    return titles


@pytest.fixture(scope="module")
def book_pdf(tmp_path_factory) -> tuple[Path, Path]:
    if os.environ.get("BOOK_PDF"):
        return Path(os.environ["BOOK_PDF"]), Path(os.environ["BOOK_PDF_HTML"])
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: run `make deps`", pytrace=False)
    out = tmp_path_factory.mktemp("pdf")
    result = run(
        [
            "jupyter-book",
            "build",
            ".",
            "--builder",
            "singlehtml",
            "-W",
            "-n",
            "--keep-going",
            "--all",
            "--path-output",
            str(out),
        ],
        cwd=paths.ROOT,
    )
    assert result.returncode == 0, (result.stdout + result.stderr)[-3000:]
    html = out / "_build" / "singlehtml"
    return _pdf_module().print_pdf(html, out / "book.pdf"), html


@pytest.fixture(scope="module")
def pdf_text(book_pdf) -> tuple[str, list]:
    from pypdf import PdfReader

    reader = PdfReader(book_pdf[0])
    return "\n".join(page.extract_text() or "" for page in reader.pages), reader.pages


def test_the_pdf_exists(book_pdf, pdf_text):
    pdf, _ = book_pdf
    assert pdf.is_file() and pdf.stat().st_size > 50_000
    assert len(pdf_text[1]) >= 10, f"only {len(pdf_text[1])} pages"


@pytest.mark.parametrize("title", chapter_titles())
def test_every_chapter_title_is_in_the_pdf(pdf_text, title):
    assert squash(title) in squash(pdf_text[0]), f"chapter title {title!r} not found in the PDF text"


def test_the_pdf_has_chinese_text(pdf_text):
    text = unicodedata.normalize("NFKC", pdf_text[0])
    assert len(CJK.findall(text)) >= 200, "little or no Chinese text in the PDF (fonts-noto-cjk missing?)"
    for word in ("上游新闻", "直管园", "科学城"):
        assert squash(word) in squash(text), f"{word} not in the PDF text"


def test_every_figure_and_caption_is_in_the_pdf(book_pdf, pdf_text):
    html = (book_pdf[1] / "print.html").read_text(encoding="utf-8")
    n_images = len(re.findall(r"<img\s", html))
    numbers = re.findall(r'<span class="caption-number">(Fig\. [\d.]+)\s*</span>', html)
    assert n_images > 0 and numbers, "the single-page HTML has no figures: has the build changed?"
    in_pdf = sum(len(page.images) for page in pdf_text[1])
    assert in_pdf >= n_images, f"{n_images} images in the HTML, {in_pdf} in the PDF"
    text = squash(pdf_text[0])
    missing = [n for n in numbers if squash(n) not in text]
    assert not missing, f"captions missing from the PDF: {missing}"


def test_the_first_page_is_a_title_page(pdf_text):
    """Page 1: the book's title, the author line of _config.yml and the source's date, alone."""
    pdf = _pdf_module()
    config = pdf.book_config()
    first = squash(pdf_text[1][0].extract_text() or "")
    for what in (config["title"], config["author"], pdf.source_date()):
        assert squash(what) in first, f"{what!r} is not on the title page: {first[:300]!r}"
    assert len(first) < len(squash(config["title"] + config["author"])) + 40, "the title page holds more than its title"


def _text_bottom(page) -> float | None:
    """How far down the page its last line of text is, as a fraction of the page's height."""
    lows: list[float] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            lows.append(tm[4] * cm[1] + tm[5] * cm[3] + cm[5])

    page.extract_text(visitor_text=visit)
    if not lows:
        return None
    height = float(page.mediabox.height)
    return 1 - min(y for y in lows if y > 0.06 * height) / height if any(y > 0.06 * height for y in lows) else None


def test_no_half_empty_page_inside_a_chapter(pdf_text):
    """A long table breaks across pages instead of leaving the page before it half empty.

    Flagged: a page inside a chapter (not the title page, not a chapter's last page) with no
    image whose text ends in the top half of the page. (A figure is kept whole, so the page
    before one may end early, but a figure is less than half a page tall.)"""
    pages = pdf_text[1]
    starts = [squash(t) for t in chapter_titles()]
    half_empty = []
    for i in range(1, len(pages) - 1):
        following = squash((pages[i + 1].extract_text() or "")[:200])
        if any(following.startswith(s) or s in following[: len(s) + 12] for s in starts):
            continue  # the chapter ends here
        bottom = _text_bottom(pages[i])
        if bottom is not None and bottom < 0.5 and not pages[i].images:
            half_empty.append(f"page {i + 1}: text ends {bottom:.0%} down; next page: {following[:60]!r}")
    assert not half_empty, f"{len(half_empty)} of {len(pages)} pages half empty:\n  " + "\n  ".join(half_empty)
