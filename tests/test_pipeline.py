"""sciencecity.pipeline: parts and wholes, the repost's lost digits, ratios, tables, timeline."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sciencecity import data, pipeline

# -- check_parts_sum -----------------------------------------------------------------------------


def test_parts_that_add_up():
    check = pipeline.check_parts_sum(27, {"in operation": 5, "under construction": 14, "advancing": 8})
    assert check.parts_sum == 27
    assert check.difference == 0
    assert check.adds_up is True
    assert check.parts == (("in operation", 5.0), ("under construction", 14.0), ("advancing", 8.0))
    assert check.equation() == "5 + 14 + 8 = 27"
    assert check.describe() == "5 + 14 + 8 = 27, exactly the stated total"


def test_parts_short_of_the_total():
    check = pipeline.check_parts_sum(27, [5, 14, 7])
    assert check.parts_sum == 26
    assert check.difference == -1
    assert check.adds_up is False
    assert check.parts[0] == ("part 1", 5.0)
    assert check.describe() == "5 + 14 + 7 = 26, 1 short of the stated total of 27"


def test_parts_more_than_the_total_with_decimals():
    check = pipeline.check_parts_sum(10, [3.5, 7.25])
    assert check.parts_sum == 10.75
    assert check.adds_up is False
    assert check.describe() == "3.5 + 7.25 = 10.75, 0.75 more than the stated total of 10"


def test_float_parts_that_add_up_despite_rounding_error():
    assert pipeline.check_parts_sum(0.3, [0.1, 0.2]).adds_up is True


@pytest.mark.parametrize("total, parts", [(27, []), (27, {}), (27, [5, None, 8]), (math.nan, [1, 2]), (27, [5, math.nan])])
def test_parts_sum_refuses_missing_values(total, parts):
    with pytest.raises(ValueError):
        pipeline.check_parts_sum(total, parts)


def test_the_articles_pipeline_adds_up():
    """Snapshot: 27 = 5 + 14 + 8 as the article prints them."""
    figures = data.load_figures()
    parts = figures.loc[
        ["university_projects_operating", "university_projects_under_construction", "university_projects_advancing"],
        "value",
    ]
    check = pipeline.check_parts_sum(figures.loc["university_projects_signed", "value"], parts.to_dict())
    assert check.total == 27
    assert check.parts_sum == 27
    assert check.adds_up


# -- lost digits ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, printed",
    [
        ("2020年9月11日", "年9月11日"),
        ("其中世界500强企业15家", "其中世界强企业15家"),
        ("这个总投资达283.6亿元的项目", "这个总投资达.6亿元的项目"),
        ("总投资近2400亿元", "总投资近亿元"),
        ("新签约项目73个", "新签约项目73个"),
        ("12.345", "12."),
        ("99", "99"),
    ],
)
def test_lose_digits_replays_the_repost(written, printed):
    assert pipeline.lose_digits(written) == printed


@pytest.mark.parametrize(
    "candidate, survives, fits",
    [
        (283.6, ".6", True),  # the eight-project total fits the surviving ".6"
        (100.6, ".6", True),
        (30, ".6", False),  # the facility alone: two digits, would have survived intact
        (30.6, ".6", False),  # would have survived intact too
        (283.5, ".6", False),  # wrong decimal
        (2400, "", True),  # 近2400亿元: the whole number lost
        (99, "", False),
        ("2021", "", True),
        (283.6, "", False),
        (30, "30", False),  # printed intact: nothing was lost, so it is no lost figure
    ],
)
def test_fits_lost_digits(candidate, survives, fits):
    assert pipeline.fits_lost_digits(candidate, survives) is fits


def test_number_text():
    assert pipeline.number_text(27.0) == "27"
    assert pipeline.number_text(283.6) == "283.6"
    assert pipeline.number_text(5) == "5"
    with pytest.raises(ValueError):
        pipeline.number_text(math.nan)


# -- per_unit ------------------------------------------------------------------------------------


def test_per_unit_rounds_explicitly():
    assert pipeline.per_unit(70, 30) == 2.33
    assert pipeline.per_unit(70, 30, ndigits=1) == 2.3
    assert pipeline.per_unit(2400, 30) == 80.0
    assert pipeline.per_unit(2400, 70, ndigits=1) == 34.3


@pytest.mark.parametrize("total, count", [(70, 0), (70, -3), (None, 30), (math.nan, 30), (70, math.nan)])
def test_per_unit_refuses_bad_input(total, count):
    with pytest.raises(ValueError):
        pipeline.per_unit(total, count)


# -- value_text and figure_table -----------------------------------------------------------------


@pytest.mark.parametrize(
    "kwargs, text",
    [
        (dict(value=27.0, unit="count"), "27"),
        (dict(value=19.8, unit="%"), "19.8 %"),
        (dict(value=3.3, unit="百分点"), "3.3 points"),
        (dict(value=1.0, unit="rank", qualifier="首"), "no. 1"),
        (dict(value=100.0, unit="count", bound="lower", qualifier="上百"), "at least 100 (上百)"),
        (dict(value=1000.0, unit="亿元", bound="order_of_magnitude", qualifier="千亿级"), "of the order of 1000 亿元 (千亿级)"),
        (dict(value=None, unit="亿元", status="digits_lost", implied_min=100.6, survives=".6"), "lost; at least 100.6 亿元 (“.6” survives)"),
        (dict(value=math.nan, unit="count", status="digits_lost", implied_min=100.0), "lost; at least 100"),
        (
            dict(value=None, unit="亿元", status="digits_lost", implied_min=100.0, bound="approximate", qualifier="近"),
            "lost; at least 100 亿元; written 近 (nearly)",
        ),
    ],
)
def test_value_text(kwargs, text):
    assert pipeline.value_text(**kwargs) == text


def test_value_text_never_invents_a_value():
    with pytest.raises(ValueError):
        pipeline.value_text(None, "亿元", status="digits_lost")
    with pytest.raises(ValueError):
        pipeline.value_text(math.nan, "count")


def test_figure_table_from_the_data():
    table = pipeline.figure_table(data.load_figures(), ["university_projects_signed", "facility_investment"])
    assert list(table.columns) == ["Figure", "原文 Quote", "Value", "Scope 范围"]
    assert table["Value"].tolist() == ["27", "lost; at least 100.6 亿元 (“.6” survives)"]
    assert table["原文 Quote"].tolist() == ["签约高校院所参与科学城建设项目27个", "这个总投资达.6亿元的项目"]
    assert table["Scope 范围"].tolist() == ["科学城", "科学城"]
    with pytest.raises(KeyError, match="no_such_figure"):
        pipeline.figure_table(data.load_figures(), ["no_such_figure"])


def test_named_between_keeps_text_order_and_half_open_span():
    inst = pd.DataFrame({"institution_id": ["c", "a", "b", "d"], "start": pd.array([30, 10, 20, 40], dtype="Int64")})
    assert pipeline.named_between(inst, 10, 40)["institution_id"].tolist() == ["a", "b", "c"]
    assert pipeline.named_between(inst, 11, 41)["institution_id"].tolist() == ["b", "c", "d"]
    with pytest.raises(ValueError):
        pipeline.named_between(inst, 40, 10)


# -- timeline ------------------------------------------------------------------------------------


def _events(rows):
    cols = ["event_id", "kind", "label_en", "label_zh", "date_as_written", "date", "year_status", "year_restored",
            "restored_from", "quote", "start", "note"]
    frame = pd.DataFrame(rows, columns=cols)
    frame["year_restored"] = frame["year_restored"].astype("Int64")
    return frame


def test_timeline_rules_on_made_up_events():
    events = _events(
        [
            ["late", "event", "L", "晚", "今年5月", "XXXX-05", "relative", 2021, "", "q", 50, ""],
            ["lost", "event", "A", "甲", "年9月11日", "XXXX-09-11", "lost", 2020, "ext_a", "q", 10, ""],
            ["given", "event", "G", "乙", "2021年1月2日", "2021-01-02", "given", None, "", "q", 20, ""],
            ["nodate", "event", "N", "丙", "上个月", "", "relative", 2021, "ext_n", "q", 40, ""],
            ["plan", "plan", "P", "丁", "年", "XXXX", "lost", None, "", "q", 30, ""],
            ["ref", "reference_period", "R", "戊", "年度", "XXXX", "lost", 2021, "ext_n", "q", 5, ""],
        ]
    )
    external = pd.DataFrame({"id": ["ext_a", "ext_n"], "period": ["2020-09-11", "2021-08-25"]})
    t = pipeline.timeline(events, external)
    assert t["event_id"].tolist() == ["lost", "given", "late", "nodate", "plan"]
    assert t["date"].tolist() == ["2020-09-11", "2021-01-02", "2021-05", "2021-08-25", ""]
    assert t["precision"].tolist() == ["day", "day", "month", "day", "unknown"]
    assert t["date_source"].tolist() == [
        pipeline.YEAR_RESTORED,
        pipeline.FROM_ARTICLE,
        pipeline.FROM_ARTICLE,
        pipeline.DATE_RESTORED,
        pipeline.UNKNOWN,
    ]
    assert t["restored"].tolist() == [True, False, False, True, False]
    assert t["restored_from"].tolist() == ["ext_a", "", "", "ext_n", ""]
    assert t.loc[2, "first_day"] == pd.Timestamp("2021-05-01")
    assert t.loc[2, "last_day"] == pd.Timestamp("2021-05-31")
    assert pd.isna(t.loc[4, "first_day"])
    assert list(t.columns) == pipeline.TIMELINE_COLUMNS


def test_timeline_without_external_leaves_undated_events_unknown():
    events = _events([["nodate", "event", "N", "丙", "上个月", "", "relative", 2021, "ext_n", "q", 40, ""]])
    t = pipeline.timeline(events)
    assert t["precision"].tolist() == ["unknown"]
    assert t["restored"].tolist() == [False]


def test_timeline_of_the_article():
    """Snapshot: the order and dates were read off the output and checked against events.csv and external.csv."""
    t = pipeline.timeline(data.load_table("events"), data.load_table("external"))
    assert t["event_id"].tolist() == [
        "mobilisation_conference",
        "plaque_ceremony",
        "facility_groundbreaking",
        "scenario_conference",
        "facility_main_construction",
        "facility_phase1_completion",
    ]
    assert t["date"].tolist() == ["2020-09-11", "2021-05", "2021-05-27", "2021-08-25", "", ""]
    assert t["restored"].tolist() == [True, False, False, True, False, False]
    assert t["kind"].tolist() == ["event"] * 4 + ["plan"] * 2


# -- Days from another source (refine_days) --------------------------------------------------------


def test_timeline_refines_a_month_to_the_day_only_when_asked_and_in_the_same_month():
    events = _events(
        [
            ["plaque", "event", "P", "授牌", "今年5月", "XXXX-05", "relative", 2021, "ext_p", "q", 10, ""],
            ["other", "event", "O", "别", "今年6月", "XXXX-06", "relative", 2021, "ext_p", "q", 20, ""],
        ]
    )
    external = pd.DataFrame({"id": ["ext_p"], "period": ["2021-05-17"]})
    plain = pipeline.timeline(events, external)
    assert plain["date"].tolist() == ["2021-05", "2021-06"]
    refined = pipeline.timeline(events, external, refine_days=True)
    assert refined["date"].tolist() == ["2021-05-17", "2021-06"]  # a day of May cannot refine June
    assert refined["precision"].tolist() == ["day", "month"]
    assert refined["date_source"].tolist() == [pipeline.DAY_RESTORED, pipeline.FROM_ARTICLE]
    assert refined["restored"].tolist() == [True, False]
    assert refined.loc[0, "first_day"] == refined.loc[0, "last_day"] == pd.Timestamp("2021-05-17")


def test_timeline_of_the_article_dates_the_plaque_ceremony_to_the_day():
    t = pipeline.timeline(data.load_table("events"), data.load_table("external"), refine_days=True)
    plaque = t.set_index("event_id").loc["plaque_ceremony"]
    assert plaque["date"] == "2021-05-17"
    assert plaque["date_source"] == pipeline.DAY_RESTORED
    assert plaque["date_as_written"] == "今年5月"
