"""The results of the chapter "Where the science city is, and how big" (book/01_place), by glue key.

Each function takes the checked package (:func:`sciencecity.rules.checked.load_package`, plus the
seed's text where it quotes the article) and returns what the chapter glues or shows: a dict
``{glue key: value}`` (values as the chapter cites them: floats stay floats, quotes strings), or
a chart with its chart-data file. The district boundaries are read and measured by
:func:`sciencecity.analysis.geo.measured_districts`; the ratios are
:mod:`sciencecity.analysis.scale`'s.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML, Markdown

from sciencecity.analysis import geo, scale
from sciencecity.presentation import charts, style, words

#: Rows of ``external.csv`` (context from other sources) the chapter sets the article against.
SCIENCE_CITY_AREA = "science_city_area"  # the science city's planned area, km²
CORE_AREA = "core_park_area"  # the core's (直管园) area, km²
CORE_GDP = "core_gdp_2020"  # the core's GDP in its statistical yearbook, 亿元
CITY_GDP = "cq_gdp_2020"  # Chongqing's GDP in the same year, 亿元
CITY_GROWTH_H1 = "cq_gdp_growth_h1_2021"  # Chongqing's GDP growth in the article's half-year, %
LAUNCH_INVESTMENT = "launch_investment"  # planned total investment of the launch projects, 亿元
LAUNCH_PROJECTS = "launch_projects"  # the number of those projects
#: Figures of the article (``figures.csv``): the core's share of the city's industrial output, the
#: science city's share of its foreign trade, the core's GDP growth in the half-year.
OUTPUT_SHARE = "industrial_output_share_city_2020"
TRADE_SHARE = "trade_share_city"
CORE_GROWTH_H1 = "gdp_growth_h1"

#: The core's district cell in the zones table: it has no district of its own (see the text).
CORE_DISTRICTS = "parts of 沙坪坝区 and 九龙坡区 (see text)"
#: The scopes of the chart of shares, and the period shown when the article states none.
CORE_SCOPE, CITY_SCOPE, NO_PERIOD = "core 直管园", "science city 科学城", "not stated"
#: The columns of the map's data file: each item with its zone and the zone's host district.
HOST_COLUMNS = ["zone_id", "adcode", "district_zh", "district_en", "area_km2"]
MAP_DATA_COLUMNS = ["zone_id", "zone_zh", *HOST_COLUMNS[1:], "item_zh", "short_en", "item_en"]
SCALE_COLUMNS = ["measure", "scope", "period", "share_of_chongqing_pct", "source_kind"]


def _external(package: dict[str, pd.DataFrame]) -> pd.DataFrame:
    return package["external"].set_index("id")


def _figure_value(package: dict[str, pd.DataFrame], figure_id: str) -> float:
    return float(package["figures"].set_index("id").loc[figure_id, "value"])


def _quote(package: dict[str, pd.DataFrame], text: str, figure_id: str) -> str:
    """A figure's quote as the seed has it at the figure's offset."""
    f = package["figures"].set_index("id").loc[figure_id]
    return text[int(f["start"]) : int(f["start"]) + len(f["quote"])]


def _places(package: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Chongqing's districts measured (``cq``) and the zones with their host districts (``hosts``)."""
    cq = geo.measured_districts()
    return cq, geo.host_districts(package["zones"], cq)


def zones(package: dict[str, pd.DataFrame], text: str) -> dict[str, str]:
    """The article's plan for the core, quoted, and the five host districts named."""
    core = geo.core_zone(package["zones"])
    _, hosts = _places(package)
    return {
        "place_quote_core": text[core["start"] : core["start"] + len(core["quote"])] + "……",
        "place_host_list": ", ".join(f"{h.district_zh} {h.district_en}" for h in hosts.itertuples()),
    }


def map_chart(package: dict[str, pd.DataFrame]) -> dict:
    """The map of the zones and their positioning items (fig-place-map), and its data file."""
    cq, hosts = _places(package)
    items = package["zone_industries"]
    chart = style.chart(charts.place_map, "fig-place-map", cq, cq.loc[hosts["adcode"]], hosts, items, geo.SHORT_EN)
    data = items.merge(hosts[HOST_COLUMNS], on="zone_id", how="left")
    data = data.assign(short_en=data["item_zh"].map(geo.SHORT_EN), area_km2=data["area_km2"].round(1))
    return {
        "place_fig_map": chart,
        "place_fig_map_data": Markdown(words.chart_data(data[MAP_DATA_COLUMNS], "fig-place-map")),
    }


def zone_table(package: dict[str, pd.DataFrame]) -> dict[str, HTML]:
    """Each zone, its host district and its positioning items, in Chinese and English (the map as a table)."""
    _, hosts = _places(package)
    by_zone, districts_en = package["zones"].set_index("zone_id"), hosts.set_index("zone_id")["district_en"]
    rows = []
    for zone_id, group in package["zone_industries"].groupby("zone_id", sort=False):
        z = by_zone.loc[zone_id]
        rows.append(
            {
                "Zone 片区": f"{z['zone_zh']}<br>{z['name_en']}",
                "District 区": f"{z['district_zh']}<br>{districts_en[zone_id]}" if z["district_zh"] else CORE_DISTRICTS,
                "Positioning items": "<br>".join(f"{i.item_zh} {i.item_en}" for i in group.itertuples()),
            }
        )
    table = style.table(pd.DataFrame(rows), escape=False)
    return {"place_tbl_zones": HTML(f'<div id="place-zone-table">{table.data}</div>')}


def _land(package: dict[str, pd.DataFrame]) -> tuple[pd.DataFrame, float, float, dict[str, float]]:
    """The hosts, their total area, the city's, and :func:`scale.land_shares`."""
    cq, hosts = _places(package)
    external = _external(package)
    area_hosts, area_city = float(hosts["area_km2"].sum()), float(cq["area_km2"].sum())
    sc_area, core_area = float(external.loc[SCIENCE_CITY_AREA, "value"]), float(external.loc[CORE_AREA, "value"])
    return hosts, area_hosts, area_city, scale.land_shares(core_area, sc_area, area_hosts, area_city)


def areas(package: dict[str, pd.DataFrame]) -> dict:
    """The areas of the host districts, the city, the science city and the core, their shares, and the table."""
    hosts, area_hosts, area_city, shares = _land(package)
    sc_area, core_area = _external(package).loc[SCIENCE_CITY_AREA], _external(package).loc[CORE_AREA]
    values = {
        "place_area_hosts": area_hosts,
        "place_area_city": area_city,
        "place_hosts_share_city_pct": shares["hosts_of_city"],
        "place_area_sc": float(sc_area["value"]),
        "place_area_sc_date": sc_area["source_date"],
        "place_area_core": float(core_area["value"]),
        "place_sc_share_hosts_pct": shares["science_city_of_hosts"],
        "place_sc_share_city_pct": shares["science_city_of_city"],
        "place_core_share_sc_pct": shares["core_of_science_city"],
    }
    values |= {f"place_area_{h.zone_id}": float(h.area_km2) for h in hosts.itertuples()}
    table = pd.DataFrame(
        {
            "District": [f"{h.district_zh} {h.district_en}" for h in hosts.itertuples()]
            + ["Five districts", "Chongqing municipality"],
            "Area, km² (computed)": [f"{a:,.1f}" for a in [*hosts["area_km2"], area_hosts, area_city]],
            "Share of the five, %": [f"{scale.share_pct(a, area_hosts):.1f}" for a in hosts["area_km2"]]
            + ["100.0", ""],
        }
    )
    return values | {"place_tbl_areas": style.table(table)}


def _growth(package: dict[str, pd.DataFrame]) -> dict[str, float]:
    """:func:`scale.core_in_city_growth` on the core's and the city's GDP and growth."""
    external = _external(package)
    return scale.core_in_city_growth(
        float(external.loc[CORE_GDP, "value"]),
        float(external.loc[CITY_GDP, "value"]),
        _figure_value(package, CORE_GROWTH_H1),
        float(external.loc[CITY_GROWTH_H1, "value"]),
    )


def economy(package: dict[str, pd.DataFrame], text: str) -> dict:
    """The core and the science city in Chongqing's economy: GDP, industrial output, trade, growth, investment."""
    external, growth = _external(package), _growth(package)
    core_gdp, city_gdp = float(external.loc[CORE_GDP, "value"]), float(external.loc[CITY_GDP, "value"])
    launch = float(external.loc[LAUNCH_INVESTMENT, "value"])
    return {
        "place_core_gdp_2020": core_gdp,
        "place_core_gdp_2020_bn": words.billion_yuan(core_gdp),
        "place_cq_gdp_2020": city_gdp,
        "place_cq_gdp_2020_bn": words.billion_yuan(city_gdp),
        "place_core_gdp_share_2020": growth["gdp_share"],
        "place_core_area_share_city": _land(package)[3]["core_of_city"],
        "place_quote_output": _quote(package, text, OUTPUT_SHARE),
        "place_output_share": _figure_value(package, OUTPUT_SHARE),
        "place_quote_trade": _quote(package, text, TRADE_SHARE),
        "place_trade_share": _figure_value(package, TRADE_SHARE),
        "place_core_growth_h1": _figure_value(package, CORE_GROWTH_H1),
        "place_cq_growth_h1": float(external.loc[CITY_GROWTH_H1, "value"]),
        "place_core_contribution_pts": growth["contribution_points"],
        "place_core_contribution_share": growth["contribution_share"],
        "place_launch_investment": launch,
        "place_launch_projects": float(external.loc[LAUNCH_PROJECTS, "value"]),
        "place_launch_investment_bn": words.billion_yuan(launch),
    }


def _year(period: str) -> str:
    """The year of a period as the chart labels it (``2020-09`` → ``2020``), or "not stated"."""
    return period[:4] or NO_PERIOD


def scale_data(package: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The shares of Chongqing that fig-place-scale draws, each with its measure, scope, period and kind."""
    external, figures = _external(package), package["figures"].set_index("id")
    shares = _land(package)[3]
    rows = [
        ("Land", CORE_SCOPE, _year(external.loc[CORE_AREA, "period"]), shares["core_of_city"], "derived"),
        (
            "Land",
            CITY_SCOPE,
            _year(external.loc[SCIENCE_CITY_AREA, "period"]),
            shares["science_city_of_city"],
            "derived",
        ),
        ("GDP", CORE_SCOPE, _year(external.loc[CORE_GDP, "period"]), _growth(package)["gdp_share"], "context"),
    ]
    for measure, scope, figure_id in (
        ("Industrial output (规上)", CORE_SCOPE, OUTPUT_SHARE),
        ("Foreign trade", CITY_SCOPE, TRADE_SHARE),
    ):
        rows.append(
            (measure, scope, _year(figures.loc[figure_id, "period"]), _figure_value(package, figure_id), "article")
        )
    return pd.DataFrame(rows, columns=SCALE_COLUMNS)


def scale_chart(package: dict[str, pd.DataFrame]) -> dict:
    """The chart of the shares of Chongqing (fig-place-scale) and its data file."""
    data = scale_data(package)
    return {
        "place_fig_scale": style.chart(charts.place_scale, "fig-place-scale", data),
        "place_fig_scale_data": Markdown(
            words.chart_data(data.round({"share_of_chongqing_pct": 4}), "fig-place-scale")
        ),
    }
