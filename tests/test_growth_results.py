"""sciencecity.presentation.growth_results: every glue key chapters 2 and 9 cite, the values, and
one source for the values both chapters show."""

from __future__ import annotations

import pytest

from sciencecity.presentation import growth_results, platforms_results
from sciencecity.rules import arithmetic
from tests.glued_outputs import assert_both_follow, cited_keys, merged

#: The ids of 09_checks' cells on the economy (their keys are the economy chapter's).
ECONOMY_CELLS = "econ"


def chapter_2(package, text) -> list[dict]:
    """What book/02_growth.ipynb glues, cell by cell."""
    g = growth_results
    return [
        g.sector_rates(package) | g.sector_quotes(package, text),
        g.city_comparison(package),
        g.industrial_gap(package, text),
        g.industrial_chart(package),
        g.industry_2020(package, text),
        g.ranks(package),
        g.context_table(package),
    ]


def chapter_9_growth(package) -> list[dict]:
    """What book/09_checks.ipynb glues in its growth sections, cell by cell."""
    g = growth_results
    return [
        g.checks_rates(package),
        g.core_weighted(package),
        g.sensitivity(package),
        g.sensitivity_chart(package),
        g.city_benchmark(package),
        g.industrial_band(package),
        g.base_effects(package),
        g.year_2020_check(package),
    ]


def chapter_9_platforms(package) -> list[dict]:
    p = platforms_results
    return [p.pipeline_check(package), p.facility_check(package), p.facility_chart(package), p.events_check(package)]


@pytest.fixture(scope="module")
def ch2(package, text, no_files):
    return merged(chapter_2(package, text))


@pytest.fixture(scope="module")
def ch9(package, no_files):
    return merged(chapter_9_growth(package) + chapter_9_platforms(package))


def test_every_key_chapter_2_cites_is_produced(ch2):
    assert cited_keys("02_growth.ipynb") - set(ch2) == set()


def test_every_key_chapter_9_cites_is_produced(ch9):
    cited = {k for k in cited_keys("09_checks.ipynb", skip_ids=ECONOMY_CELLS) if not k.startswith("industries_")}
    assert cited - set(ch9) == set()


def test_the_values_are_the_article_and_the_statistics_bureau(ch2):
    assert [ch2[f"growth_{k}_h1"] for k in ("gdp", "primary", "secondary", "tertiary")] == [19.8, 3.9, 20.2, 19.5]
    assert [ch2[f"growth_city_{k}_h1"] for k in ("gdp", "primary", "secondary", "tertiary")] == [12.8, 8.9, 13.2, 12.9]
    assert ch2["growth_gdp_lead_h1"] == 7.0  # 19.8 - 12.8, exact
    assert (
        ch2["growth_sector_comparison"]
        == "faster than the city's in secondary and tertiary industry, slower in primary"
    )
    assert ch2["growth_city_ind_derived"] == 19.0 == ch2["growth_city_ind_official"]  # 22.3 - 3.3
    assert ch2["growth_ind_matches"] == "matches"
    assert ch2["growth_city_ind_date"] == "2021-07-20"
    assert ch2["growth_ind_vs_secondary"] == "above"  # 22.3 > 20.2
    assert ch2["growth_stats_year"] == 2020
    assert ch2["growth_output_min_2020_yuan"] == "100.9 亿元 (10.09 billion yuan)"
    assert ch2["growth_gdp_rank_h1_ord"] == ch2["growth_gdp_2y_rank_h1_ord"] == "1st"
    assert isinstance(ch2["growth_stats_year"], int)


def test_the_check_values_equal_direct_computations(ch9):
    rates, va = [3.9, 20.2, 19.5], [4.25, 276.52, 206.69]
    assert ch9["growth_implied_gdp"] == arithmetic.weighted_growth(rates, va)
    assert ch9["growth_w_secondary"] == arithmetic.shares(va)[1] * 100
    assert ch9["growth_va_rounding_diff"] == 0.01  # 487.46 against 487.45
    assert (ch9["growth_share_lo_pct"], ch9["growth_share_hi_pct"]) == (50.0, 70.0)  # 60 % ± 10 points
    assert (ch9["growth_reported_lo"], ch9["growth_reported_hi"]) == (19.75, 19.85)
    assert ch9["growth_secondary_share_needed"] == arithmetic.weight_to_match(19.8, rates, va, 1, 2) * 100
    assert ch9["growth_consistent"] == "consistent"
    assert (ch9["growth_city_ind_lo"], ch9["growth_city_ind_hi"]) == (18.9, 19.1)
    assert ch9["growth_city_2020h1_derived"] == arithmetic.implied_prior_growth(6.6, 12.8)
    assert ch9["growth_city_structure"] == "7.2:40.0:52.8"
    assert ch9["growth_yb_match"] == "match"
    assert ch9["platforms_parts_add_up"] == "5 + 14 + 8 = 27, exactly the stated total"
    assert (ch9["platforms_n_events"], ch9["platforms_n_restored"]) == (6, 3)


def test_the_keys_both_chapters_glue_have_the_same_values(ch2, ch9):
    shared = set(ch2) & set(ch9)
    assert len(shared) >= 15
    assert {k: ch9[k] for k in shared} == {k: ch2[k] for k in shared}


@pytest.mark.parametrize("shared", ["sector_rates", "city_rates", "industrial_rates", "industry_2020_figures", "ranks"])
def test_chapter_9_reads_the_function_chapter_2_calls(package, text, no_files, shared):
    """Change what one shared function returns: both chapters' values follow it."""
    assert_both_follow(
        growth_results,
        shared,
        package,
        lambda: merged(chapter_2(package, text)),
        lambda: merged(chapter_9_growth(package)),
    )


def test_the_sector_chart_refuses_city_rates_of_two_releases(package, no_files):
    """The chart's source line states one release date, taken from the city's rows: rows that
    disagree are an error naming them, not a chart that picks one."""
    external = package["external"].copy()
    external.loc[external["id"] == growth_results.CITY_H1[-1], "source_date"] = "2021-07-21"
    with pytest.raises(ValueError, match=rf"{growth_results.CITY_H1[0]}.*differ in source_date"):
        growth_results.city_comparison(package | {"external": external})


@pytest.mark.parametrize("table, row", [("external", growth_results.CITY_H1[-1]), ("figures", growth_results.GDP_H1)])
def test_the_sector_chart_refuses_rows_of_two_periods(package, no_files, table, row):
    """The chart's title states one half-year for both series, the core's (figures.csv) and the
    city's (external.csv): a row of another half-year, in either table, is named in the error."""
    changed = package[table].copy()
    changed.loc[changed["id"] == row, "period"] = "2021H2"
    with pytest.raises(ValueError, match=rf"different periods: .*{table}\.csv {row} is 2021H2"):
        growth_results.city_comparison(package | {table: changed})


def test_the_industrial_chart_refuses_rows_of_two_periods(package, no_files):
    changed = package["figures"].copy()
    changed.loc[changed["id"] == growth_results.INDUSTRIAL_GAP_H1, "period"] = "2021"
    with pytest.raises(ValueError, match=rf"figures\.csv {growth_results.INDUSTRIAL_GAP_H1} is 2021\b"):
        growth_results.industrial_chart(package | {"figures": changed})
