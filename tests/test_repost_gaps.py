"""sciencecity.analysis.repost_gaps: the seed's lines, where the gaps are in them, and the article's date (by hand)."""

from __future__ import annotations

import pandas as pd
import pytest

from sciencecity.analysis import repost_gaps

TINY = "某某论坛\n\n核心提示:\n这是正文。\n上游新闻记者王倩\n"


def test_lost_floor_is_the_least_three_digit_number():
    assert repost_gaps.lost_floor() == 100


def test_seed_lines_marks_the_forum_lines():
    lines = repost_gaps.seed_lines(TINY)
    assert list(lines.index) == [0, 1, 2, 3] and lines.index.name == "index"
    assert list(lines["kind"]) == ["forum_header", "label", "paragraph", "byline"]
    assert list(lines["boilerplate"]) == [True, False, False, False]
    assert list(lines["start"]) == [0, 6, 12, 18] and list(lines["end"]) == [4, 11, 17, 26]


def test_gaps_by_line_by_hand():
    lines = pd.DataFrame({"start": [0, 10, 20], "end": [5, 18, 30]})
    per_line, gap_at, gap_line = repost_gaps.gaps_by_line(lines, [12, 15, 25])
    assert gap_line == [2, 2, 3]
    assert list(gap_at) == [2, 5, 5]
    assert list(per_line["line"]) == [1, 2, 3] and list(per_line["chars"]) == [5, 8, 10]
    assert list(per_line["gaps"]) == [0, 2, 1]


def test_gaps_by_line_without_gaps():
    per_line, gap_at, gap_line = repost_gaps.gaps_by_line(pd.DataFrame({"start": [0], "end": [4]}), [])
    assert gap_line == [] and len(gap_at) == 0 and list(per_line["gaps"]) == [0]


def test_article_date_by_hand():
    d = repost_gaps.article_date("2021-07-20", "2021-08-23/2021-08-25", "2021-08-25", "2020-09-11")
    assert d.month == pd.Period("2021-09", "M")
    assert (d.window_start, d.window_end) == (pd.Timestamp("2021-09-01"), pd.Timestamp("2021-09-30"))
    assert d.anniversary == pd.Timestamp("2021-09-11")
    assert (d.expo_start, d.expo_end) == (pd.Timestamp("2021-08-23"), pd.Timestamp("2021-08-25"))


@pytest.mark.parametrize(
    ("h1", "expo", "scenario", "mobilisation"),
    [
        ("2021-08-24", "2021-08-23/2021-08-25", "2021-08-25", "2020-09-11"),  # data released after the Expo
        ("2021-07-20", "2021-08-23/2021-08-25", "2021-08-26", "2020-09-11"),  # scenario day after the Expo
        ("2021-07-20", "2021-08-23/2021-08-25", "2021-08-25", "2020-10-01"),  # anniversary after the window
        ("2021-07-20", "2021-08-23/2021-08-25", "2021-08-25", "2020-08-31"),  # anniversary before it
    ],
)
def test_article_date_refuses_dates_that_disagree(h1, expo, scenario, mobilisation):
    with pytest.raises(ValueError, match="do not place the article"):
        repost_gaps.article_date(h1, expo, scenario, mobilisation)
