"""The growth chapter's computations: the core's weighted growth, its sensitivity and its bands.

Belongs here: pure functions from the article's rates and the other sources' weights to the
numbers the growth chapter (chapter 2) and its checks (chapter 9) show: which sectors grew
faster than the city, the implied total over a range of secondary shares, the shares that
reproduce the reported total, the city rate a printed gap implies, the first half of 2020 a
two-year average implies. The arithmetic primitives (exact decimals, rounding bands) are
:mod:`sciencecity.rules.arithmetic`'s; wording is the presentation layer's.

Rates are in per cent; shares are fractions (0–1).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd

from sciencecity.rules import arithmetic

#: Positions of the three sectors in every list of sector rates or weights (primary first).
PRIMARY, SECONDARY, TERTIARY = 0, 1, 2
#: The sensitivity curve spans the secondary share's 2020 value (rounded to 0.1) ± this share.
SHARE_HALF_RANGE = 0.1
#: How the ids of ``external.csv`` name Chongqing municipality's own figures.
CITY_PREFIX = "cq_"
#: Points of the sensitivity curve (a step of a quarter of a percentage point over ±10 points).
SHARE_POINTS = 81


def faster_and_slower(names: Sequence[str], rates: Sequence[float], others: Sequence[float]):
    """The names whose rate is above the other's, and those whose rate is below it (ties in neither)."""
    pairs = list(zip(names, rates, others, strict=True))
    return [n for n, a, b in pairs if a > b], [n for n, a, b in pairs if a < b]


def sensitivity_curve(rates, weights, vary: int = SECONDARY, absorb: int = TERTIARY):
    """The share grid (fractions) and the total growth the rates imply at each share of ``vary``.

    The grid runs over :data:`SHARE_HALF_RANGE` either side of ``vary``'s share in ``weights``
    (rounded to 0.1), in :data:`SHARE_POINTS` points; ``absorb`` takes up the change
    (:func:`~sciencecity.rules.arithmetic.growth_with_share`).
    """
    centre = round(arithmetic.shares(weights)[vary], 1)
    grid = np.linspace(centre - SHARE_HALF_RANGE, centre + SHARE_HALF_RANGE, SHARE_POINTS)
    curve = np.array([arithmetic.growth_with_share(rates, weights, vary, absorb, float(s)) for s in grid])
    return grid, curve


def shares_to_match(target: float, rates, weights, vary: int = SECONDARY, absorb: int = TERTIARY):
    """The share of ``vary`` that reproduces ``target`` exactly, and the shares that reproduce the
    two ends of the values ``target`` stands for as printed: ``(needed, (low, high))``."""
    lo, hi = arithmetic.printed_interval(target)
    return (
        arithmetic.weight_to_match(target, rates, weights, vary, absorb),
        (
            arithmetic.weight_to_match(lo, rates, weights, vary, absorb),
            arithmetic.weight_to_match(hi, rates, weights, vary, absorb),
        ),
    )


def implied_rate_band(rate: float, gap: float) -> tuple[float, float]:
    """The other party's rate when ``rate`` is ``gap`` points above it, both printed to one decimal:
    lowest and highest (the lowest rate less the highest gap, and the reverse)."""
    rate_lo, rate_hi = arithmetic.printed_interval(rate)
    gap_lo, gap_hi = arithmetic.printed_interval(gap)
    return arithmetic.implied_rate_from_gap(rate_lo, gap_hi), arithmetic.implied_rate_from_gap(rate_hi, gap_lo)


def prior_growth(two_year_avg: float, current: float) -> tuple[float, tuple[float, float], float]:
    """The first year's growth a two-year average and the second year's growth imply, its range
    allowing for their rounding, and the two-year average it gives back: ``(prior, (lo, hi), avg)``."""
    prior = arithmetic.implied_prior_growth(two_year_avg, current)
    band = arithmetic.implied_prior_growth_band(two_year_avg, current)
    return prior, band, arithmetic.two_year_average(prior, current)


def city_total_listed(external: pd.DataFrame, metric: str) -> bool:
    """Whether ``external`` (indexed by id) has a figure of Chongqing's whose metric names ``metric``."""
    named = external["metric"].str.contains(metric, case=False, regex=False)
    return bool((named & external.index.str.startswith(CITY_PREFIX)).any())
