"""sciencecity.analysis.scale: shares of the city, contributions to its growth, 亿元 in billions (by hand)."""

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


def test_land_shares_by_hand():
    shares = scale.land_shares(core_km2=25, science_city_km2=100, hosts_km2=400, city_km2=1000)
    assert shares == {
        "hosts_of_city": 40.0,
        "science_city_of_hosts": 25.0,
        "science_city_of_city": 10.0,
        "core_of_science_city": 25.0,
        "core_of_city": 2.5,
    }
    with pytest.raises(ValueError):
        scale.land_shares(25, 100, 0, 1000)


def test_core_in_city_growth_by_hand():
    # 2 of 100 is 2 %; growing 19.8 % it adds 0.396 points, 3.09375 % of the whole's 12.8 %
    result = scale.core_in_city_growth(core_gdp=2, city_gdp=100, core_growth=19.8, city_growth=12.8)
    assert result == pytest.approx({"gdp_share": 2.0, "contribution_points": 0.396, "contribution_share": 3.09375})
    with pytest.raises(ValueError):
        scale.core_in_city_growth(2, 100, 19.8, 0)
