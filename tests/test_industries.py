"""sciencecity.industries: zone × category counts, overlap measures, the 2020 launch rows."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sciencecity import data, industries


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
    """A minimal external table: (id, value, unit, note)."""
    return pd.DataFrame(
        [
            {"id": i, "entity_zh": f"{i}_zh", "entity_en": f"{i}_en", "metric": "m", "value": v, "unit": u, "note": n}
            for i, v, u, n in rows
        ]
    )


EXT = _external(
    [
        ("launch_projects", 10, "projects", ""),
        ("launch_investment", 100, "亿元", ""),
        ("launch_projects_p", 4, "projects", ""),
        ("launch_investment_p", 60, "亿元", "approximate (约)"),
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
    m = industries.zone_category_matrix(TOY, zones=["c", "b", "a", "d"], labels=["farm", "IT", "health", "energy", "none"])
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
    items = data.load_table("zone_industries")
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
    items = data.load_table("zone_industries")
    zones = data.load_table("zones")["zone_id"].tolist()
    cats = data.load_table("categories")["category"].tolist()
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
    ext = data.load_table("external")
    zones = data.load_table("zones")["zone_id"].tolist()
    z = industries.launch_by_zone(ext, zones)
    assert z["projects"].tolist() == [14, 16, 11, 6, 16, 16]
    assert z["investment"].tolist() == [482.0, 172.0, 245.0, 125.0, 175.0, 101.0]
    assert z.loc["core", "investment_share_pct"] == pytest.approx(482 / 13)
    assert industries.check_launch_sums(z, ext) == industries.SumCheck(79, 79, 1300.0, 1300.0)
    t = industries.launch_by_type(ext)
    assert t["projects"].tolist() == [9, 52, 11, 7]
    assert industries.check_launch_sums(t, ext).matches
