"""sciencecity.scale: shares of the city, contributions to its growth, 亿元 in billions (by hand)."""

from __future__ import annotations

import math

import pytest

from sciencecity.analysis import scale


def test_share_pct():
    assert scale.share_pct(1, 4) == 25.0
    assert scale.share_pct(0, 4) == 0.0
    assert scale.share_pct(1198, 1198) == 100.0
    assert scale.share_pct(313.5, 1198) == pytest.approx(26.168614357, rel=1e-9)  # 313.5 / 1198
    for bad in [(1, 0), (-1, 4), (math.nan, 4), (1, math.nan)]:
        with pytest.raises(ValueError):
            scale.share_pct(*bad)


def test_growth_contribution():
    # a part of 2 % of the whole growing 19.8 % adds 0.02 × 19.8 = 0.396 points
    assert scale.growth_contribution(2, 19.8) == pytest.approx(0.396)
    assert scale.growth_contribution(100, 12.8) == pytest.approx(12.8)  # the whole itself
    assert scale.growth_contribution(0, 50) == 0.0
    assert scale.growth_contribution(10, -5) == pytest.approx(-0.5)
    for bad in [-1, 101, math.nan]:
        with pytest.raises(ValueError):
            scale.growth_contribution(bad, 5)


def test_share_of_growth():
    assert scale.share_of_growth_pct(0.396, 12.8) == pytest.approx(3.09375)  # 0.396 / 12.8
    assert scale.share_of_growth_pct(0, 12.8) == 0.0
    with pytest.raises(ValueError):
        scale.share_of_growth_pct(1, 0)
