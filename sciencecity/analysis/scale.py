"""How big the core and the science city are in Chongqing: shares of the city and contributions.

Belongs here: ratios that place the core (直管园) or the science city (科学城) in Chongqing's
economy, or an area in the science city — a level as a share of the whole, a part's contribution
to the city's growth. Areas themselves are in :mod:`sciencecity.analysis.geo`, the conversion of 亿元 to
billions of yuan in :mod:`sciencecity.presentation.words`, growth-rate arithmetic within the core in
:mod:`sciencecity.rules.arithmetic`.

Conventions: shares are returned in per cent (``1.95`` means 1.95 %); growth rates are in per
cent as printed; a contribution is in percentage points of the whole's growth. Nothing is
rounded here; round only for display.

The contribution of a part to the growth of a whole is its weight in the whole in the base
period times its own growth: ``c = w · g`` (``w`` a fraction, ``g`` in per cent, ``c`` in
points). With real (constant-price) growth the exact weight is the part's share of the whole's
base-period value added at constant prices; the chapter uses a nearby published share instead
and says so.
"""

from __future__ import annotations

import math


def share_pct(part: float, whole: float) -> float:
    """``part`` as a percentage of ``whole``; both non-negative, ``whole`` positive."""
    if any(math.isnan(x) for x in (part, whole)) or whole <= 0 or part < 0:
        raise ValueError(f"share of {part!r} in {whole!r}: need part >= 0 and whole > 0")
    return 100 * part / whole


def growth_contribution(weight_pct: float, growth_pct: float) -> float:
    """Points of the whole's growth contributed by a part of ``weight_pct`` % growing ``growth_pct`` %."""
    if math.isnan(weight_pct) or not 0 <= weight_pct <= 100:
        raise ValueError(f"weight {weight_pct!r} must be a percentage from 0 to 100")
    return weight_pct / 100 * growth_pct


def share_of_growth_pct(contribution_points: float, whole_growth_pct: float) -> float:
    """A contribution as a percentage of the whole's growth (``whole_growth_pct`` must be positive)."""
    if not whole_growth_pct > 0:
        raise ValueError(f"the whole's growth {whole_growth_pct!r} must be positive to share it out")
    return 100 * contribution_points / whole_growth_pct


def land_shares(core_km2: float, science_city_km2: float, hosts_km2: float, city_km2: float) -> dict[str, float]:
    """The areas as shares of one another, in per cent: the host districts of the city, the science
    city of its hosts and of the city, the core of the science city and of the city."""
    return {
        "hosts_of_city": share_pct(hosts_km2, city_km2),
        "science_city_of_hosts": share_pct(science_city_km2, hosts_km2),
        "science_city_of_city": share_pct(science_city_km2, city_km2),
        "core_of_science_city": share_pct(core_km2, science_city_km2),
        "core_of_city": share_pct(core_km2, city_km2),
    }


def core_in_city_growth(core_gdp: float, city_gdp: float, core_growth: float, city_growth: float) -> dict[str, float]:
    """The core's GDP share of the city (%), the points of the city's growth it contributed with
    that share as its weight, and that contribution as a share of the city's growth (%)."""
    gdp_share = share_pct(core_gdp, city_gdp)
    contribution = growth_contribution(gdp_share, core_growth)
    return {
        "gdp_share": gdp_share,
        "contribution_points": contribution,
        "contribution_share": share_of_growth_pct(contribution, city_growth),
    }
