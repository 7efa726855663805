"""Growth-rate arithmetic for the chapter "Growth": gaps, weighted sums, rounding, two-year averages.

Belongs here: arithmetic on growth rates and shares, which the claims' rules
(:mod:`sciencecity.rules.claims`) and the analyses use alike; wording and tables for the reader
are :mod:`sciencecity.presentation`'s.

All rates are in per cent (``19.8`` means 19.8 %), as the article and the statistics bureaus
print them. Every function is pure: it takes numbers and returns numbers (or a tuple of them).

The inputs are decimal figures printed to one decimal place, so the arithmetic is done in
:class:`decimal.Decimal` built from each number's shortest ``repr`` (``Decimal("22.3")``, not the
binary float ``22.300000000000000710…``): ``22.3 - 3.3`` is then exactly ``19.0`` and can be
compared with a published ``19.0`` by equality. Results are returned as ``float`` and are never
rounded here; round only for display.

Conventions used throughout:

* A sector's contribution to aggregate real growth is its base-period share of value added
  times its own growth: ``g = sum(w_i * g_i)`` with ``sum(w_i) = 1``. Weights passed to the
  functions below may be levels (亿元) or shares; they are normalised by their own sum.
* A figure printed to one decimal place stands for any true value within ``half_step`` (0.05)
  of it.
* The two-year average growth rate Chinese statistics reported in 2021 is the geometric mean
  on a 2019 base: ``sqrt((1 + g_2020) * (1 + g_2021)) - 1``.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext
from fractions import Fraction

#: Anything real: int, float, Decimal, Fraction, NumPy and pandas scalars, or a numeric string.
Number = numbers.Real | Decimal | str

#: Half the last printed digit of a rate printed to one decimal place.
HALF_STEP = 0.05


def _d(x: Number) -> Decimal:
    """``x`` as an exact decimal of its shortest representation (``0.1`` -> ``Decimal('0.1')``).

    Accepts Python and NumPy/pandas numbers alike: ``np.float64(19.8)`` and ``np.int64(3)`` are
    read through their Python value, ``np.float32(19.8)`` through its shortest printed form.
    """
    if isinstance(x, bool) or type(x).__name__ == "bool_":
        raise TypeError("a rate cannot be a bool")
    if isinstance(x, Decimal):
        value = x
    elif isinstance(x, str):
        try:
            value = Decimal(x.strip())
        except InvalidOperation:
            raise ValueError(f"not a number: {x!r}") from None
    elif isinstance(x, numbers.Integral):
        value = Decimal(int(x))
    elif isinstance(x, float):  # also np.float64, a float subclass
        value = Decimal(repr(float(x)))
    elif isinstance(x, Fraction):
        value = Decimal(x.numerator) / Decimal(x.denominator)
    elif isinstance(x, numbers.Real):  # np.float32, np.float16: their shortest printed form
        value = Decimal(str(x))
    else:
        raise TypeError(f"not a real number: {x!r} ({type(x).__name__})")
    if value.is_nan():
        raise ValueError("a rate cannot be NaN")
    if value.is_infinite():
        raise ValueError("a rate cannot be infinite")
    return value


def _seq(values: Iterable[Number]) -> list[Number]:
    """Any iterable of numbers (list, tuple, NumPy array, pandas Series, generator) as a list."""
    if isinstance(values, (str, bytes)) or not isinstance(values, Iterable):
        raise TypeError(f"expected an iterable of numbers, got {type(values).__name__}")
    return list(values)


def _shares(weights: Iterable[Number]) -> list[Decimal]:
    """Weights normalised to sum to 1; all must be non-negative and not all zero."""
    ws = [_d(w) for w in _seq(weights)]
    if any(w < 0 for w in ws):
        raise ValueError("weights must be non-negative")
    total = sum(ws, Decimal(0))
    if total == 0:
        raise ValueError("weights must not all be zero")
    return [w / total for w in ws]


def _check_lengths(rates: Iterable[Number], weights: Iterable[Number]) -> None:
    if len(rates) != len(weights):
        raise ValueError(f"{len(rates)} rates but {len(weights)} weights")
    if not rates:
        raise ValueError("no rates")


def implied_rate_from_gap(rate: Number, gap: Number) -> float:
    """The other party's rate when ``rate`` is ``gap`` percentage points above it.

    ``implied_rate_from_gap(22.3, 3.3)`` is ``19.0``: "22.3 %, 3.3 points above the city" means
    the city grew 19.0 %. A negative ``gap`` means ``rate`` is below the other.
    """
    return float(_d(rate) - _d(gap))


def points_gap(a: Number, b: Number) -> float:
    """``a - b`` in percentage points, exact at the printed decimals (``20.2 - 19.5`` is ``0.7``)."""
    return float(_d(a) - _d(b))


def total(values: Iterable[Number]) -> float:
    """The exact decimal sum of printed figures (``4.25 + 276.52 + 206.69`` is ``487.46``)."""
    return float(sum((_d(v) for v in _seq(values)), Decimal(0)))


def shares(weights: Iterable[Number]) -> list[float]:
    """Each weight's share of their sum (levels in 亿元 -> shares summing to 1)."""
    return [float(s) for s in _shares(weights)]


def weighted_growth(rates: Iterable[Number], weights: Iterable[Number]) -> float:
    """Aggregate growth ``sum(w_i * g_i)`` with the weights normalised to sum to 1.

    ``rates`` are the components' growth rates (%), ``weights`` their base-period value added
    (any unit) or shares.
    """
    rates, weights = _seq(rates), _seq(weights)
    _check_lengths(rates, weights)
    return float(sum((w * _d(g) for g, w in zip(rates, _shares(weights), strict=True)), Decimal(0)))


def growth_with_share(
    rates: Iterable[Number], weights: Iterable[Number], vary: int, absorb: int, share: Number
) -> float:
    """Aggregate growth when component ``vary`` has ``share`` (0–1) of the base.

    The other components keep their shares from ``weights`` except ``absorb``, which takes up
    whatever is left so that the shares still sum to 1. Raises ``ValueError`` if that would
    make ``absorb``'s share negative.
    """
    rates, weights = _seq(rates), _seq(weights)
    _check_lengths(rates, weights)
    if vary == absorb:
        raise ValueError("vary and absorb must be different components")
    s = list(_shares(weights))
    s[vary] = _d(share)
    if not 0 <= s[vary] <= 1:
        raise ValueError("share must be between 0 and 1")
    s[absorb] = 1 - sum((x for i, x in enumerate(s) if i != absorb), Decimal(0))
    if s[absorb] < 0:
        raise ValueError(f"share {share} leaves component {absorb} a negative share")
    return float(sum((w * _d(g) for g, w in zip(rates, s, strict=True)), Decimal(0)))


def weight_to_match(
    target: Number, rates: Iterable[Number], weights: Iterable[Number], vary: int, absorb: int
) -> float:
    """The share (0–1) of component ``vary`` at which the aggregate growth equals ``target``.

    As in :func:`growth_with_share`, ``absorb`` takes up the change and the other components
    keep their shares. The aggregate is linear in the share, with slope ``g_vary - g_absorb``,
    so the answer is exact. The result may lie outside 0–1 (then no mix reproduces ``target``);
    it is returned as computed so that the caller can say so. ``ValueError`` if the two rates
    are equal (the share then has no effect).
    """
    rates, weights = _seq(rates), _seq(weights)
    _check_lengths(rates, weights)
    if vary == absorb:
        raise ValueError("vary and absorb must be different components")
    g = [_d(x) for x in rates]
    if g[vary] == g[absorb]:
        raise ValueError("the two components grow at the same rate: their mix cannot change the total")
    s = _shares(weights)
    fixed = [i for i in range(len(g)) if i not in (vary, absorb)]
    fixed_share = sum((s[i] for i in fixed), Decimal(0))
    fixed_part = sum((s[i] * g[i] for i in fixed), Decimal(0))
    # target = fixed_part + x * g_vary + (1 - fixed_share - x) * g_absorb, solved for x
    x = (_d(target) - fixed_part - (1 - fixed_share) * g[absorb]) / (g[vary] - g[absorb])
    return float(x)


def rounding_band(
    rates: Iterable[Number], weights: Iterable[Number], half_step: Number = HALF_STEP
) -> tuple[float, float]:
    """Lowest and highest aggregate growth if every rate may be off by up to ``half_step``.

    The aggregate is increasing in every rate (weights are non-negative), so the extremes are
    all rates at their lower ends and all at their upper ends. With weights summing to 1 the
    band is ``weighted_growth(...) ± half_step``.
    """
    rates, weights = _seq(rates), _seq(weights)
    h = _d(half_step)
    if h < 0:
        raise ValueError("half_step must be non-negative")
    lo = weighted_growth([_d(g) - h for g in rates], weights)
    hi = weighted_growth([_d(g) + h for g in rates], weights)
    return lo, hi


def printed_interval(value: Number, half_step: Number = HALF_STEP) -> tuple[float, float]:
    """The true values a figure printed as ``value`` can stand for: ``value ± half_step``."""
    v, h = _d(value), _d(half_step)
    return float(v - h), float(v + h)


def intervals_overlap(a: tuple[Number, Number], b: tuple[Number, Number]) -> bool:
    """Whether the closed intervals ``a`` and ``b`` (each ``(low, high)``) share a point."""
    return _d(a[0]) <= _d(b[1]) and _d(b[0]) <= _d(a[1])


def inside(value: Number, band: tuple[Number, Number]) -> bool:
    """Whether ``value`` lies in the closed interval ``band`` = ``(low, high)``."""
    return _d(band[0]) <= _d(value) <= _d(band[1])


def two_year_average(g1: Number, g2: Number) -> float:
    """Average annual growth over two years (%): ``sqrt((1 + g1) * (1 + g2)) - 1``.

    ``g1`` is the first year's growth (2020 on 2019), ``g2`` the second's (2021 on 2020); the
    result is the geometric mean on the base of the year before ``g1``.
    """
    with localcontext() as ctx:
        ctx.prec = 40
        factor = (1 + _d(g1) / 100) * (1 + _d(g2) / 100)
        if factor < 0:
            raise ValueError("growth below -100 % has no average")
        return float((factor.sqrt() - 1) * 100)


def implied_prior_growth(two_year_avg: Number, current: Number) -> float:
    """The first year's growth (%) implied by a two-year average and the second year's growth.

    Inverts :func:`two_year_average`: ``(1 + avg)**2 / (1 + current) - 1``. With Chongqing's
    2021H1 figures (average 6.6 %, growth 12.8 %) this is its 2020H1 growth.
    """
    with localcontext() as ctx:
        ctx.prec = 40
        a, c = 1 + _d(two_year_avg) / 100, 1 + _d(current) / 100
        if c <= 0:
            raise ValueError("current growth must be above -100 %")
        return float((a * a / c - 1) * 100)


def implied_prior_growth_band(
    two_year_avg: Number, current: Number, half_step: Number = HALF_STEP
) -> tuple[float, float]:
    """Range of :func:`implied_prior_growth` when both inputs may be off by ``half_step``.

    The result rises with the average and falls with the current growth, so the low end pairs
    the lowest average with the highest current growth, and the high end the reverse.
    """
    a, c, h = _d(two_year_avg), _d(current), _d(half_step)
    return implied_prior_growth(a - h, c + h), implied_prior_growth(a + h, c - h)


@dataclass(frozen=True)
class PartsCheck:
    """The result of :func:`check_parts_sum`: the total, the named parts and how they compare."""

    total: float
    parts: tuple[tuple[str, float], ...]

    @property
    def parts_sum(self) -> float:
        return sum(value for _, value in self.parts)

    @property
    def difference(self) -> float:
        """Sum of the parts minus the total: negative when parts are missing."""
        return self.parts_sum - self.total

    @property
    def adds_up(self) -> bool:
        return math.isclose(self.parts_sum, self.total, rel_tol=0.0, abs_tol=1e-9)


def check_parts_sum(total: float, parts: Mapping[str, float] | Iterable[float]) -> PartsCheck:
    """Check that ``parts`` (a mapping name -> value, or plain values) add up to ``total``.

    Raises :class:`ValueError` when there are no parts or a value is missing (a figure whose
    digits were lost cannot be summed).
    """
    if isinstance(parts, Mapping):
        items = [(str(k), v) for k, v in parts.items()]
    else:
        items = [(f"part {i + 1}", v) for i, v in enumerate(parts)]
    if not items:
        raise ValueError("no parts to add up")
    for name, value in [("total", total), *items]:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            raise ValueError(f"{name} is missing: a lost figure cannot be summed")
    return PartsCheck(total=float(total), parts=tuple((k, float(v)) for k, v in items))
