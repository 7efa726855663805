"""The results of the chapter on the economy behind the figures (book/06_economy.ipynb).

One function per result the chapter shows, each taking the checked package
(:func:`sciencecity.rules.checked.load_package`, and the seed text where it quotes the article)
and returning its values by glue key, in the order the chapter glues them
(:func:`sciencecity.presentation.glue.glue_all`): the structure of Chongqing's industry and trade,
the core's GDP levels and the later counts, the other themes, and the core beside its peers.
The arithmetic is :mod:`sciencecity.analysis.economy`'s and :mod:`sciencecity.analysis.scale`'s.
"""

from __future__ import annotations

import math
from functools import partial
from typing import Any

import pandas as pd
from IPython.display import Markdown

from sciencecity.analysis import economy, scale
from sciencecity.presentation import charts, style, words

Values = dict[str, Any]

#: Rows of external.csv: the value added of the core's secondary industry and of its industry (工业).
CORE_SECONDARY, CORE_INDUSTRY = "core_secondary_va_2020", "core_industry_va_2020"
#: Row of external.csv: the area of the core's directly managed park (km²).
CORE_AREA = "core_park_area"
#: Rows of figures.csv: the article's shares of Chongqing's industrial output and trade.
OUTPUT_SHARE, TRADE_SHARE = "industrial_output_share_city_2020", "trade_share_city"
#: Rows of economy.csv the structure section uses: Chongqing's secondary value added, its
#: electromechanical exports and their share, laptop exports, processing-trade shares, Chengdu's.
CQ_SECONDARY = "cq_secondary_va_2020"
CQ_ELECTROMECH, CQ_ELECTROMECH_SHARE = "cq_electromech_exports_2019", "cq_electromech_export_share_2019"
CQ_LAPTOPS = "cq_laptop_exports_2019"
CQ_ZONES_PROCESSING, CQ_PROCESSING = "cq_bonded_zones_processing_share_2012", "cq_processing_trade_share_2012"
CD_BONDED_SHARE, CD_BONDED_TRADE = "chengdu_hitech_bonded_trade_share_2021", "chengdu_hitech_bonded_trade_2021"
#: Rows of economy.csv in the structure table, in its order.
STRUCTURE_ROWS = (
    "cq_secondary_va_2020",
    "sc_industrial_output_2020_jan_jul",
    "cq_trade_2019",
    "cq_electromech_export_share_2019",
    "cq_laptop_exports_2019",
    "cq_processing_trade_share_2012",
    "cq_bonded_zones_processing_share_2012",
)
#: The article's counts (figures.csv) beside later ones (economy.csv), in the counts table's order.
COUNT_PAIRS = (
    ("signed_projects_h1", "core_signed_projects_2022h1"),
    ("university_projects_signed", "core_partner_projects_signed_2022_06"),
    ("university_projects_operating", "core_partner_projects_in_use_2022_01"),
)
#: Rows of economy.csv: the core's firms and market entities, by glue key.
FIRM_COUNTS = {
    "eco_tech_firms": "core_tech_firms_2022_01",
    "eco_high_tech_firms": "core_high_tech_firms_2022_01",
    "eco_market_entities": "core_market_entities_2022_01",
}
#: The article's words on the tasks and on talent: where each quote starts and ends in the seed.
QUOTE_TASKS, QUOTE_TALENT = ("建平台、", "提品质"), ("无数个", "落户")
#: Row of figures.csv: the infrastructure projects under way.
INFRASTRUCTURE = "infrastructure_projects"
#: The themes of economy.csv in the themes table, with their names in it.
THEMES = {"talent": "talent 聚人才", "environment": "environment 优环境"}
#: Row of later.csv: the core's R&D intensity.
RD_INTENSITY = "core_rd_intensity_2024"
#: Rows of economy.csv: the GDP growth of Chengdu's high-tech zone and of Liangjiang (两江新区).
CD_GROWTH, LJ_GROWTH = "chengdu_hitech_gdp_growth_2021", "liangjiang_gdp_growth_2020"
#: Rows of economy.csv: Chengdu's high-tech zone's GDP and Liangjiang's share of Chongqing's.
CD_GDP, LJ_SHARE = "chengdu_hitech_gdp_2021", "liangjiang_gdp_share_city_2020"
#: The peers table: what is compared, the peer's row of economy.csv, the unit. The core's measure
#: is its growth in the peer's year, or its share of Chongqing's GDP beside the peer's share.
PEERS = (
    ("GDP growth, year on year", CD_GROWTH, "%"),
    ("GDP growth, year on year", LJ_GROWTH, "%"),
    ("Share of Chongqing's GDP", LJ_SHARE, "%"),
)


def source_cell(eco: pd.DataFrame, ident: str) -> str:
    """Publisher and date of one row of economy.csv."""
    r = eco.set_index("id").loc[ident]
    return f"{r['source']}, {r['source_date']}"


def value_cell(row: pd.Series) -> str:
    """A row's value as the tables show it: its qualifier, then 亿元 with billions or value and unit."""
    qualifier = f"{row['qualifier']} " if row["qualifier"] else ""
    amount = words.yi_yuan(row["value"]) if row["unit"] == "亿元" else f"{row['value']:g} {row['unit']}"
    return qualifier + amount


def _external(package: dict[str, pd.DataFrame]) -> pd.Series:
    """The values of external.csv by id, as floats."""
    return package["external"].set_index("id")["value"].astype(float)


def structure(package: dict[str, pd.DataFrame]) -> Values:
    """The core's shares of Chongqing's GDP, output, secondary value added and trade, their ratios,
    the export and processing-trade shares, and the table of the structure in the sources' words."""
    ext, eco = _external(package), package["economy"]
    figures = package["figures"].set_index("id")
    val = partial(economy.value, eco)
    core_gdp, cq_gdp = ext[economy.CORE_GDP], ext[economy.CITY_GDP]
    cq_secondary, output_share = val(CQ_SECONDARY), figures.loc[OUTPUT_SHARE, "value"]
    secondary_share = scale.share_pct(ext[CORE_SECONDARY], cq_secondary)
    industry_floor = scale.share_pct(ext[CORE_INDUSTRY], cq_secondary)
    exports = economy.implied_total(val(CQ_ELECTROMECH), val(CQ_ELECTROMECH_SHARE))
    by_id = eco.set_index("id")
    table = pd.DataFrame(
        {
            "What (period)": [
                f"{by_id.loc[i, 'label_en']}: {by_id.loc[i, 'scope_en']} ({by_id.loc[i, 'period']})"
                for i in STRUCTURE_ROWS
            ],
            "Value": [value_cell(by_id.loc[i]) for i in STRUCTURE_ROWS],
            "The source's words": [by_id.loc[i, "quote"] for i in STRUCTURE_ROWS],
            "Source": [source_cell(eco, i) for i in STRUCTURE_ROWS],
        }
    )
    return {
        "eco_gdp_share": float(scale.share_pct(core_gdp, cq_gdp)),
        "eco_output_share": float(output_share),
        "eco_trade_share": float(figures.loc[TRADE_SHARE, "value"]),
        "eco_cq_secondary_yuan": words.yi_yuan(cq_secondary),
        "eco_core_secondary_yuan": words.yi_yuan(ext[CORE_SECONDARY]),
        "eco_core_industry_yuan": words.yi_yuan(ext[CORE_INDUSTRY]),
        "eco_secondary_share": float(secondary_share),
        "eco_industry_share_floor": float(industry_floor),
        "eco_ratio_secondary": float(economy.share_ratio(secondary_share, output_share)),
        "eco_ratio_floor": float(economy.share_ratio(industry_floor, output_share)),
        "eco_laptop_share_exports": float(scale.share_pct(val(CQ_LAPTOPS), exports)),
        "eco_electromech_share": val(CQ_ELECTROMECH_SHARE),
        "eco_zones_processing_share": val(CQ_ZONES_PROCESSING),
        "eco_processing_share": val(CQ_PROCESSING),
        "eco_cd_bonded_share": val(CD_BONDED_SHARE),
        "eco_cd_bonded_trade_yuan": words.yi_yuan(val(CD_BONDED_TRADE)),
        "eco_tbl_structure": style.table(table, "The structure in other sources' words"),
    }


def gdp_levels(package: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The core's GDP level and growth for every year from the first to the last a source gives."""
    external, later = package["external"], package["later"]
    return economy.gdp_levels(external, later, economy.level_years(external, later))


def levels(package: dict[str, pd.DataFrame]) -> Values:
    """The core's GDP in each year with a level, the nominal change between the first and last of
    them, the real growth of the last, and the chart of levels and growth with its data file."""
    table = gdp_levels(package)
    found = table.dropna(subset=["level"]).set_index("year")
    first, last = found.index[0], found.index[-1]
    values: Values = {f"eco_gdp_{year}_yuan": words.yi_yuan(found.loc[year, "level"]) for year in found.index}
    values["eco_gdp_nominal_change"] = float(
        economy.nominal_change_pct(found.loc[first, "level"], found.loc[last, "level"])
    )
    values[f"eco_gdp_growth_{last}"] = float(found.loc[last, "growth"])
    values["eco_fig_levels"] = style.chart(charts.economy_levels, "fig-economy-levels", table)
    data = table.rename(columns={"level": "gdp_yi_yuan_current_prices", "growth": "real_growth_pct"})
    values["eco_fig_levels_data"] = Markdown(words.chart_data(data, "fig-economy-levels"))
    return values


def counts(package: dict[str, pd.DataFrame]) -> Values:
    """The table of the article's counts beside later ones, and the core's firms and market entities."""
    eco, figures = package["economy"], package["figures"].set_index("id")
    by_id = eco.set_index("id")
    table = pd.DataFrame(
        {
            "What is counted": [figures.loc[a, "label_en"] for a, _ in COUNT_PAIRS],
            "The article (period, scope)": [
                f"{figures.loc[a, 'value']:.0f} ({figures.loc[a, 'period']}, {figures.loc[a, 'scope']})"
                for a, _ in COUNT_PAIRS
            ],
            "Later (period, scope)": [
                f"{by_id.loc[b, 'value']:.0f} ({by_id.loc[b, 'period']}, {by_id.loc[b, 'scope_zh']})"
                for _, b in COUNT_PAIRS
            ],
            "The later source's words": [by_id.loc[b, "quote"] for _, b in COUNT_PAIRS],
            "Source": [source_cell(eco, b) for _, b in COUNT_PAIRS],
        }
    )
    values: Values = {"eco_tbl_counts": style.table(table, "The article's counts and later ones")}
    return values | {key: economy.value(eco, ident) for key, ident in FIRM_COUNTS.items()}


def themes(package: dict[str, pd.DataFrame], text: str) -> Values:
    """The article's words on the tasks, on talent and on infrastructure, the table of the core's
    talent and business-environment figures, and its R&D intensity."""
    eco, figures = package["economy"], package["figures"].set_index("id")
    by_id = eco.set_index("id")
    ids = eco.loc[eco["theme"].isin(list(THEMES)), "id"].tolist()
    table = pd.DataFrame(
        {
            "Theme": [THEMES[by_id.loc[i, "theme"]] for i in ids],
            "What (period)": [f"{by_id.loc[i, 'label_en']} ({by_id.loc[i, 'period']})" for i in ids],
            "Value": [value_cell(by_id.loc[i]) for i in ids],
            "The source's words": [by_id.loc[i, "quote"] for i in ids],
        }
    )
    periods = "/".join(dict.fromkeys(by_id.loc[ids, "period"]))
    return {
        "eco_quote_tasks": words.quote_from(text, *QUOTE_TASKS),
        "eco_quote_talent": words.quote_from(text, *QUOTE_TALENT),
        "eco_quote_infra": figures.loc[INFRASTRUCTURE, "quote"],
        "eco_infra_min": float(figures.loc[INFRASTRUCTURE, "value"]),
        "eco_tbl_themes": style.table(table, f"The core's talent and business-environment figures, {periods}"),
        "eco_rd_intensity": float(package["later"].set_index("id").loc[RD_INTENSITY, "value"]),
    }


def _peer_row(what: str, core: dict, peer_id: str, unit: str, eco: pd.DataFrame) -> dict:
    """One row of the peers table: the core's measure, the peer's, whether they compare, the gap."""
    peer = economy.measure(eco, peer_id)
    same, why = economy.comparable(core, peer)
    decimals = 2 if core["metric"] == "gdp_share_city" else 1
    gap = economy.gap_pct_points(core["value"], peer["value"]) if same else math.nan
    r = eco.set_index("id").loc[peer_id]
    return {
        "Measure (period)": f"{what} ({core['period']})",
        "The core": f"{core['value']:.{decimals}f} {unit}",
        "Peer (scope)": f"{peer['value']:g} {unit} ({r['scope_zh']} {r['scope_en']})",
        "Compared?": why,
        "Core minus peer, points": "–" if math.isnan(gap) else f"{gap:+.1f}",
        "Source": source_cell(eco, peer_id),
    }


def _core_measure(package: dict[str, pd.DataFrame], table: pd.DataFrame, peer_id: str) -> dict:
    """The core's measure beside a peer's row: its share of Chongqing's GDP beside a share, else
    its growth in the peer's year (``table`` from :func:`gdp_levels`)."""
    peer = economy.measure(package["economy"], peer_id)
    if peer["metric"] == "gdp_share_city":
        return economy.core_gdp_share(package["external"])
    return economy.core_growth(table, peer["period"])


def peers(package: dict[str, pd.DataFrame]) -> Values:
    """The table of the core beside its peers (like for like only), the growth gaps to Chengdu's
    high-tech zone and Liangjiang, their GDP and share, and the core's GDP per km²."""
    eco, ext, table = package["economy"], _external(package), gdp_levels(package)
    rows = [_peer_row(what, _core_measure(package, table, i), i, unit, eco) for what, i, unit in PEERS]
    gap = {
        i: economy.gap_pct_points(_core_measure(package, table, i)["value"], economy.value(eco, i))
        for i in (CD_GROWTH, LJ_GROWTH)
    }
    return {
        "eco_tbl_peers": style.table(pd.DataFrame(rows), "The core beside its peers: like for like only"),
        "eco_peer_gap_cd": gap[CD_GROWTH],
        "eco_peer_gap_lj_abs": abs(gap[LJ_GROWTH]),
        "eco_cd_gdp_yuan": words.yi_yuan(economy.value(eco, CD_GDP)),
        "eco_lj_share": economy.value(eco, LJ_SHARE),
        "eco_core_gdp_per_km2": float(ext[economy.CORE_GDP] / ext[CORE_AREA]),
    }
