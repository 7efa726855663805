"""sciencecity.presentation.platforms_results: every glue key chapters 4 and 9 cite, the values,
one source for the values both chapters show; and the counts behind them (pipeline, timeline)."""

from __future__ import annotations

import pandas as pd
import pytest

from sciencecity.analysis import pipeline, timeline
from sciencecity.presentation import platforms_results
from tests.glued_outputs import assert_both_follow, cited_keys, merged
from tests.test_growth_results import chapter_9_platforms


def chapter_4(package) -> list[dict]:
    """What book/04_platforms.ipynb glues, cell by cell."""
    p = platforms_results
    return [
        p.article_year(package),
        p.projects(package),
        p.named_projects(package),
        p.pipeline_chart(package),
        p.facility(package),
        p.scenarios(package),
        p.landed(package),
        p.signed_and_introduced(package),
        p.timeline_context(package),
        p.timeline_chart(package),
    ]


@pytest.fixture(scope="module")
def ch4(package, no_files):
    return merged(chapter_4(package))


@pytest.fixture(scope="module")
def ch9(package, no_files):
    return merged(chapter_9_platforms(package))


def test_every_key_chapter_4_cites_is_produced(ch4):
    assert cited_keys("04_platforms.ipynb") - set(ch4) == set()


def test_the_values_are_the_article_and_the_other_sources(ch4):
    assert ch4["platforms_article_year"] == 2021
    assert ch4["platforms_lost_run"] == 3
    counts = [ch4[f"platforms_{k}"] for k in ("signed", "operating", "under_construction", "advancing")]
    assert counts == [27, 5, 14, 8]
    assert all(isinstance(n, int) for n in counts)
    named = [ch4[f"platforms_named_{k}"] for k in ("operating", "under_construction", "advancing")]
    assert named == [5, 2, 0]
    assert ch4["platforms_named_in_passage"] - sum(named) == ch4["platforms_named_other"] == 3
    assert ch4["platforms_groundbreaking_date"] == "2021-05-27"
    assert ch4["platforms_scenarios_per_project"] == round(70 / 30, 2)
    assert ch4["platforms_investment_per_project_yuan"] == "80 亿元 (8 billion yuan)"  # 2400 / 30
    assert ch4["platforms_scenario_investment_fits"] == "fits"
    assert ch4["platforms_fortune_printed"] == "世界强企业"
    assert ch4["platforms_expo_period"] == "2021-08-23 to 2021-08-25"


def test_the_check_values(ch9):
    assert ch9["platforms_eight_printed"] == ".6"  # 283.6 loses its 283
    assert ch9["platforms_alone_printed"] == "30"  # two digits: printed intact
    assert ch9["platforms_facility_relation"] == "disagrees"
    counts = [ch9[f"platforms_n_{k}"] for k in ("events", "events_dated", "events_unknown", "restored")]
    assert counts == [6, 4, 2, 3]


def test_the_keys_both_chapters_glue_have_the_same_values(ch4, ch9):
    shared = set(ch4) & set(ch9)
    assert {"platforms_projects_total", "platforms_facility_survives", "platforms_facility_min_yuan"} <= shared
    assert {k: ch9[k] for k in shared} == {k: ch4[k] for k in shared}


@pytest.mark.parametrize("shared", ["projects", "facility_figures"])
def test_chapter_9_reads_the_function_chapter_4_calls(package, no_files, shared):
    """Change what one shared function returns: both chapters' values follow it."""
    assert_both_follow(
        platforms_results,
        shared,
        package,
        lambda: merged(chapter_4(package)),
        lambda: merged(chapter_9_platforms(package)),
    )


# -- The counts behind them ----------------------------------------------------------------------


def test_status_counts_in_the_order_given():
    named = pd.DataFrame({"status": ["in_operation", "in_operation", "approved", "under_construction"]})
    assert pipeline.status_counts(named, ["in_operation", "under_construction", None]) == [2, 1, 0]
    assert pipeline.status_counts(named.iloc[:0], ["in_operation"]) == [0]


def test_event_counts_of_a_timeline():
    tl = pd.DataFrame(
        {
            "precision": ["day", "month", "unknown", "day"],
            "restored": [True, False, False, True],
        }
    )
    events = pd.DataFrame({"kind": ["event", "event", "plan", "event", "reference_period"]})
    assert timeline.event_counts(tl, events) == {
        "events": 4,
        "events_dated": 3,
        "events_unknown": 1,
        "restored": 2,
        "reference_periods": 1,
    }
