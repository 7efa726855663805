"""sciencecity.analysis.industries: zone × category counts, overlap measures, the 2020 launch rows."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sciencecity.analysis import industries
from sciencecity.presentation import tables
from sciencecity.rules import checked


def _items(rows):
    return pd.DataFrame(rows, columns=["zone_id", "item_zh", "category"])


TOY = _items(
    [
        ("a", "x1", "IT"),
        ("a", "x2", "IT"),
        ("a", "x3", "health"),
        ("b", "y1", "IT"),
        ("b", "y2", "energy"),
        ("c", "z1", "farm"),
    ]
)


def _external(rows):
    """A minimal external table: (id, value, unit, qualifier)."""
    return pd.DataFrame(
        [
            {
                "id": i,
                "entity_zh": f"{i}_zh",
                "entity_en": f"{i}_en",
                "metric": "m",
                "value": v,
                "unit": u,
                "qualifier": q,
            }
            for i, v, u, q in rows
        ]
    )


EXT = _external(
    [
        ("launch_projects", 10, "projects", ""),
        ("launch_investment", 100, "亿元", ""),
        ("launch_projects_p", 4, "projects", ""),
        ("launch_investment_p", 60, "亿元", "约"),
        ("launch_projects_q", 5, "projects", ""),
        ("launch_investment_q", 30, "亿元", ""),
        ("launch_projects_science", 2, "projects", ""),
        ("launch_investment_science", 50, "亿元", ""),
        ("launch_projects_industry", 3, "projects", ""),
        ("launch_investment_industry", 20, "亿元", ""),
        ("launch_projects_infrastructure", 4, "projects", ""),
        ("launch_investment_infrastructure", 20, "亿元", ""),
        ("launch_projects_public", 1, "projects", ""),
        ("launch_investment_public", 10, "亿元", ""),
    ]
)


# -- matrix ---------------------------------------------------------------------------------


def test_matrix_counts_items_per_zone_and_category():
    m = industries.zone_category_matrix(TOY)
    assert list(m.index) == ["a", "b", "c"]
    assert list(m.columns) == ["IT", "health", "energy", "farm"]
    assert m.loc["a"].tolist() == [2, 1, 0, 0]
    assert m.loc["b"].tolist() == [1, 0, 1, 0]
    assert m.loc["c"].tolist() == [0, 0, 0, 1]
    assert int(m.values.sum()) == 6


def test_matrix_follows_the_given_order_and_adds_empty_rows_and_columns():
    m = industries.zone_category_matrix(
        TOY, zones=["c", "b", "a", "d"], labels=["farm", "IT", "health", "energy", "none"]
    )
    assert list(m.index) == ["c", "b", "a", "d"]
    assert m.loc["d"].tolist() == [0, 0, 0, 0, 0]
    assert m["none"].tolist() == [0, 0, 0, 0]
    assert m.loc["a", "IT"] == 2


def test_matrix_refuses_to_drop_a_category_missing_from_the_order():
    with pytest.raises(ValueError, match="energy"):
        industries.zone_category_matrix(TOY, labels=["IT", "health", "farm"])
    with pytest.raises(ValueError, match="c"):
        industries.zone_category_matrix(TOY, zones=["a", "b"])


# -- similarity -----------------------------------------------------------------------------


def test_jaccard_exact_values():
    assert industries.jaccard({"a", "b"}, {"b", "c"}) == pytest.approx(1 / 3)
    assert industries.jaccard(["a"], ["a"]) == 1.0
    assert industries.jaccard(["a"], ["b"]) == 0.0
    assert industries.jaccard(["a", "a", "b"], ["a"]) == 0.5  # sets, not lists
    assert industries.jaccard([], ["b"]) == 0.0


def test_jaccard_of_two_empty_sets_is_an_error():
    with pytest.raises(ValueError, match="undefined"):
        industries.jaccard([], [])


def test_cosine_exact_values():
    assert industries.cosine([1, 0], [0, 1]) == 0.0
    assert industries.cosine([2, 1], [4, 2]) == pytest.approx(1.0)
    assert industries.cosine([2, 1, 0], [1, 0, 1]) == pytest.approx(2 / (math.sqrt(5) * math.sqrt(2)))
    with pytest.raises(ValueError, match="zero vector"):
        industries.cosine([0, 0], [1, 1])
    with pytest.raises(ValueError, match="different lengths"):
        industries.cosine([1], [1, 1])


def test_pairwise_similarity_on_the_toy_matrix():
    m = industries.zone_category_matrix(TOY)
    j = industries.pairwise_similarity(m, "jaccard")
    assert j.loc["a", "b"] == pytest.approx(1 / 3)  # {IT, health} vs {IT, energy}
    assert j.loc["b", "a"] == j.loc["a", "b"]
    assert j.loc["a", "c"] == 0.0
    assert (j.values.diagonal() == 1.0).all()
    c = industries.pairwise_similarity(m, "cosine")
    assert c.loc["a", "b"] == pytest.approx(2 / (math.sqrt(5) * math.sqrt(2)))  # (2,1,0,0)·(1,0,1,0)
    assert c.loc["b", "c"] == 0.0
    assert industries.mean_offdiagonal(j) == pytest.approx((1 / 3 + 0 + 0) / 3)
    with pytest.raises(ValueError, match="unknown method"):
        industries.pairwise_similarity(m, "euclid")


def test_shared_categories_and_share():
    m = industries.zone_category_matrix(TOY, labels=["IT", "health", "energy", "farm", "unused"])
    table = industries.shared_categories(m)
    assert table["category"].tolist() == ["IT", "health", "energy", "farm", "unused"]
    assert table["n_zones"].tolist() == [2, 1, 1, 1, 0]
    assert table.loc[0, "zones"] == "a, b"
    assert table["shared"].tolist() == [True, False, False, False, False]
    assert industries.shared_share(m) == 0.25  # 1 of the 4 used categories; "unused" not counted


def test_duplicate_items_and_overlapping_pairs():
    assert industries.duplicate_items(TOY).empty
    dup = industries.duplicate_items(pd.concat([TOY, _items([("c", "x1", "IT")])]))
    assert dup.to_dict("records") == [{"item_zh": "x1", "zones": "a, c"}]
    pairs = industries.overlapping_pairs(TOY, "category")
    assert pairs[["zone_a", "zone_b", "shared", "n_shared"]].values.tolist() == [
        ["a", "b", "IT", 1],
        ["a", "c", "", 0],
        ["b", "c", "", 0],
    ]


# -- themes ---------------------------------------------------------------------------------


def test_every_item_of_the_article_has_exactly_one_theme():
    items = checked.load_table("zone_industries")
    placed = [i for theme in industries.THEMES.values() for i in theme["items"]]
    assert len(placed) == len(set(placed)), "an item is in two themes"
    assert sorted(placed) == sorted(items["item_zh"]), "THEMES and zone_industries.csv disagree"
    themed = industries.add_themes(items)
    assert themed.loc[themed["item_zh"] == "集成电路", "theme"].item() == "electronics"
    assert themed.loc[themed["item_zh"] == "中国轻量化材料应用示范之都", "theme"].item() == "materials"


def test_theme_of_an_unknown_item_is_an_error():
    with pytest.raises(KeyError, match="no theme"):
        industries.theme_of("区块链")


def test_the_article_data_gives_the_expected_overlap():
    """Snapshot: counts and similarities of the landed zone_industries.csv, checked by hand."""
    items = checked.load_table("zone_industries")
    zones = checked.load_table("zones")["zone_id"].tolist()
    cats = checked.load_table("categories")["category"].tolist()
    m = industries.zone_category_matrix(items, zones=zones, labels=cats)
    assert int(m.values.sum()) == 21
    assert m.loc["core"].tolist() == [2, 2, 1, 1, 0, 0, 0, 0]
    assert int((m["新一代信息技术"] > 0).sum()) == 5
    assert int((m["先进制造"] > 0).sum()) == 4
    j = industries.pairwise_similarity(m, "jaccard")
    assert j.loc["core", "shapingba"] == 0.75
    assert j.loc["jiulongpo", "beibei"] == 0.0
    assert industries.mean_offdiagonal(j) == pytest.approx(25 / 90)  # 4.1667 / 15 pairs
    assert industries.shared_share(m) == 5 / 8
    assert industries.duplicate_items(items).empty


# -- the 2020 launch ------------------------------------------------------------------------


def test_launch_by_zone_selects_and_reshapes_the_rows():
    z = industries.launch_by_zone(EXT)
    assert list(z.index) == ["p", "q"]  # project types are not zones
    assert z["projects"].tolist() == [4, 5]
    assert z["investment"].tolist() == [60.0, 30.0]
    assert z["approximate"].tolist() == [True, False]
    assert z["investment_share_pct"].tolist() == pytest.approx([200 / 3, 100 / 3])
    assert z["investment_per_project"].tolist() == pytest.approx([15.0, 6.0])
    assert industries.launch_by_zone(EXT, zones=["q"]).index.tolist() == ["q"]


def test_launch_sums_are_checked_against_the_totals():
    z = industries.check_launch_sums(industries.launch_by_zone(EXT), EXT)
    assert (z.projects_sum, z.projects_total, z.investment_sum, z.investment_total) == (9, 10, 90.0, 100.0)
    assert not z.projects_match and not z.investment_match and not z.matches
    t = industries.check_launch_sums(industries.launch_by_type(EXT), EXT)
    assert (t.projects_sum, t.investment_sum) == (10, 100.0)
    assert t.matches


def test_launch_zone_without_its_investment_row_is_an_error():
    broken = EXT[EXT["id"] != "launch_investment_q"]
    with pytest.raises(KeyError, match="launch_investment_q"):
        industries.launch_by_zone(broken)


def test_launch_rows_of_the_article_context_add_up():
    """Snapshot: the launch rows as external.csv holds them (科技日报, 2020-09-17)."""
    ext = checked.load_table("external")
    zones = checked.load_table("zones")["zone_id"].tolist()
    z = industries.launch_by_zone(ext, zones)
    assert z["projects"].tolist() == [14, 16, 11, 6, 16, 16]
    assert z["investment"].tolist() == [482.0, 172.0, 245.0, 125.0, 175.0, 101.0]
    assert z.loc["core", "investment_share_pct"] == pytest.approx(482 / 13)
    assert industries.check_launch_sums(z, ext) == industries.SumCheck(79, 79, 1300.0, 1300.0)
    t = industries.launch_by_type(ext)
    assert t["projects"].tolist() == [9, 52, 11, 7]
    assert industries.check_launch_sums(t, ext).matches


# -- the differentiation test: permutation null (added with the 错位布局 rework) ---------------

import numpy as np  # noqa: E402


def _counts(*rows):
    """A (1, Z, L) count array from rows of label counts."""
    return np.array([rows])


def test_vectorised_jaccard_identical_sets_is_one_and_disjoint_is_zero():
    same = _counts([1, 2, 0], [3, 1, 0])  # both zones use labels 0 and 1
    disjoint = _counts([1, 0, 0], [0, 2, 1])
    assert industries.pairwise_overlap(same, "jaccard").tolist() == [[1.0]]
    assert industries.pairwise_overlap(disjoint, "jaccard").tolist() == [[0.0]]
    assert industries.pairwise_overlap(disjoint, "overlap").tolist() == [[0.0]]
    partial = _counts([1, 1, 0], [0, 1, 1])  # {0,1} vs {1,2}: 1 shared of 3
    assert industries.pairwise_overlap(partial, "jaccard")[0, 0] == pytest.approx(1 / 3)
    assert industries.pairwise_overlap(partial, "overlap")[0, 0] == pytest.approx(1 / 2)


def test_overlap_coefficient_ignores_the_larger_set_but_jaccard_does_not():
    nested = _counts([1, 1, 1, 1], [1, 0, 0, 0])  # {0} inside {0,1,2,3}
    assert industries.pairwise_overlap(nested, "overlap")[0, 0] == 1.0
    assert industries.pairwise_overlap(nested, "jaccard")[0, 0] == 0.25


def test_vectorised_jaccard_agrees_with_the_set_version_on_the_toy_data():
    m = industries.zone_category_matrix(TOY)
    j = industries.pairwise_similarity(m, "jaccard")
    pairs = industries.zone_pairs(3)
    assert pairs == [(0, 1), (0, 2), (1, 2)]
    values = industries.pairwise_overlap(m.to_numpy()[None], "jaccard")[0]
    assert values.tolist() == pytest.approx([j.loc["a", "b"], j.loc["a", "c"], j.loc["b", "c"]])
    assert industries.mean_pairwise(m.to_numpy()[None])[0] == pytest.approx(industries.mean_offdiagonal(j))
    assert industries.zone_pairs(3, first=[0]) == [(0, 1), (0, 2)]


def test_pairwise_overlap_refuses_unknown_measures_and_empty_zones():
    with pytest.raises(ValueError, match="unknown measure"):
        industries.pairwise_overlap(_counts([1], [1]), "dice")
    with pytest.raises(ValueError, match="undefined"):
        industries.pairwise_overlap(_counts([0, 0], [1, 0]), "overlap")


def test_a_permutation_keeps_both_margins():
    observed, null = industries.permutation_counts(TOY, "category", ["a", "b", "c"], n_draws=500, seed=1)
    assert observed.tolist() == industries.zone_category_matrix(TOY).to_numpy().tolist()
    assert null.shape == (500, 3, 4)
    assert (null.sum(axis=2) == observed.sum(axis=1)).all()  # items per zone
    assert (null.sum(axis=1) == observed.sum(axis=0)).all()  # items per label
    assert len({d.tobytes() for d in null}) > 1  # and it does shuffle


def test_a_fixed_seed_reproduces_the_draws_and_another_seed_does_not():
    one = industries.permutation_counts(TOY, "category", ["a", "b", "c"], n_draws=200, seed=7)[1]
    again = industries.permutation_counts(TOY, "category", ["a", "b", "c"], n_draws=200, seed=7)[1]
    other = industries.permutation_counts(TOY, "category", ["a", "b", "c"], n_draws=200, seed=8)[1]
    assert np.array_equal(one, again)
    assert not np.array_equal(one, other)


def test_permutation_among_some_zones_uses_only_their_items():
    observed, null = industries.permutation_counts(TOY, "category", ["b", "c"], n_draws=50, seed=3)
    assert observed.tolist() == [[1, 1, 0], [0, 0, 1]]  # labels IT, energy, farm: a's items are out
    assert (null.sum(axis=(1, 2)) == 3).all()
    with pytest.raises(ValueError, match="health"):
        industries.permutation_counts(TOY, "category", ["a"], labels=["IT"], n_draws=5, seed=0)
    with pytest.raises(ValueError, match="n_draws"):
        industries.permutation_counts(TOY, "category", ["a"], n_draws=0, seed=0)


def test_null_test_counts_ranks_and_p_values_by_hand():
    t = industries.NullTest(observed=0.5, draws=np.array([0.1, 0.5, 0.5, 0.9]))
    assert (t.n_below, t.n_equal, t.n_above) == (1, 2, 1)
    assert t.percentile == 50.0  # (1 + 2/2) / 4
    assert t.p_less == (3 + 1) / 5 and t.p_greater == (3 + 1) / 5
    assert t.null_mean == 0.5
    assert industries.NullTest.mc_error(0.5, 100) == 0.05
    f = t.frequencies()
    assert f["value"].tolist() == [0.1, 0.5, 0.9]
    assert f["draws"].tolist() == [1, 2, 1]
    assert f["observed"].tolist() == [False, True, False]
    h = t.histogram(bins=4)
    assert h["share"].sum() == pytest.approx(1.0) and h["bin_from"].iloc[0] == 0.1


def test_null_test_of_a_forced_arrangement_is_extreme():
    # Two zones, two labels, two items each: the observed split (each zone one label twice) is
    # the least overlapping arrangement there is, so no draw lies below it.
    items = _items([("a", "1", "x"), ("a", "2", "x"), ("b", "3", "y"), ("b", "4", "y")])
    observed, null = industries.permutation_counts(items, "category", ["a", "b"], n_draws=2000, seed=0)
    t = industries.null_test(lambda c: industries.mean_pairwise(c), observed, null)
    assert t.observed == 0.0
    assert t.n_below == 0
    assert 0 < t.n_equal < 2000  # 2 of the 6 equally likely arrangements give 0 (about a third)
    assert t.p_greater == 1.0


def test_share_in_reference_by_hand():
    counts = _counts([1, 1, 0], [2, 0, 1], [0, 0, 3])  # reference 0 has labels 0 and 1
    assert industries.share_in_reference(counts, 0, [1, 2])[0] == pytest.approx(2 / 6)


def test_function_markers_read_the_wording():
    assert industries.function_of("动力电池研发创新高地") == "research"
    assert industries.function_of("高端装备制造产业集聚区") == "production"
    assert industries.function_of("高端智能汽车研发生产基地") == "both"
    assert industries.function_of("集成电路") == "none"
    frame = pd.DataFrame({"zone_id": ["p", "p", "q"], "name": ["研发中心", "工业园", "枢纽"]})
    table = industries.function_markers(frame, "name")
    assert table.to_dict("records") == [
        {"zone_id": "p", "n": 2, "research": 1, "production": 1, "both": 0, "none": 0},
        {"zone_id": "q", "n": 1, "research": 0, "production": 0, "both": 0, "none": 1},
    ]


def test_differentiation_tests_on_the_article_data():
    """The test on the real data: margins kept, and the result stable across seeds.

    Snapshot (copied from a run, 100,000 draws, seed 20210517): observed mean Jaccard 25/90;
    null mean about 0.255; percentile about 68. The seed check is not a snapshot: two seeds must
    agree within four Monte-Carlo standard errors.
    """
    items = industries.add_themes(checked.load_table("zone_industries"))
    zones = checked.load_table("zones")["zone_id"].tolist()
    labels = {"category": checked.load_table("categories")["category"].tolist(), "theme": list(industries.THEMES)}
    tests = industries.differentiation_tests(items, zones, "core", labels)
    assert tests["jaccard_all"].observed == pytest.approx(25 / 90)
    assert tests["jaccard_all"].n_draws == industries.NULL_DRAWS
    assert tests["jaccard_all"].null_mean == pytest.approx(0.255, abs=0.002)
    assert tests["jaccard_all"].percentile == pytest.approx(68, abs=1.5)
    other = industries.differentiation_tests(items, zones, "core", labels, seed=1)
    for key, t in tests.items():
        se = industries.NullTest.mc_error(t.p_less, t.n_draws)
        assert abs(t.p_less - other[key].p_less) < 4 * math.sqrt(2) * se + 1e-9, key
    table = industries.null_summary(tests)
    assert table["test"].tolist() == list(tests)
    assert (table["null_low"] <= table["null_mean"]).all() and (table["null_mean"] <= table["null_high"]).all()


def test_the_chapter_premises_hold_in_the_data():
    """Facts the chapter's prose relies on, checked here instead of in the notebook."""
    cats = checked.load_table("categories")
    assert checked.figure("leading_industries").value == int(cats["leading_industry"].sum())
    assert checked.figure("signed_projects_h1").scope == "直管区"
    assert checked.figure("leading_industry_projects").bound == "lower"
    items = checked.load_table("zone_industries")
    zones = checked.load_table("zones")
    assert (zones["role"] == "core").sum() == 1
    per_zone = items["zone_id"].value_counts()
    assert per_zone.drop("core").eq(3).all()  # the prose says three items per zone


def test_chance_reading_follows_the_p_values():
    low = industries.NullTest(observed=0.0, draws=np.linspace(0.01, 1, 100))
    high = industries.NullTest(observed=2.0, draws=np.linspace(0.01, 1, 100))
    middle = industries.NullTest(observed=0.5, draws=np.linspace(0.01, 1, 100))
    assert industries.chance_reading(low) == "less"
    assert industries.chance_reading(high) == "more"
    assert industries.chance_reading(middle) == "chance"


def test_the_readings_the_chapter_states_in_words():
    """Snapshot of the readings the chapter's prose puts in words (not in glued numbers): every
    version of the differentiation test and the core-area statistics lie within chance at the
    one-sided 5 % level; the core area's Jaccard lies above the chance mean without reaching it;
    the core area's items carry no function word, the zones' items and carriers do."""
    items = industries.add_themes(checked.load_table("zone_industries"))
    zones = checked.load_table("zones")["zone_id"].tolist()
    labels = {"category": checked.load_table("categories")["category"].tolist(), "theme": list(industries.THEMES)}
    tests = industries.differentiation_tests(items, zones, "core", labels)
    assert {k: industries.chance_reading(t) for k, t in tests.items()} == dict.fromkeys(tests, "chance")
    assert tests["jaccard_core"].observed > tests["jaccard_core"].null_mean
    assert tests["share_core"].observed > tests["share_core"].null_mean
    marks = industries.function_markers(items, "item_zh").set_index("zone_id")
    assert marks.loc["core", "none"] == marks.loc["core", "n"] == 6
    assert (marks.drop("core")[["research", "both"]].sum(axis=1) > 0).sum() >= 2
    carriers = industries.function_markers(checked.load_table("zone_carriers"), "carrier_zh").set_index("zone_id")
    assert carriers.loc["core", "research"] == 1
    assert carriers.drop("core")["production"].sum() > carriers.drop("core")["research"].sum()


# -- display tables ----------------------------------------------------------------------------


def test_launch_table_for_display():
    z = industries.launch_by_zone(EXT)
    table = tables.launch_table(z, "zone", ["P zone", "Q zone"])
    assert table.columns[0] == "zone" and table["zone"].tolist() == ["P zone", "Q zone"]
    assert table["planned total investment, 亿元"].tolist() == ["约 60", "30"]  # 约 where the source says so
    assert table["billion yuan"].tolist() == [6.0, 3.0]
    assert table["share of the investment, %"].tolist() == [66.7, 33.3]
    assert table["亿元 per project"].tolist() == [15.0, 6.0]
    with pytest.raises(ValueError, match="labels"):
        tables.launch_table(z, "zone", ["only one"])


def test_marked_counts_add_names_with_both_markers():
    frame = pd.DataFrame({"zone_id": ["p", "p", "p", "q"], "name": ["研发中心", "研发生产基地", "工业园", "枢纽"]})
    marks = industries.function_markers(frame, "name").set_index("zone_id")
    assert industries.marked_counts(marks, "research", ["p", "q"]) == ["2 of 3", "0 of 1"]
    assert industries.marked_counts(marks, "production", ["q", "p"]) == ["0 of 1", "2 of 3"]
    with pytest.raises(ValueError):
        industries.marked_counts(marks, "both", ["p"])


# -- zone roles, matrix facts, pair facts, launch facts, marker counts ------------------------


def test_zone_roles_read_the_core_and_the_districts_from_the_zones_table():
    zones = pd.DataFrame({"zone_id": ["k", "p", "q"], "role": ["district", "core", "district"]})
    roles = industries.zone_roles(zones)
    assert (roles.ids, roles.core, roles.districts) == (["k", "p", "q"], "p", ["k", "q"])
    with pytest.raises(ValueError, match="3 core"):
        industries.zone_roles(zones.assign(role="core"))


def test_zone_roles_of_the_article():
    roles = industries.zone_roles(checked.load_table("zones"))
    assert roles.core == roles.ids[0] and len(roles.districts) == len(roles.ids) - 1


def test_matrix_facts_by_hand():
    # TOY: a has IT ×2, health; b has IT, energy; c has farm. Leading: IT and health.
    facts = industries.matrix_facts(industries.zone_category_matrix(TOY), ["IT", "health"])
    assert facts.n_leading == 2
    assert facts.categories_used == 4
    assert (facts.items_leading, facts.items_other) == (4, 2)
    assert facts.items_top2 == 4  # IT (3) and one of the categories with 1
    assert facts.leading_per_zone.to_dict() == {"a": 2, "b": 1, "c": 0}
    assert facts.zones_with_all_leading() == ["a"]


def test_mean_jaccard_by_hand_and_as_the_test_computes_it():
    m = industries.zone_category_matrix(TOY)
    # a–b: {IT} of {IT, health, energy} = 1/3; a–c and b–c share nothing: mean 1/9
    assert industries.mean_jaccard(m) == pytest.approx(1 / 9)
    assert industries.mean_jaccard(m) == pytest.approx(industries.mean_offdiagonal(industries.pairwise_similarity(m)))
    items = industries.add_themes(checked.load_table("zone_industries"))
    zones = checked.load_table("zones")["zone_id"].tolist()
    labels = checked.load_table("categories")["category"].tolist()
    observed = industries.mean_jaccard(industries.zone_category_matrix(items, zones=zones, labels=labels))
    obs, null = industries.permutation_counts(items, "category", zones, labels, n_draws=1, seed=1)
    assert observed == industries.null_test(lambda x: industries.mean_pairwise(x, "jaccard"), obs, null).observed
    assert observed == 5 / 18  # the correctly rounded float of the exact mean (15 pairs)


def test_most_similar_and_dissimilar_pairs():
    sim = industries.pairwise_similarity(industries.zone_category_matrix(TOY))
    assert industries.most_similar_pair(sim) == ("a", "b")
    assert industries.dissimilar_pairs(sim) == [("a", "c"), ("b", "c")]
    tie = pd.DataFrame(0.5, index=list("xyz"), columns=list("xyz"))
    assert industries.most_similar_pair(tie) == ("x", "y")  # the first of equals
    assert industries.dissimilar_pairs(tie) == []


def test_launch_facts_by_hand():
    launch = industries.launch_by_zone(EXT, ["p", "q"])
    facts = industries.launch_facts(launch)
    assert facts.per_project_all == pytest.approx(90 / 9)  # 60 + 30 亿元 over 4 + 5 projects
    assert facts.smallest == "q"  # 30 / 5 = 6 against 60 / 4 = 15


def test_count_marked_adds_names_with_both_markers():
    frame = pd.DataFrame(
        {"zone_id": ["p", "p", "p", "q", "q"], "name": ["研发中心", "工业园", "研发生产基地", "枢纽", "创新园"]}
    )
    markers = industries.function_markers(frame, "name").set_index("zone_id")
    assert industries.count_marked(markers, "research", ["p"]) == 2  # 研发中心, 研发生产基地
    assert industries.count_marked(markers, "production", ["p"]) == 2  # 工业园, 研发生产基地
    assert industries.count_marked(markers, "any", ["p"]) == 3
    assert industries.count_marked(markers, "all", ["p", "q"]) == 5
    assert industries.count_marked(markers, "research", ["p", "q"]) == 3  # 创新园 is research
    assert industries.zones_marked(markers, "production", ["p", "q"]) == ["p"]
    assert industries.zones_marked(markers, "research", ["q", "p"]) == ["q", "p"]
