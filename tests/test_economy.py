"""sciencecity.analysis.economy: the rows of economy.csv against their quotes, and the chapter's arithmetic."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sciencecity.analysis import economy
from sciencecity.presentation import charts, style
from sciencecity.reading import csv_tables, descriptor, paths
from sciencecity.rules import checked, economy_table, intrinsic, validate


def row(**changes):
    base = {
        "id": "x",
        "value": 1169.0,
        "qualifier": None,
        "period": "2022H1",
        "period_type": "half-year",
        "unit": "亿元",
        "quote": "規上工業戰新企業産值達1169億元",
    }
    return {**base, **changes}


def problems(row: dict) -> list[str]:
    """Every rule's problems with one economy row: economy_table's and the generic quote rule's."""
    resource = next(r for r in descriptor.read_descriptor(paths.DATA_DIR) if r.name == "economy")
    full = {c: None for c in resource.columns} | row
    ctx = validate.Context({"economy": csv_tables.Table(resource, [full], [2])}, "")
    stated = [p.split(": ", 1)[1] for p in intrinsic.quotes_state_values(ctx)]
    return stated + economy_table.row_problems(row)


def test_a_row_that_states_its_value_passes():
    assert problems(row()) == []


@pytest.mark.parametrize(
    ("changes", "column"),
    [
        ({"value": 1196.0}, "value"),  # digits swapped
        ({"value": 116.9}, "value"),  # decimal point moved
        ({"quote": "規上工業戰新企業産值達千亿元"}, "value"),  # no digits at all
        ({"qualifier": "约"}, "qualifier"),  # a qualifier the quote does not carry
        ({"period_type": "full-year"}, "period_type"),
        ({"period": "2022-H1"}, "period"),
        ({"quote": "2021年規上工業戰新企業産值達1169億元"}, "period"),  # the quote names another year
    ],
)
def test_problems_name_the_column(changes, column):
    found = problems(row(**changes))
    assert len(found) == 1 and found[0].startswith(f"column '{column}'"), found


def test_real_quotes_with_units_in_chinese():
    """Values as the sources print them: a unit of 万 after the number, 超 before it, a year inside."""
    assert problems(row(value=6.3, unit="万户", quote="市場主體達6.3萬戶", period="2022-01", period_type="month")) == []
    assert (
        problems(
            row(
                value=7000.0,
                unit="人",
                qualifier="超",
                quote="超7000名大學生實現“學在大學城、留在科學城”",
                period="2022H1",
            )
        )
        == []
    )
    assert (
        problems(
            row(
                value=2000.0,
                qualifier="超",
                period="2020-01/2020-07",
                period_type="months",
                quote="今年1—7月,西部(重慶)科學城實現規(guī)上工業(yè)總產值超2000億元",
            )
        )
        == []
    )
    # the year of a two-year span is inside it; a year of the 十三五 period outside 2020 is not
    assert (
        problems(row(value=7.0, unit="%", period="2020", period_type="full-year", quote="2020年,直管区GDP增速达7%"))
        == []
    )
    bad = problems(row(value=7.0, unit="%", period="2020", period_type="full-year", quote="2019年,增速达7%"))
    assert bad == ["column 'period': the quote names 2019年, outside '2020'"]


def test_the_data_pass_and_the_validator_runs_the_rule():
    package = checked.load_package()
    assert economy_table.check(package) == []
    assert set(package["economy"]["theme"]) <= set(economy_table.THEMES)


def test_check_names_file_line_and_column():
    frame = pd.DataFrame([row(), row(id="y", period_type="month")])
    assert economy_table.check({"economy": frame}) == [
        "economy.csv:3: column 'period_type': 'month', but '2022H1' is a half-year"
    ]
    assert economy_table.check({}) == []


def test_share_ratio_and_implied_total():
    # the core: 2.77 % of the city's secondary value added, 11.3 % of its industrial output
    assert economy.share_ratio(2.77, 11.3) == pytest.approx(0.2451, abs=1e-4)
    assert economy.share_ratio(5.0, 5.0) == 1.0
    with pytest.raises(ValueError):
        economy.share_ratio(1.0, 0.0)
    # 3,337.5 亿元 of exports were 89.9 % of the total
    assert economy.implied_total(3337.5, 89.9) == pytest.approx(3712.46, abs=0.01)
    for bad in (0.0, -5.0, 100.5, math.nan):
        with pytest.raises(ValueError):
            economy.implied_total(1.0, bad)


@pytest.mark.parametrize("part", [0.01, 1.0, 3337.5, 999_999.9])
@pytest.mark.parametrize("share", [0.01, 11.3, 45.3, 89.9, 100.0])
def test_implied_total_inverts_the_share(part, share):
    total = economy.implied_total(part, share)
    assert total >= part * (1 - 1e-12)
    assert 100 * part / total == pytest.approx(share, rel=1e-9)


def test_gdp_levels_keep_the_gaps():
    external = checked.load_table("external")
    later = checked.load_table("later")
    levels = economy.gdp_levels(external, later, ["2020", "2021", "2022", "2023", "2024"]).set_index("year")
    assert levels.loc["2020", "level"] == 487.45
    assert levels.loc["2021", "level"] == 588.6
    assert levels.loc["2021", "growth"] == 12.9
    for year in ("2022", "2023", "2024"):
        assert math.isnan(levels.loc[year, "level"])
        assert levels.loc[year, "level_source"] == "not found"
    assert math.isnan(levels.loc["2022", "growth"])  # no core growth for 2022 either
    assert levels.loc["2024", "growth"] == 7.4


def test_gdp_levels_refuse_two_figures_for_one_year():
    external = checked.load_table("external")
    later = checked.load_table("later")
    twice = pd.concat([later, later[later["id"] == "core_gdp_2021"].assign(id="core_gdp_2021_copy")])
    with pytest.raises(ValueError, match="two level figures"):
        economy.gdp_levels(external, twice, ["2021"])


def test_comparable_needs_measure_and_period():
    a = {"metric": "gdp_growth", "period": "2021", "period_type": "full-year"}
    assert economy.comparable(a, dict(a)) == (True, "same measure and period")
    assert economy.comparable(a, {**a, "period": "2020"}) == (False, "different period")
    assert economy.comparable(a, {**a, "metric": "gdp", "period": "2022H1", "period_type": "half-year"}) == (
        False,
        "different measure and period and period type",
    )


def test_gap_in_points():
    assert economy.gap_pct_points(12.9, 11.1) == 1.8
    assert economy.gap_pct_points(6.8, 7.0) == -0.2


def test_nominal_change():
    assert economy.nominal_change_pct(487.45, 588.6) == pytest.approx(20.75, abs=0.01)
    assert economy.nominal_change_pct(100.0, 90.0) == pytest.approx(-10.0)
    with pytest.raises(ValueError):
        economy.nominal_change_pct(0.0, 1.0)


@pytest.mark.parametrize("layout", ["desktop", "phone"])
def test_levels_chart_draws_no_bar_for_a_gap(layout):
    import matplotlib

    matplotlib.use("Agg")

    style.use()
    levels = pd.DataFrame(
        {
            "year": ["2020", "2021", "2022"],
            "level": [487.45, 588.6, math.nan],
            "growth": [6.8, 12.9, math.nan],
            "level_source": ["a", "b", "not found"],
            "growth_source": ["a", "b", "not found"],
        }
    )
    fig = charts.economy_levels(levels, layout=layout)
    ax = fig.axes[0]
    assert [round(p.get_height(), 2) for p in ax.patches] == [487.45, 588.6]  # two bars, none for the gap
    texts = [t.get_text().replace("\n", " ") for t in ax.texts]
    assert any(t.startswith("level not") and t.endswith("found") for t in texts)
    assert any(t.startswith("growth:") and t.endswith("not found") for t in texts)
    assert any(t.startswith("487.45") and "亿元" in t for t in texts) and any(t.startswith("588.6") for t in texts)
