"""sciencecity.presentation.industries_results: the results of the industries chapter and its checks.

Every glue key the Markdown of book/03_industries.ipynb and of the industries sections of
book/09_checks.ipynb cites is produced by a function of the module; the values equal a direct
computation from the tables and the values the committed notebooks glued; the keys both
notebooks glue come from one function; the charts and chart data are those of the book.
"""

from __future__ import annotations

import warnings
from itertools import combinations

import matplotlib
import matplotlib.pyplot as plt
import pytest
from IPython.core.formatters import format_display_data

from sciencecity.analysis import industries
from sciencecity.presentation import industries_results as results
from sciencecity.reading import paths, seed
from tests.glued_outputs import assert_as_in_book, charts_into, cited, glued_text

CHAPTER = paths.BOOK_DIR / "03_industries.ipynb"
CHECKS = paths.BOOK_DIR / "09_checks.ipynb"
CHECKS_SECTION = "## The industries figures"  # the heading of 09's industries sections
CHECKS_PREFIX = "09_checks.ipynb"
CHARTS = (
    "fig-industries-heatmap",
    "fig-industries-model",
    "fig-industries-overlap",
    "fig-industries-launch",
    "fig-industries-null",
)


@pytest.fixture(scope="module")
def drawn(package, tmp_path_factory):
    """Every result of both notebooks, charts and chart data written to a temporary folder."""
    text = seed.load_seed()
    with matplotlib.rc_context(), warnings.catch_warnings(), charts_into(tmp_path_factory.mktemp("industries")) as out:
        chapter = {
            **results.leading(package),
            **results.item_counts(package),
            **results.heatmap(package),
            **results.carriers(package),
            **results.model(package, text),
            **results.themes(package, text),
            **results.overlap(package),
            **results.functions(package),
            **results.launch(package),
            **results.launch_chart(package),
        }
        checks = {**results.null_model(package), **results.null_variants(package), **results.verdict(package)}
    plt.close("all")
    return {"chapter": chapter, "checks": checks, "images": out / "chart-images", "data": out / "chart-data"}


def test_every_key_the_chapter_cites_is_produced(drawn):
    keys = cited(CHAPTER)
    assert set(keys) == {"", CHECKS_PREFIX}
    assert keys[""] - set(drawn["chapter"]) == set()
    assert keys[CHECKS_PREFIX] - set(drawn["checks"]) == set()


def test_every_key_the_checks_cite_in_their_industries_sections_is_produced(drawn):
    keys = cited(CHECKS, section=CHECKS_SECTION)
    assert set(keys) == {""}
    assert keys[""] - set(drawn["checks"]) == set()


def test_the_values_are_those_the_notebooks_glued(drawn):
    """The committed outputs (what strict nbval compares) show the same text for every value."""
    for key, path in (("chapter", CHAPTER), ("checks", CHECKS)):
        stored = glued_text(path)
        for name, value in drawn[key].items():
            assert name in stored, f"{path.name} does not glue {name}"
            shown = format_display_data(value)[0]["text/plain"]
            if isinstance(value, str | int | float):
                assert shown == stored[name], name


def test_both_notebooks_glue_the_shared_counts_from_one_function(package, drawn):
    shared = results.shared_counts(package)
    assert set(shared) <= set(drawn["chapter"]) & set(drawn["checks"])
    for key, value in shared.items():
        assert drawn["chapter"][key] == value == drawn["checks"][key], key
        assert type(drawn["chapter"][key]) is type(value) is type(drawn["checks"][key]), key


def test_the_counts_equal_a_direct_computation(package, drawn):
    v = drawn["chapter"]
    items, zones, categories = package["zone_industries"], package["zones"], package["categories"]
    core = zones.loc[zones["role"] == "core", "zone_id"].item()
    per_zone = items.groupby("zone_id").size()
    leading = set(categories.loc[categories["leading_industry"], "category"])
    assert v["industries_n_items"] == len(items) and v["industries_n_zones"] == len(zones)
    assert v["industries_n_districts"] == (zones["role"] == "district").sum()
    assert v["industries_n_core_items"] == per_zone[core]
    assert v["industries_n_zone_items"] == per_zone.drop(core).max()
    assert v["industries_n_items_leading"] == items["category"].isin(leading).sum()
    assert v["industries_n_items_leading"] + v["industries_n_items_other"] == len(items)
    assert v["industries_n_categories_used"] == items["category"].nunique()
    assert v["industries_n_items_top2"] == items["category"].value_counts().head(2).sum()
    assert v["industries_n_carriers"] == len(package["zone_carriers"])
    assert v["industries_n_themes"] == len(industries.THEMES)
    assert v["industries_n_duplicate_items"] == (items["item_zh"].value_counts() > 1).sum()
    assert v["industries_n_core_items_marked"] == sum(
        industries.function_of(n) != "none" for n in items.loc[items["zone_id"] == core, "item_zh"]
    )
    research = [n for z, n in zip(items["zone_id"], items["item_zh"], strict=True) if z != core]
    assert v["industries_n_zone_items_all"] == len(research)
    assert v["industries_n_zone_items_research"] == sum(
        industries.function_of(n) in ("research", "both") for n in research
    )


def test_the_overlap_equals_a_direct_computation(package, drawn):
    v, items = drawn["chapter"], package["zone_industries"]
    ids = package["zones"]["zone_id"].tolist()
    sets = {z: set(items.loc[items["zone_id"] == z, "category"]) for z in ids}
    jac = {(a, b): len(sets[a] & sets[b]) / len(sets[a] | sets[b]) for a, b in combinations(ids, 2)}
    assert v["industries_n_pairs"] == len(jac)
    assert v["industries_mean_jaccard"] == pytest.approx(sum(jac.values()) / len(jac), abs=1e-15)
    assert v["industries_max_jaccard"] == max(jac.values())
    en = results.zone_names(package["zones"])[1]
    a, b = max(jac, key=jac.get)
    assert v["industries_max_pair"] == f"the {en[a]} and {en[b]}"
    zero = [f"{en[a]} and {en[b]}" for (a, b), j in jac.items() if j == 0]
    assert v["industries_zero_pairs"] == (", ".join(zero) or "none")
    for key, category in results.ZONES_PER_CATEGORY.items():
        assert v[key] == sum(category in s for s in sets.values())


def test_the_launch_equals_a_direct_computation(package, drawn):
    v, external = drawn["chapter"], package["external"].set_index("id")
    roles = industries.zone_roles(package["zones"])
    projects = {z: external.loc[f"launch_projects_{z}", "value"] for z in roles.ids}
    investment = {z: external.loc[f"launch_investment_{z}", "value"] for z in roles.ids}
    assert v["industries_launch_projects_total"] == external.loc["launch_projects", "value"]
    assert v["industries_launch_investment_total"] == external.loc["launch_investment", "value"]
    assert v["industries_launch_core_projects"] == projects[roles.core]
    share = 100 * investment[roles.core] / sum(investment.values())
    assert v["industries_launch_core_share"] == pytest.approx(share)
    per_project = {z: investment[z] / projects[z] for z in roles.ids}
    assert v["industries_launch_core_per_project"] == pytest.approx(per_project[roles.core])
    assert v["industries_launch_per_project_all"] == pytest.approx(sum(investment.values()) / sum(projects.values()))
    assert v["industries_launch_smallest_per_project"] == pytest.approx(min(per_project.values()))
    assert v["industries_launch_core_per_project_bn"] == pytest.approx(per_project[roles.core] / 10)


def test_the_null_model_equals_a_direct_run_of_the_test(package, drawn):
    v = drawn["checks"]
    roles = industries.zone_roles(package["zones"])
    labels = {"category": package["categories"]["category"].tolist(), "theme": list(industries.THEMES)}
    tests = industries.differentiation_tests(
        industries.add_themes(package["zone_industries"]), roles.ids, roles.core, labels
    )
    main = tests["jaccard_all"]
    assert v["industries_mean_jaccard"] == main.observed
    assert (v["industries_null_low"], v["industries_null_high"]) == main.null_range()
    assert v["industries_null_percentile"] == main.percentile
    assert (v["industries_null_p_less"], v["industries_null_p_greater"]) == (main.p_less, main.p_greater)
    for key, test in tests.items():
        if key != "jaccard_all":
            assert v[f"industries_{key}_observed"] == test.observed
            assert v[f"industries_{key}_p_greater"] == test.p_greater
    assert v["industries_share_core_pct"] == 100 * tests["share_core"].observed
    assert f"{main.observed:.2f}" in v["industries_differentiated"]


def test_the_tables_have_a_row_per_item_carrier_theme_zone_and_test(package):
    def rows(table):
        return table.data.count("<tr>")  # body rows: the header row has a style

    assert rows(results.items_table(package)) == len(package["zone_industries"])
    assert rows(results.carriers_table(package)) == len(package["zone_carriers"])
    assert rows(results.themes_table(package)) == len(industries.THEMES)
    assert rows(results.functions_table(package)) == len(package["zones"])
    assert rows(results.launch_zone_table(package)) == len(package["zones"])
    assert rows(results.launch_type_table(package)) == len(industries.LAUNCH_TYPES)
    assert rows(results.null_table(package)) == len(results.TEST_LABELS)


def test_the_labels_name_what_the_data_and_the_tests_have(package):
    tests = results.differentiation(package)
    assert list(results.TEST_LABELS) == list(tests)
    assert set(results.PANELS) <= set(tests) and results.MAIN_TEST in tests
    assert set(results.READING) == set(results.CORE_FIELDS) == {"less", "more", "chance"}
    assert set(results.THEME_SHORT) <= set(industries.THEMES)
    categories = set(package["categories"]["category"])
    assert set(results.SHORT_EN) <= categories and set(results.ZONES_PER_CATEGORY.values()) <= categories
    assert set(results.LEADING_FIGURES.values()) <= set(package["figures"]["id"])
    assert results.differentiation(package) is tests  # computed once per data


def test_the_charts_and_their_data_are_the_books(drawn):
    suffixes = ("@2x.png", "-phone.png", "-phone@2x.png", ".json")
    assert_as_in_book(drawn["images"] / f"{name}{suffix}" for name in CHARTS for suffix in suffixes)
    assert_as_in_book(drawn["data"] / f"{name}.csv" for name in CHARTS)
