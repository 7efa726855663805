"""Unit tests of the wording helpers in sciencecity.report (ordinals, quotes, 亿元 amounts)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from sciencecity import data, report, seed


@pytest.mark.parametrize(
    "n, text",
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"),
     (21, "21st"), (22, "22nd"), (101, "101st"), (111, "111th"), (3.0, "3rd")],
)
def test_ordinal(n, text):
    assert report.ordinal(n) == text


@pytest.mark.parametrize("n", [1.5, -1])
def test_ordinal_refuses_non_ranks(n):
    with pytest.raises(ValueError):
        report.ordinal(n)


def test_quote_span_joins_two_quotes_with_the_words_between():
    text = "abc 增长12.8%,排名第1位。def"
    first = SimpleNamespace(start=4, quote="增长12.8%")
    last = SimpleNamespace(start=12, quote="排名第1位")
    assert report.quote_span(text, first, last) == "增长12.8%,排名第1位"


def test_quote_span_refuses_a_misplaced_quote_or_reversed_order():
    text = "abc 增长12.8%,排名第1位。def"
    first = SimpleNamespace(start=4, quote="增长12.8%")
    with pytest.raises(ValueError, match="not at offset"):
        report.quote_span(text, SimpleNamespace(start=0, quote="增长"), first)
    with pytest.raises(ValueError, match="before"):
        report.quote_span(text, SimpleNamespace(start=12, quote="排名第1位"), first)


def test_quote_span_on_the_article():
    text = seed.load_seed()
    first, last = data.figure("gdp_growth_h1"), data.figure("gdp_two_year_growth_rank_h1")
    span = report.quote_span(text, first, last)
    assert span.startswith(first.quote) and span.endswith(last.quote)


@pytest.mark.parametrize("value, expected", [(27.0, 27), (27, 27), (100.6, 100.6)])
def test_whole(value, expected):
    out = report.whole(value)
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
    assert report.yi_yuan(value) == text


def test_yi_yuan_refuses_nan():
    with pytest.raises(ValueError):
        report.yi_yuan(float("nan"))


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
    html = report.data_dictionary_html(resource, 3)
    assert html.startswith("<p><strong>t&lt;1&gt;</strong> (t.csv, 3 rows, key id): A &amp; B</p>")
    assert "<li><code>id</code> (string; required; unique)</li>" in html
    assert "<li><code>kind</code> (string; one of a, b): x &lt; y</li>" in html
    assert "<li><code>n</code> (integer; pattern [0-9]+; minimum 0)</li>" in html
    assert html.count("<li>") == 3
