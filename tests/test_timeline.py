"""sciencecity.analysis.timeline: the dated events, each date flagged by where it comes from."""

from __future__ import annotations

import pandas as pd

from sciencecity.analysis import timeline
from sciencecity.rules import checked

# -- timeline ------------------------------------------------------------------------------------


def _events(rows):
    cols = [
        "event_id",
        "kind",
        "label_en",
        "label_zh",
        "date_as_written",
        "date",
        "year_status",
        "year_restored",
        "restored_from",
        "quote",
        "start",
        "note",
    ]
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
    t = timeline.timeline(events, external)
    assert t["event_id"].tolist() == ["lost", "given", "late", "nodate", "plan"]
    assert t["date"].tolist() == ["2020-09-11", "2021-01-02", "2021-05", "2021-08-25", ""]
    assert t["precision"].tolist() == ["day", "day", "month", "day", "unknown"]
    assert t["date_source"].tolist() == [
        timeline.YEAR_RESTORED,
        timeline.FROM_ARTICLE,
        timeline.FROM_ARTICLE,
        timeline.DATE_RESTORED,
        timeline.UNKNOWN,
    ]
    assert t["restored"].tolist() == [True, False, False, True, False]
    assert t["restored_from"].tolist() == ["ext_a", "", "", "ext_n", ""]
    assert t.loc[2, "first_day"] == pd.Timestamp("2021-05-01")
    assert t.loc[2, "last_day"] == pd.Timestamp("2021-05-31")
    assert pd.isna(t.loc[4, "first_day"])
    assert list(t.columns) == timeline.TIMELINE_COLUMNS


def test_timeline_without_external_leaves_undated_events_unknown():
    events = _events([["nodate", "event", "N", "丙", "上个月", "", "relative", 2021, "ext_n", "q", 40, ""]])
    t = timeline.timeline(events)
    assert t["precision"].tolist() == ["unknown"]
    assert t["restored"].tolist() == [False]


def test_timeline_of_the_article():
    """Snapshot: the order and dates were read off the output and checked against events.csv and external.csv."""
    t = timeline.timeline(checked.load_table("events"), checked.load_table("external"))
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
    plain = timeline.timeline(events, external)
    assert plain["date"].tolist() == ["2021-05", "2021-06"]
    refined = timeline.timeline(events, external, refine_days=True)
    assert refined["date"].tolist() == ["2021-05-17", "2021-06"]  # a day of May cannot refine June
    assert refined["precision"].tolist() == ["day", "month"]
    assert refined["date_source"].tolist() == [timeline.DAY_RESTORED, timeline.FROM_ARTICLE]
    assert refined["restored"].tolist() == [True, False]
    assert refined.loc[0, "first_day"] == refined.loc[0, "last_day"] == pd.Timestamp("2021-05-17")


def test_timeline_of_the_article_dates_the_plaque_ceremony_to_the_day():
    t = timeline.timeline(checked.load_table("events"), checked.load_table("external"), refine_days=True)
    plaque = t.set_index("event_id").loc["plaque_ceremony"]
    assert plaque["date"] == "2021-05-17"
    assert plaque["date_source"] == timeline.DAY_RESTORED
    assert plaque["date_as_written"] == "今年5月"
