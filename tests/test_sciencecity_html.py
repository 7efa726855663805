"""Unit tests of the book's Sphinx extension (book/_ext/sciencecity_html.py): no build, no browser."""

from __future__ import annotations

import re

import pytest

from sciencecity.reading import paths


@pytest.fixture(scope="module")
def ext():
    return paths.load_script("book/_ext/sciencecity_html.py", "sciencecity_html")


def test_decimal_numbers_are_indexed_whole(ext):
    lang = ext.SearchChineseNumbers({})
    words = lang.split("科学城直管园实现地区生产总值同比增长19.8%，两年平均增长12.3%。 GDP grew 19.8 per cent")
    assert "19.8" in words and "12.3" in words
    assert "Bishan" in lang.split("Bishan district 璧山区")


def test_glossary_terms_become_jieba_words(ext):
    import jieba

    class Std:
        objects = {("term", "直管园"): ("book/glossary", "term-0"), ("term", "west (chongqing)"): ("g", "t")}

    class Env:
        def get_domain(self, name):
            return Std()

    ext.add_glossary_terms_to_jieba(None, Env())
    assert "直管园" in list(jieba.cut_for_search("高新区直管园实现地区生产总值"))


def test_the_browser_splitter_is_written_for_decimals(ext):
    """The query side (splitQuery in language_data.js) runs in Chromium: tests/test_browser.py
    searches 19.8; here only that the splitter keeps a decimal point between digits."""
    assert "var splitQuery" in ext.JS_SPLITTER and r"\p{Number}+(?:[.,]\p{Number}+)+" in ext.JS_SPLITTER


def test_descriptions_are_cut_at_a_word(ext):
    text = "word " * 60
    short = ext.shorten(text)
    assert len(short) <= 155 and short.endswith("…") and not short.endswith(" …")
    assert ext.shorten("A short one.") == "A short one."


def test_formulas_become_named_svg(ext):
    svg, width, height, depth = ext.render_math_svg(r"\bar g = \sqrt{(1 + g_{2020})(1 + g_{2021})} - 1", True)
    assert svg.startswith("<svg") and "<path" in svg and width > height > depth >= 0
    assert not re.search(r"<dc:date>|<\?xml|<!--", svg)
    with pytest.raises(ValueError):
        ext.render_math_svg(r"\begin{align} x \end{align}", False)
