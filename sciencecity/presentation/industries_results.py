"""The results of the industries chapter (book/03_industries.ipynb) and of its checks
(book/09_checks.ipynb, "The industries figures"), one function per result.

Each function takes the checked package (``checked.load_package()``; the seed text too when it
quotes) and returns what the notebook shows: a dict ``{glue key: value}`` for
:func:`sciencecity.presentation.glue.glue_all`, a display table (``style.table``) or, for a
chart, the glued image with its chart-data file written. The numbers come from
:mod:`sciencecity.analysis.industries`; the zone ids, the core area and the other zones are read
from ``zones.csv`` (:func:`sciencecity.analysis.industries.zone_roles`). The keys both notebooks
glue (:func:`shared_counts`) are computed here once, for both. Tested in
``tests/test_industries_results.py``.
"""

from __future__ import annotations

from functools import lru_cache
from html import escape
from itertools import combinations

import numpy as np
import pandas as pd
from IPython.display import HTML, Markdown

from sciencecity.analysis import industries
from sciencecity.presentation import charts, style, tables, words

Package = dict[str, pd.DataFrame]

#: Short English names of categories for chart labels only; the tables give the full name.
SHORT_EN = {"新一代信息技术": "New-gen. IT"}
#: Short English names of themes for the arrows of the model diagram.
THEME_SHORT = {
    "electronics": "electronics",
    "software_data": "software & data",
    "materials": "materials",
    "pharma_medtech": "medicine",
}
#: The source line of the charts drawn from the article's items.
SOURCE_ARTICLE = "上游新闻 Shangyou News (article, 2021); classification: this report"
#: The article's figures the chapter's first section cites: glue key → figure id (figures.csv).
LEADING_FIGURES = {
    "industries_n_leading": "leading_industries",
    "industries_signed_projects": "signed_projects_h1",
    "industries_leading_projects_min": "leading_industry_projects",
}
#: How many zones have an item in a category: glue key → category (categories.csv).
ZONES_PER_CATEGORY = {"industries_n_zones_it": "新一代信息技术", "industries_n_zones_manufacturing": "先进制造"}
#: Where the quoted sentences start (and end) in the seed: glue key → (start, end).
QUOTES = {
    "industries_quote_model": ("建立“核心区研发", "。"),
    "industries_quote_core_role": ("重庆高新区作为科学城核心区", "核心引擎"),
    "industries_quote_layout": ("未来将按照", "思路"),
}
#: The label of the core's row of the launch (the source names the directly managed park).
LAUNCH_CORE = "core"
#: The prefix of the launch rows' metric that the table of project types leaves out.
LAUNCH_METRIC_PREFIX = "launch projects: "
#: The main differentiation test and the two panels of its chart (test key → panel title).
MAIN_TEST = "jaccard_all"
PANELS = {"jaccard_all": "all six zones", "jaccard_zones": "the five zones alone"}
#: Bins of the null-distribution histogram (chart and chart data).
NULL_BINS = 25
#: The one-sided level of the critical value the text gives (mean Jaccard below it: differentiated).
CRITICAL_LEVEL = 0.05
#: Each test of the table of the differentiation test, in words.
TEST_LABELS = {
    "jaccard_all": "all six zones; categories; Jaccard",
    "overlap_all": "all six zones; categories; overlap coefficient",
    "jaccard_zones": "the five zones alone; categories; Jaccard",
    "overlap_zones": "the five zones alone; categories; overlap coefficient",
    "jaccard_themes": "all six zones; themes; Jaccard",
    "jaccard_core": "core area with each zone; categories; Jaccard",
    "overlap_core": "core area with each zone; categories; overlap coefficient",
    "share_core": "share of the zones' items in the core area's categories",
}
#: The reading of a test (:func:`sciencecity.analysis.industries.chance_reading`) in words.
READING = {
    "less": "less often than chance would make them, as a differentiated positioning predicts",
    "more": "more often than chance would make them, against a differentiated positioning",
    "chance": (
        "about as often as chance would make them, so the data neither confirm nor refute the 错位布局 "
        "at the level of industries"
    ),
}
CORE_FIELDS = {
    "less": "the zones' items fall in the core area's categories less often than chance would have them",
    "more": "the zones' items fall in the core area's categories more often than chance would have them",
    "chance": "the zones' items fall in the core area's categories about as often as chance would have them",
}


# -- What every result reads -------------------------------------------------------------------


def _items(package: Package) -> pd.DataFrame:
    return industries.add_themes(package["zone_industries"])


def _categories(package: Package) -> pd.DataFrame:
    return package["categories"].set_index("category")


def _leading(package: Package) -> list[str]:
    categories = _categories(package)
    return categories.index[categories["leading_industry"]].tolist()


def _matrix(package: Package, column: str = "category") -> pd.DataFrame:
    labels = _categories(package).index.tolist() if column == "category" else list(industries.THEMES)
    roles = industries.zone_roles(package["zones"])
    return industries.zone_category_matrix(_items(package), column=column, zones=roles.ids, labels=labels)


def zone_names(zones: pd.DataFrame) -> tuple[dict, dict, dict]:
    """Per zone id: its Chinese name without 片区, its English name ("core area" for the core) and
    both together (``沙坪坝 Shapingba``)."""
    zh = {r.zone_id: r.zone_zh.removesuffix("片区") for r in zones.itertuples()}
    en = {r.zone_id: ("core area" if r.role == "core" else r.name_en) for r in zones.itertuples()}
    return zh, en, {z: f"{zh[z]} {en[z]}" for z in zones["zone_id"]}


def _bilingual(zh, en) -> list[str]:
    return [words.bilingual_cell(a, b) for a, b in zip(zh, en, strict=True)]


# -- The four leading industries; items by zone and category -----------------------------------


def leading(package: Package) -> dict:
    """The leading industries: the quote naming them, their number, the article's project counts
    and the number of big-health projects that landed."""
    figures = package["figures"].set_index("id")
    values = {key: int(figures.loc[i, "value"]) for key, i in LEADING_FIGURES.items()}
    return {
        "industries_quote_leading": figures.loc[LEADING_FIGURES["industries_n_leading"], "quote"],
        **values,
        "industries_n_landed": int((package["institutions"]["status"] == "landed").sum()),
    }


def shared_counts(package: Package) -> dict:
    """The counts both notebooks cite: items, zones, items of the core area and of each zone, and
    the mean Jaccard similarity of the zones' categories."""
    roles = industries.zone_roles(package["zones"])
    counts = _items(package)["zone_id"].value_counts()
    return {
        "industries_n_items": len(package["zone_industries"]),
        "industries_n_zones": len(roles.ids),
        "industries_n_core_items": int(counts[roles.core]),
        "industries_n_zone_items": int(counts[roles.districts].max()),
        "industries_mean_jaccard": industries.mean_jaccard(_matrix(package)),
    }


def item_counts(package: Package) -> dict:
    """Items, zones and categories counted: how many items fall in the leading industries."""
    shared = shared_counts(package)
    facts = industries.matrix_facts(_matrix(package), _leading(package))
    n_categories = len(package["categories"])
    return {
        **{k: shared[k] for k in ("industries_n_items", "industries_n_zones")},
        "industries_n_districts": len(industries.zone_roles(package["zones"]).districts),
        **{k: shared[k] for k in ("industries_n_core_items", "industries_n_zone_items")},
        "industries_n_categories": n_categories,
        "industries_n_categories_used": facts.categories_used,
        "industries_n_items_leading": facts.items_leading,
        "industries_n_items_other": facts.items_other,
        "industries_n_other_categories": n_categories - facts.n_leading,
    }


def items_table(package: Package) -> HTML:
    """Every positioning item: zone, item, category (this report's) and why."""
    items, cat_en = _items(package), _categories(package)["category_en"].to_dict()
    label = zone_names(package["zones"])[2]
    frame = pd.DataFrame(
        {
            "zone": [label[z] for z in items["zone_id"]],
            "item": _bilingual(items["item_zh"], items["item_en"]),
            "category": _bilingual(items["category"], items["category"].map(cat_en)),
            "why this category": items["rationale"].map(escape),
        }
    )
    return style.table(frame, escape=False)


def heatmap(package: Package) -> dict:
    """Which zones have items in all the leading industries, the range over the other zones, and
    the heatmap of items by zone and category (its chart data written)."""
    matrix, lead, roles = _matrix(package), _leading(package), industries.zone_roles(package["zones"])
    facts = industries.matrix_facts(matrix, lead)
    zh, en, _ = zone_names(package["zones"])
    cat_en = _categories(package)["category_en"].to_dict()
    cats = list(matrix.columns)
    image = style.chart(
        charts.industries_heatmap,
        "fig-industries-heatmap",
        matrix,
        roles.ids,
        zh,
        en,
        cats,
        {c: SHORT_EN.get(c, cat_en[c]) for c in cats},
        facts.n_leading,
        SOURCE_ARTICLE,
    )
    data = matrix.reset_index().melt(id_vars="zone_id", var_name="category", value_name="items")
    data.insert(2, "category_en", data["category"].map(cat_en))
    data.insert(3, "leading_industry", data["category"].isin(lead))
    words.chart_data(data, "fig-industries-heatmap")
    return {
        "industries_all_leading_zones": " and ".join(en[z] for z in facts.zones_with_all_leading()),
        "industries_zone_leading_min": int(facts.leading_per_zone[roles.districts].min()),
        "industries_zone_leading_max": int(facts.leading_per_zone[roles.districts].max()),
        "industries_fig_heatmap": image,
    }


# -- Carriers and the model --------------------------------------------------------------------


def carriers(package: Package) -> dict:
    """The number of carriers."""
    return {"industries_n_carriers": len(package["zone_carriers"])}


def carriers_table(package: Package) -> HTML:
    """Every carrier with its zone."""
    frame, label = package["zone_carriers"], zone_names(package["zones"])[2]
    return style.table(
        pd.DataFrame(
            {
                "zone": [label[z] for z in frame["zone_id"]],
                "carrier": _bilingual(frame["carrier_zh"], frame["carrier_en"]),
            }
        ),
        escape=False,
    )


def _quotes(text: str, *keys: str) -> dict:
    return {key: words.quote_from(text, *QUOTES[key]) for key in keys}


def model(package: Package, text: str) -> dict:
    """The model of research in the core area and commercialisation in the zones: the two quotes
    and its diagram, each zone's arrow labelled with the themes it shares with the core area."""
    roles, zones = industries.zone_roles(package["zones"]), package["zones"]
    zh, en, _ = zone_names(zones)
    frame = package["zone_carriers"]
    core_carrier = frame.loc[frame["zone_id"] == roles.core, "carrier_zh"].item()
    pairs = industries.overlapping_pairs(_items(package), "theme", zones=roles.ids)
    is_core = pairs["zone_a"] == roles.core
    with_core = dict(zip(pairs.loc[is_core, "zone_b"], pairs.loc[is_core, "shared"], strict=True))
    labels = {
        z: [THEME_SHORT.get(t, industries.THEMES[t]["label"]) for t in with_core[z].split(", ")]
        if with_core.get(z)
        else []
        for z in roles.districts
    }
    image = style.chart(charts.industries_model, "fig-industries-model", core_carrier, roles.districts, zh, en, labels)
    data = pd.DataFrame(
        {
            "zone_id": roles.districts,
            "zone_zh": [zones.set_index("zone_id").loc[z, "zone_zh"] for z in roles.districts],
            "themes_shared_with_core_area": [with_core.get(z, "") for z in roles.districts],
        }
    )
    words.chart_data(data, "fig-industries-model")
    return {**_quotes(text, "industries_quote_model", "industries_quote_core_role"), "industries_fig_model": image}


# -- Themes and the observed overlap -----------------------------------------------------------


def themes(package: Package, text: str) -> dict:
    """The quote on differentiated positioning, recurring items, and the themes shared by zones."""
    shared = industries.shared_categories(_matrix(package, "theme"))
    return {
        **_quotes(text, "industries_quote_layout"),
        "industries_n_duplicate_items": len(industries.duplicate_items(_items(package))),
        "industries_n_themes": len(industries.THEMES),
        "industries_n_themes_shared": int(shared["shared"].sum()),
    }


def themes_table(package: Package) -> HTML:
    """Every theme with its items by zone and its number of zones."""
    items, zh = _items(package), zone_names(package["zones"])[0]
    shared = industries.shared_categories(_matrix(package, "theme"))
    listed = [
        "<br>".join(
            escape(f"{zh[z]}: {i}")
            for z, i in items.loc[items["theme"] == t, ["zone_id", "item_zh"]].itertuples(index=False)
        )
        for t in shared["theme"]
    ]
    frame = pd.DataFrame(
        {
            "theme (this report)": [escape(industries.THEMES[t]["label"]) for t in shared["theme"]],
            "items": listed,
            "zones": shared["n_zones"],
        }
    )
    return style.table(frame, escape=False)


def overlap(package: Package) -> dict:
    """The observed overlap: zones per category, shared categories, the Jaccard similarity of
    every pair (mean, most similar pair, pairs sharing nothing) and its chart."""
    matrix, theme_matrix = _matrix(package), _matrix(package, "theme")
    roles, (_, en, label) = industries.zone_roles(package["zones"]), zone_names(package["zones"])
    per_category = industries.shared_categories(matrix).set_index("category")
    jac = industries.pairwise_similarity(matrix, "jaccard")
    jac_themes = industries.pairwise_similarity(theme_matrix, "jaccard")
    pairs = list(combinations(roles.ids, 2))
    a, b = industries.most_similar_pair(jac)
    image = style.chart(
        charts.industries_overlap, "fig-industries-overlap", jac, jac_themes, roles.ids, label, en, SOURCE_ARTICLE
    )
    data = pd.DataFrame(
        {
            "zone_a": [p for p, _ in pairs],
            "zone_b": [q for _, q in pairs],
            "jaccard_categories": [float(jac.loc[p]) for p in pairs],
            "jaccard_themes": [float(jac_themes.loc[p]) for p in pairs],
        }
    )
    words.chart_data(data, "fig-industries-overlap")
    return {
        **{key: int(per_category.loc[c, "n_zones"]) for key, c in ZONES_PER_CATEGORY.items()},
        "industries_n_categories_shared": int(per_category["shared"].sum()),
        "industries_n_pairs": len(pairs),
        "industries_n_items_top2": industries.matrix_facts(matrix, _leading(package)).items_top2,
        "industries_mean_jaccard": shared_counts(package)["industries_mean_jaccard"],
        "industries_mean_jaccard_themes": industries.mean_offdiagonal(jac_themes),
        "industries_max_pair": f"the {en[a]} and {en[b]}",
        "industries_max_jaccard": float(jac.loc[a, b]),
        "industries_zero_pairs": ", ".join(f"{en[p]} and {en[q]}" for p, q in industries.dissimilar_pairs(jac))
        or "none",
        "industries_fig_overlap": image,
    }


# -- Research and production in the wording ----------------------------------------------------


def _markers(package: Package) -> tuple[pd.DataFrame, pd.DataFrame]:
    items = industries.function_markers(package["zone_industries"], "item_zh").set_index("zone_id")
    return items, industries.function_markers(package["zone_carriers"], "carrier_zh").set_index("zone_id")


def functions(package: Package) -> dict:
    """Research and production words in the items and carriers of the core area and the zones."""
    roles, en = industries.zone_roles(package["zones"]), zone_names(package["zones"])[1]
    items, carriers_ = _markers(package)
    zones = roles.districts
    research_carriers = industries.zones_marked(carriers_, "research", zones)
    return {
        "industries_n_core_items_marked": industries.count_marked(items, "any", [roles.core]),
        "industries_n_zone_items_all": industries.count_marked(items, "all", zones),
        "industries_n_zone_items_research": industries.count_marked(items, "research", zones),
        "industries_n_zone_items_production": industries.count_marked(items, "production", zones),
        "industries_n_zone_carriers_all": industries.count_marked(carriers_, "all", zones),
        "industries_n_zone_carriers_research": industries.count_marked(carriers_, "research", zones),
        "industries_n_zone_carriers_production": industries.count_marked(carriers_, "production", zones),
        "industries_zone_research_carriers": " and ".join(en[z] for z in research_carriers),
    }


def functions_table(package: Package) -> HTML:
    """Per zone: items and carriers with a research word and with a production word."""
    ids, label = industries.zone_roles(package["zones"]).ids, zone_names(package["zones"])[2]
    items, carriers_ = _markers(package)
    frame = pd.DataFrame(
        {
            "zone": [label[z] for z in ids],
            "items with a research word": industries.marked_counts(items, "research", ids),
            "items with a production word": industries.marked_counts(items, "production", ids),
            "carriers with a research word": industries.marked_counts(carriers_, "research", ids),
            "carriers with a production word": industries.marked_counts(carriers_, "production", ids),
        }
    )
    return style.table(frame, escape=False)


# -- The 2020 launch (context from another source) ---------------------------------------------


def _launch(package: Package) -> tuple[pd.DataFrame, dict]:
    roles, en = industries.zone_roles(package["zones"]), zone_names(package["zones"])[1]
    names = {z: (LAUNCH_CORE if z == roles.core else en[z]) for z in roles.ids}
    return industries.launch_by_zone(package["external"], roles.ids), names


def launch(package: Package) -> dict:
    """The launch's totals, the core's projects, share and investment per project, against all
    zones and the zone with the smallest investment per project (亿元 and billion yuan)."""
    by_zone, names = _launch(package)
    projects_total, investment_total = industries.launch_totals(package["external"])
    core = by_zone.loc[industries.zone_roles(package["zones"]).core]
    facts = industries.launch_facts(by_zone)
    smallest = float(by_zone.loc[facts.smallest, "investment_per_project"])
    return {
        "industries_launch_projects_total": int(projects_total),
        "industries_launch_investment_total": investment_total,
        "industries_launch_investment_total_bn": words.billion_yuan(investment_total),
        "industries_launch_core_projects": int(core["projects"]),
        "industries_launch_core_share": float(core["investment_share_pct"]),
        "industries_launch_core_per_project": float(core["investment_per_project"]),
        "industries_launch_core_per_project_bn": words.billion_yuan(float(core["investment_per_project"])),
        "industries_launch_per_project_all": facts.per_project_all,
        "industries_launch_per_project_all_bn": words.billion_yuan(facts.per_project_all),
        "industries_launch_smallest_zone": names[facts.smallest],
        "industries_launch_smallest_per_project": smallest,
        "industries_launch_smallest_per_project_bn": words.billion_yuan(smallest),
    }


def launch_zone_table(package: Package) -> HTML:
    """The launch by zone, as the source names each zone."""
    by_zone, names = _launch(package)
    labels = _bilingual(by_zone["entity_zh"], [names[z] for z in by_zone.index])
    return style.table(tables.launch_table(by_zone, "zone (as the source names it)", labels), escape=False)


def launch_type_table(package: Package) -> HTML:
    """The launch by type of project."""
    by_type = industries.launch_by_type(package["external"])
    labels = [m.removeprefix(LAUNCH_METRIC_PREFIX) for m in by_type["metric"]]
    return style.table(tables.launch_table(by_type, "type of project", labels), escape=False)


def launch_chart(package: Package) -> dict:
    """The chart of the launch by zone (its chart data written)."""
    by_zone, names = _launch(package)
    labels = [
        f"{zh.removeprefix('重庆高新区')} {names[z]}" for z, zh in zip(by_zone.index, by_zone["entity_zh"], strict=True)
    ]
    data = pd.DataFrame(
        {
            "zone_id": by_zone.index,
            "entity_zh": by_zone["entity_zh"].tolist(),
            "projects": by_zone["projects"].tolist(),
            "planned_total_investment_yi_yuan": by_zone["investment"].tolist(),
            "approximate": by_zone["approximate"].tolist(),
        }
    )
    image = style.chart(charts.industries_launch, "fig-industries-launch", data, labels)
    words.chart_data(data, "fig-industries-launch")
    return {"industries_fig_launch": image}


# -- The differentiation test (book/09_checks.ipynb) -------------------------------------------


def differentiation(package: Package) -> dict[str, industries.NullTest]:
    """The differentiation test and its variants (:func:`industries.differentiation_tests`) on
    the package's items; computed once per data, as three results of the checks use it."""
    roles = industries.zone_roles(package["zones"])
    rows = package["zone_industries"][["zone_id", "category", "item_zh"]].itertuples(index=False, name=None)
    return _differentiation(tuple(rows), tuple(roles.ids), roles.core, tuple(package["categories"]["category"]))


@lru_cache(maxsize=2)
def _differentiation(rows: tuple, zones: tuple, core: str, categories: tuple) -> dict[str, industries.NullTest]:
    items = industries.add_themes(pd.DataFrame(list(rows), columns=["zone_id", "category", "item_zh"]))
    labels = {"category": list(categories), "theme": list(industries.THEMES)}
    return industries.differentiation_tests(items, list(zones), core, labels)


def null_model(package: Package) -> dict:
    """The main test against chance: the counts it rests on, the observed mean Jaccard, the null
    distribution (mean, 95 % range, critical value), percentile and p-values, and its chart."""
    tests = differentiation(package)
    main = tests[MAIN_TEST]
    low, high = main.null_range()
    image = style.chart(charts.industries_null, "fig-industries-null", tests, PANELS, main.n_draws)
    data = pd.concat(
        [
            tests[k].histogram(bins=NULL_BINS).assign(panel=title, observed=tests[k].observed)
            for k, title in PANELS.items()
        ],
        ignore_index=True,
    )[["panel", "bin_from", "bin_to", "share", "observed"]]
    return {
        **shared_counts(package),
        "industries_null_draws": main.n_draws,
        "industries_null_mean": main.null_mean,
        "industries_null_low": low,
        "industries_null_high": high,
        "industries_null_percentile": main.percentile,
        "industries_null_p_less": main.p_less,
        "industries_null_p_greater": main.p_greater,
        "industries_null_mc_error": max(
            industries.NullTest.mc_error(p, main.n_draws) for p in (main.p_less, main.p_greater)
        ),
        "industries_null_q05": float(np.quantile(main.draws, CRITICAL_LEVEL)),
        "industries_fig_null": image,
        "industries_fig_null_data": Markdown(words.chart_data(data, "fig-industries-null")),
    }


def null_table(package: Package) -> HTML:
    """Every version of the test: observed value, chance's mean and 95 % range, percentile and
    p-values, each to the decimals the text prints."""
    s = industries.null_summary(differentiation(package))
    frame = pd.DataFrame(
        {
            "statistic": s["test"].map(TEST_LABELS),
            "observed": [f"{v:.2f}" for v in s["observed"]],
            "chance: mean": [f"{v:.2f}" for v in s["null_mean"]],
            "chance: 95 % of draws": [
                f"{lo:.2f}–{hi:.2f}" for lo, hi in zip(s["null_low"], s["null_high"], strict=True)
            ],
            "percentile": [f"{v:.0f}" for v in s["percentile"]],
            "p, less than chance": [f"{v:.2f}" for v in s["p_less"]],
            "p, more than chance": [f"{v:.2f}" for v in s["p_greater"]],
        }
    )
    return style.table(frame, escape=False)


def null_variants(package: Package) -> dict:
    """Each version of the test but the main one: observed, chance's mean, percentile, p-values."""
    values = {}
    for key, t in differentiation(package).items():
        if key == MAIN_TEST:
            continue
        for name in ("observed", "null_mean", "percentile", "p_less", "p_greater"):
            values[f"industries_{key}_{name}"] = getattr(t, name)
    return values


def verdict(package: Package) -> dict:
    """The share of the zones' items in the core area's fields, the verdict of the test in a
    sentence, and the two readings the industries chapter cites."""
    tests, items = differentiation(package), package["zone_industries"]
    main, share = tests[MAIN_TEST], tests["share_core"]
    reading = READING[industries.chance_reading(main)]
    low, high = main.null_range()
    n_dup = len(industries.duplicate_items(items))
    sentence = (
        f"On this report's {len(package['categories'])} categories the {len(package['zones'])} zones share "
        f"industries {reading}: the mean pairwise Jaccard similarity is {main.observed:.2f}, against "
        f"{main.null_mean:.2f} (95 % of draws {low:.2f}–{high:.2f}) when the same {len(items)} items are "
        f"dealt out at random, each zone keeping its number of items (percentile {main.percentile:.0f}; "
        f"one-sided p = {main.p_less:.2f} for less overlap, {main.p_greater:.2f} for more). "
        + (
            "Only the items' wordings are all distinct."
            if n_dup == 0
            else f"{n_dup} items recur with the same wording."
        )
    )
    return {
        "industries_share_core_pct": 100 * share.observed,
        "industries_share_core_null_pct": 100 * share.null_mean,
        "industries_differentiated": sentence,
        "industries_result": f"the zones share categories {reading}",
        "industries_core_fields_result": CORE_FIELDS[industries.chance_reading(share)],
    }
