"""Unit tests of sciencecity.presentation.words: wording, numbers with their units, quotes, display tables."""

from __future__ import annotations

import math
from types import SimpleNamespace

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from sciencecity.presentation import words
from sciencecity.reading import seed, text
from sciencecity.rules import checked


@pytest.mark.parametrize(
    "n, text",
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
        (3.0, "3rd"),
    ],
)
def test_ordinal(n, text):
    assert words.ordinal(n) == text


@pytest.mark.parametrize("n", [1.5, -1])
def test_ordinal_refuses_non_ranks(n):
    with pytest.raises(ValueError):
        words.ordinal(n)


def test_quote_span_joins_two_quotes_with_the_words_between():
    text = "abc 增长12.8%,排名第1位。def"
    first = SimpleNamespace(start=4, quote="增长12.8%")
    last = SimpleNamespace(start=12, quote="排名第1位")
    assert words.quote_span(text, first, last) == "增长12.8%,排名第1位"


def test_quote_span_refuses_a_misplaced_quote_or_reversed_order():
    text = "abc 增长12.8%,排名第1位。def"
    first = SimpleNamespace(start=4, quote="增长12.8%")
    with pytest.raises(ValueError, match="not at offset"):
        words.quote_span(text, SimpleNamespace(start=0, quote="增长"), first)
    with pytest.raises(ValueError, match="before"):
        words.quote_span(text, SimpleNamespace(start=12, quote="排名第1位"), first)


def test_quote_span_on_the_article():
    text = seed.load_seed()
    first, last = checked.figure("gdp_growth_h1"), checked.figure("gdp_two_year_growth_rank_h1")
    span = words.quote_span(text, first, last)
    assert span.startswith(first.quote) and span.endswith(last.quote)


@pytest.mark.parametrize("value, expected", [(27.0, 27), (27, 27), (100.6, 100.6)])
def test_whole(value, expected):
    out = text.whole(value)
    assert out == expected and type(out) is type(expected)


@pytest.mark.parametrize(
    "value, text",
    [
        (30, "30 亿元 (3 billion yuan)"),
        (100.6, "100.6 亿元 (10.06 billion yuan)"),
        (283.6, "283.6 亿元 (28.36 billion yuan)"),
        (2400, "2400 亿元 (240 billion yuan)"),
        ("0.5", "0.5 亿元 (0.05 billion yuan)"),
    ],
)
def test_yi_yuan_gives_billions(value, text):
    assert words.yi_yuan(value) == text


def test_yi_yuan_refuses_nan():
    with pytest.raises(ValueError):
        words.yi_yuan(float("nan"))


def test_data_dictionary_html_escapes_and_lists_every_field():
    resource = {
        "name": "t<1>",
        "path": "t.csv",
        "title": "A & B",
        "schema": {
            "primaryKey": "id",
            "fields": [
                {"name": "id", "type": "string", "constraints": {"required": True, "unique": True}},
                {"name": "kind", "constraints": {"enum": ["a", "b"]}, "description": "x < y"},
                {"name": "n", "type": "integer", "constraints": {"minimum": 0, "pattern": "[0-9]+"}},
            ],
        },
    }
    html = words.data_dictionary_html(resource, 3)
    assert html.startswith("<p><strong>t&lt;1&gt;</strong> (t.csv, 3 rows, key id): A &amp; B</p>")
    assert "<li><code>id</code> (string; required; unique)</li>" in html
    assert "<li><code>kind</code> (string; one of a, b): x &lt; y</li>" in html
    assert "<li><code>n</code> (integer; pattern [0-9]+; minimum 0)</li>" in html
    assert html.count("<li>") == 3


def test_number_text():
    assert text.number_text(27.0) == "27"
    assert text.number_text(283.6) == "283.6"
    assert text.number_text(5) == "5"
    with pytest.raises(ValueError):
        text.number_text(math.nan)


# -- value_text and figure_table -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, text",
    [
        (dict(value=27.0, unit="count"), "27"),
        (dict(value=19.8, unit="%"), "19.8 %"),
        (dict(value=3.3, unit="百分点"), "3.3 points"),
        (dict(value=1.0, unit="rank", qualifier="首"), "no. 1"),
        (dict(value=100.0, unit="count", bound="lower", qualifier="上百"), "at least 100 (上百)"),
        (
            dict(value=1000.0, unit="亿元", bound="order_of_magnitude", qualifier="千亿级"),
            "of the order of 1000 亿元 (千亿级)",
        ),
        (
            dict(value=None, unit="亿元", status="digits_lost", implied_min=100.6, survives=".6"),
            "lost; at least 100.6 亿元 (“.6” survives)",
        ),
        (dict(value=math.nan, unit="count", status="digits_lost", implied_min=100.0), "lost; at least 100"),
        (
            dict(value=None, unit="亿元", status="digits_lost", implied_min=100.0, bound="approximate", qualifier="近"),
            "lost; at least 100 亿元; written 近 (nearly)",
        ),
    ],
)
def test_value_text(kwargs, text):
    assert words.value_text(**kwargs) == text


def test_value_text_never_invents_a_value():
    with pytest.raises(ValueError):
        words.value_text(None, "亿元", status="digits_lost")
    with pytest.raises(ValueError):
        words.value_text(math.nan, "count")


def test_figure_table_from_the_data():
    table = words.figure_table(checked.load_figures(), ["university_projects_signed", "facility_investment"])
    assert list(table.columns) == ["Figure", "原文 Quote", "Value", "Scope 范围"]
    assert table["Value"].tolist() == ["27", "lost; at least 100.6 亿元 (“.6” survives)"]
    assert table["原文 Quote"].tolist() == ["签约高校院所参与科学城建设项目27个", "这个总投资达.6亿元的项目"]
    assert table["Scope 范围"].tolist() == ["科学城", "科学城"]
    with pytest.raises(KeyError, match="no_such_figure"):
        words.figure_table(checked.load_figures(), ["no_such_figure"])


def test_long_date():
    assert words.long_date("2021-09-02") == "2 September 2021"
    assert words.long_date(pd.Timestamp("2020-09-11")) == "11 September 2020"


@given(year=st.integers(1000, 9999), half=st.sampled_from([1, 2]))
def test_half_year_is_written_out_in_both_languages(year, half):
    english, chinese = words.half_year(f"{year}H{half}")
    assert english == f"{('first', 'second')[half - 1]} half of {year}"
    assert chinese == ("上半年", "下半年")[half - 1]


@pytest.mark.parametrize("period", ["2021", "2021-07", "2021-07-20", "XXXXH1", "2021H1/2021H2", "H1 2021", "2021H3"])
def test_half_year_refuses_what_is_not_one_half_year(period):
    with pytest.raises(ValueError):
        words.half_year(period)


def test_source_text():
    assert words.source_text("重庆日报 Chongqing Daily", "2021-09-29") == "重庆日报 Chongqing Daily, 2021-09-29"
    assert words.source_text("a yearbook", "") == "a yearbook, undated"
    with pytest.raises(ValueError):
        words.source_text("", "2021")


def test_bilingual_cell_escapes_both_languages():
    assert words.bilingual_cell("研发<中心>", "R&D centre") == "研发&lt;中心&gt;<br>R&amp;D centre"


def test_quote_from_cuts_the_seed_and_never_retypes():
    text = seed.load_seed()
    q = words.quote_from(text, "重庆高新区作为科学城核心区", "核心引擎")
    assert q.startswith("重庆高新区作为科学城核心区") and q.endswith("核心引擎") and q in text
    assert words.quote_from("甲乙。丙丁。", "丙") == "丙丁。"
    with pytest.raises(ValueError, match="not in the text"):
        words.quote_from(text, "no such words")
    with pytest.raises(ValueError, match="no"):
        words.quote_from("甲乙", "甲", "。")


def test_house_label_puts_upstream_words_in_the_book_terms():
    assert words.house_label("total investment of those eight projects") == (
        "planned total investment of those eight projects"
    )
    assert words.house_label("GDP growth year on year") == "GDP growth year on year"


def test_billion_yuan():
    assert words.billion_yuan(30) == 3.0
    assert words.billion_yuan(100.6) == pytest.approx(10.06)
    assert words.billion_yuan(25002.79) == pytest.approx(2500.279)
