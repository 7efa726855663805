"""sciencecity.rules.arithmetic: exact expected numbers, worked by hand, for every function."""

from __future__ import annotations

import math
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

from sciencecity.analysis import growth
from sciencecity.rules import arithmetic

# The core's 2021H1 sector growth (article) and 2020 value added in 亿元 (park yearbook).
RATES = [3.9, 20.2, 19.5]
LEVELS = [4.25, 276.52, 206.69]
SUM = 487.46  # 4.25 + 276.52 + 206.69


def test_gap_is_exact_in_decimal():
    assert arithmetic.implied_rate_from_gap(22.3, 3.3) == 19.0
    assert arithmetic.implied_rate_from_gap(0.3, 0.1) == 0.2  # binary floats give 0.19999999999999998
    assert arithmetic.implied_rate_from_gap(10.0, -2.5) == 12.5


def test_points_gap_and_total():
    assert arithmetic.points_gap(20.2, 19.5) == 0.7
    assert arithmetic.points_gap(12.8, 19.8) == -7.0
    assert arithmetic.total(LEVELS) == 487.46
    assert arithmetic.total([0.1, 0.2]) == 0.3
    assert arithmetic.total([]) == 0.0


def test_shares_normalise_levels():
    assert arithmetic.shares([1, 3]) == [0.25, 0.75]
    s = arithmetic.shares(LEVELS)
    assert s[1] == pytest.approx(276.52 / SUM, abs=1e-15)
    assert math.fsum(s) == pytest.approx(1.0, abs=1e-15)


def test_shares_reject_bad_weights():
    with pytest.raises(ValueError):
        arithmetic.shares([1, -1])
    with pytest.raises(ValueError):
        arithmetic.shares([0, 0])


def test_weighted_growth_simple_cases():
    assert arithmetic.weighted_growth([10, 20], [1, 1]) == 15.0
    assert arithmetic.weighted_growth([10, 20], [3, 1]) == 12.5
    assert arithmetic.weighted_growth([10, 20], [0.75, 0.25]) == 12.5  # shares or levels alike
    assert arithmetic.weighted_growth([7.0], [5]) == 7.0


def test_weighted_growth_of_the_core():
    # (3.9*4.25 + 20.2*276.52 + 19.5*206.69) / 487.46 = 9632.734 / 487.46
    expected = Decimal("9632.734") / Decimal("487.46")
    assert arithmetic.weighted_growth(RATES, LEVELS) == pytest.approx(float(expected), abs=1e-12)
    assert round(arithmetic.weighted_growth(RATES, LEVELS), 2) == 19.76


def test_weighted_growth_of_chongqing_benchmark():
    # 0.072*8.9 + 0.400*13.2 + 0.528*12.9 = 0.6408 + 5.28 + 6.8112 = 12.732
    assert arithmetic.weighted_growth([8.9, 13.2, 12.9], [7.2, 40.0, 52.8]) == 12.732


def test_weighted_growth_length_mismatch():
    with pytest.raises(ValueError):
        arithmetic.weighted_growth([1, 2], [1])
    with pytest.raises(ValueError):
        arithmetic.weighted_growth([], [])


def test_growth_with_share():
    # vary component 0 to 0.5 of [a, b, c]; component 2 absorbs; component 1 keeps 0.25
    assert (
        arithmetic.growth_with_share([10, 20, 30], [1, 1, 2], vary=0, absorb=2, share=0.5)
        == 0.5 * 10 + 0.25 * 20 + 0.25 * 30
    )
    # the core, secondary at 50 %: primary keeps 4.25/487.46, tertiary gets the rest
    p = Decimal("4.25") / Decimal("487.46")
    expected = p * Decimal("3.9") + Decimal("0.5") * Decimal("20.2") + (1 - p - Decimal("0.5")) * Decimal("19.5")
    assert arithmetic.growth_with_share(RATES, LEVELS, 1, 2, 0.5) == pytest.approx(float(expected), abs=1e-12)
    # at the actual share the result is the plain weighted growth
    actual = arithmetic.shares(LEVELS)[1]
    assert arithmetic.growth_with_share(RATES, LEVELS, 1, 2, actual) == pytest.approx(
        arithmetic.weighted_growth(RATES, LEVELS), abs=1e-12
    )


def test_growth_with_share_rejects_impossible_mix():
    with pytest.raises(ValueError):
        arithmetic.growth_with_share([10, 20, 30], [1, 1, 2], vary=0, absorb=2, share=0.9)  # leaves -0.15
    with pytest.raises(ValueError):
        arithmetic.growth_with_share([10, 20], [1, 1], vary=0, absorb=0, share=0.5)
    with pytest.raises(ValueError):
        arithmetic.growth_with_share([10, 20], [1, 1], vary=0, absorb=1, share=1.5)


def test_weight_to_match_two_components():
    # 10*x + 20*(1-x) = 17 -> x = 0.3
    assert arithmetic.weight_to_match(17, [10, 20], [1, 1], vary=0, absorb=1) == 0.3
    # a target outside the rates gives a share outside 0-1, returned as computed
    assert arithmetic.weight_to_match(25, [10, 20], [1, 1], vary=0, absorb=1) == -0.5


def test_weight_to_match_the_core():
    # x = (19.8 - p*3.9 - (1-p)*19.5) / (20.2 - 19.5), p = 4.25/487.46
    p = Decimal("4.25") / Decimal("487.46")
    expected = (Decimal("19.8") - p * Decimal("3.9") - (1 - p) * Decimal("19.5")) / Decimal("0.7")
    x = arithmetic.weight_to_match(19.8, RATES, LEVELS, vary=1, absorb=2)
    assert x == pytest.approx(float(expected), abs=1e-12)
    assert round(x, 3) == 0.623
    # and that share reproduces 19.8
    assert arithmetic.growth_with_share(RATES, LEVELS, 1, 2, x) == pytest.approx(19.8, abs=1e-12)


def test_weight_to_match_equal_rates():
    with pytest.raises(ValueError):
        arithmetic.weight_to_match(10, [10, 10], [1, 1], vary=0, absorb=1)


def test_rounding_band():
    assert arithmetic.rounding_band([10, 20], [1, 1]) == (14.95, 15.05)
    assert arithmetic.rounding_band([10, 20], [1, 1], half_step=0.5) == (14.5, 15.5)
    lo, hi = arithmetic.rounding_band(RATES, LEVELS)
    mid = arithmetic.weighted_growth(RATES, LEVELS)
    assert lo == pytest.approx(mid - 0.05, abs=1e-12)
    assert hi == pytest.approx(mid + 0.05, abs=1e-12)
    with pytest.raises(ValueError):
        arithmetic.rounding_band([10], [1], half_step=-0.05)


def test_intervals():
    assert arithmetic.printed_interval(19.8) == (19.75, 19.85)
    assert arithmetic.printed_interval(3.3, half_step=0.005) == (3.295, 3.305)
    assert arithmetic.intervals_overlap((19.75, 19.85), (19.71, 19.81))
    assert arithmetic.intervals_overlap((1, 2), (2, 3))  # closed: touching counts
    assert not arithmetic.intervals_overlap((1, 2), (2.01, 3))
    assert arithmetic.inside(19.8, (19.71, 19.81))
    assert not arithmetic.inside(19.82, (19.71, 19.81))


def test_two_year_average():
    # sqrt(1.21 * 1.00) - 1 = 0.1 exactly
    assert arithmetic.two_year_average(21, 0) == pytest.approx(10.0, abs=1e-12)
    assert arithmetic.two_year_average(0, 21) == pytest.approx(10.0, abs=1e-12)
    # sqrt(1.44 * 1.00) = 1.2; sqrt(0.81 * 1.00) = 0.9
    assert arithmetic.two_year_average(44, 0) == pytest.approx(20.0, abs=1e-12)
    assert arithmetic.two_year_average(-19, 0) == pytest.approx(-10.0, abs=1e-12)
    # the geometric mean lies below the arithmetic mean of 21 and 0
    assert arithmetic.two_year_average(21, 0) < 10.5


def test_implied_prior_growth():
    # 1.066**2 / 1.128 - 1 = 1.136356 / 1.128 - 1
    expected = (Decimal("1.136356") / Decimal("1.128") - 1) * 100
    assert arithmetic.implied_prior_growth(6.6, 12.8) == pytest.approx(float(expected), abs=1e-12)
    assert round(arithmetic.implied_prior_growth(6.6, 12.8), 2) == 0.74
    # it inverts two_year_average
    assert arithmetic.implied_prior_growth(10, 0) == pytest.approx(21.0, abs=1e-12)
    g = arithmetic.implied_prior_growth(6.6, 12.8)
    assert arithmetic.two_year_average(g, 12.8) == pytest.approx(6.6, abs=1e-12)


def test_implied_prior_growth_band():
    lo, hi = arithmetic.implied_prior_growth_band(6.6, 12.8)
    assert lo == pytest.approx(float((Decimal("1.0655") ** 2 / Decimal("1.1285") - 1) * 100), abs=1e-12)
    assert hi == pytest.approx(float((Decimal("1.0665") ** 2 / Decimal("1.1275") - 1) * 100), abs=1e-12)
    assert lo < arithmetic.implied_prior_growth(6.6, 12.8) < hi


@pytest.mark.parametrize(
    "x",
    [np.float64(22.3), np.float32(22.3), np.int64(22) + np.float64(0.3), pd.Series([22.3]).iloc[0], "22.3"],
    ids=["float64", "float32", "int64_sum", "series_item", "str"],
)
def test_any_real_number_is_read_at_its_printed_decimals(x):
    assert arithmetic.implied_rate_from_gap(x, np.float64(3.3)) == 19.0


def test_integers_of_numpy_and_python_alike():
    assert arithmetic.points_gap(np.int64(20), 19) == 1.0
    assert arithmetic.total(np.array([1, 2, 3], dtype=np.int32)) == 6.0


def test_any_iterable_of_numbers():
    rates, levels = np.array(RATES), pd.Series(LEVELS, index=["a", "b", "c"])
    expected = arithmetic.weighted_growth(RATES, LEVELS)
    assert arithmetic.weighted_growth(rates, levels) == expected
    assert arithmetic.weighted_growth(iter(RATES), (w for w in LEVELS)) == expected
    assert arithmetic.rounding_band(rates, levels) == arithmetic.rounding_band(RATES, LEVELS)
    assert arithmetic.total(pd.Series(LEVELS)) == 487.46
    assert arithmetic.shares(np.array([1.0, 3.0])) == [0.25, 0.75]


@pytest.mark.parametrize("bad", [np.float64("nan"), float("inf"), np.bool_(True), True, None, "abc"])
def test_what_is_not_a_real_number_is_refused(bad):
    with pytest.raises((TypeError, ValueError)):
        arithmetic.points_gap(bad, 1)


def test_a_string_is_not_an_iterable_of_numbers():
    with pytest.raises(TypeError):
        arithmetic.total("123")


# -- sciencecity.analysis.growth: the chapter's computations ------------------------------------


def test_faster_and_slower_leave_ties_out():
    assert growth.faster_and_slower(["a", "b", "c", "d"], [3.9, 20.2, 19.5, 5.0], [8.9, 13.2, 12.9, 5.0]) == (
        ["b", "c"],
        ["a"],
    )


def test_sensitivity_curve_is_linear_in_the_share():
    # secondary share 60 % (rounded: 0.6), grid 0.5 to 0.7; primary share 0, so g = 20 s + 10 (1 - s)
    grid, curve = growth.sensitivity_curve([10, 20, 10], [0, 60, 40])
    assert len(grid) == growth.SHARE_POINTS == 81
    assert grid[0] == pytest.approx(0.5) and grid[-1] == pytest.approx(0.7)
    assert curve[0] == pytest.approx(15.0) and curve[40] == pytest.approx(16.0) and curve[-1] == pytest.approx(17.0)


def test_shares_to_match_the_target_and_its_printed_ends():
    # g = 10 + 10 s: 15.0 needs s = 0.5; 14.95 and 15.05 need 0.495 and 0.505
    needed, (lo, hi) = growth.shares_to_match(15.0, [10, 20, 10], [0, 60, 40])
    assert needed == pytest.approx(0.5)
    assert (lo, hi) == (pytest.approx(0.495), pytest.approx(0.505))


def test_implied_rate_band_pairs_the_ends():
    # 22.3 and 3.3 each ± 0.05: 22.25 - 3.35 = 18.9, 22.35 - 3.25 = 19.1
    assert growth.implied_rate_band(22.3, 3.3) == (18.9, 19.1)


def test_prior_growth_from_a_two_year_average():
    # 1.1² / 1.0 - 1 = 21 %; the average back from 21 % and 0 % is 10 %
    prior, (lo, hi), back = growth.prior_growth(10, 0)
    assert prior == pytest.approx(21.0)
    assert back == pytest.approx(10.0)
    assert lo < prior < hi
    # Chongqing, 2021H1: 1.066² / 1.128 - 1 = 1.136356 / 1.128 - 1 = 0.7407801…%
    assert growth.prior_growth(6.6, 12.8)[0] == pytest.approx(0.74078014184397)


def test_city_total_listed_reads_the_city_rows_only():
    external = pd.DataFrame(
        {"metric": ["industrial output growth", "GDP", "Industrial Output"]}, index=["core_x", "cq_gdp", "cq_out"]
    )
    assert growth.city_total_listed(external, "industrial output")
    assert not growth.city_total_listed(external.iloc[:2], "industrial output")
