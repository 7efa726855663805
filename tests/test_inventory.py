"""sciencecity.analysis.inventory: the kinds of period of the figures, the scanner's counts (by hand)."""

from __future__ import annotations

import pandas as pd
import pytest

from sciencecity.analysis import inventory

TINY = "某某论坛 2023年\n核心提示:\n今年上半年增长19.8%,总投资达.6亿元。\n上游新闻记者王倩\n"


def test_period_kinds_by_hand():
    periods = pd.Series(["2021H1", "2020", "2020-09/2021-09", "2021-09", "", "2021H2"])
    kinds = inventory.period_kinds(periods)
    assert list(kinds) == ["h1", "year", "first_year", "cumulative", "none", "h1"]


@pytest.mark.parametrize("bad", ["2021Q1", "21", "2021-09-11", "about 2021"])
def test_a_period_of_no_kind_is_refused(bad):
    with pytest.raises(ValueError, match="no known kind"):
        inventory.period_kinds(pd.Series(["2021", bad]))


def test_scanned_splits_the_article_from_the_forum():
    in_article, in_forum = inventory.scanned(TINY)
    # a text other than the seed is read as written: the lost-digit rules are off, .6亿元 is no quantity
    assert [q.text for q in in_article] == ["19.8%"]
    assert in_forum == 1  # the forum line's 2023年
