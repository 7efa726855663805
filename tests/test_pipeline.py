"""sciencecity.analysis.pipeline: parts and wholes, ratios, institutions named in a span."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from sciencecity.analysis import pipeline
from sciencecity.presentation import words
from sciencecity.rules import arithmetic, checked

# -- check_parts_sum -----------------------------------------------------------------------------


def test_parts_that_add_up():
    check = arithmetic.check_parts_sum(27, {"in operation": 5, "under construction": 14, "advancing": 8})
    assert check.parts_sum == 27
    assert check.difference == 0
    assert check.adds_up is True
    assert check.parts == (("in operation", 5.0), ("under construction", 14.0), ("advancing", 8.0))
    assert words.parts_equation(check) == "5 + 14 + 8 = 27"
    assert words.parts_sentence(check) == "5 + 14 + 8 = 27, exactly the stated total"


def test_parts_short_of_the_total():
    check = arithmetic.check_parts_sum(27, [5, 14, 7])
    assert check.parts_sum == 26
    assert check.difference == -1
    assert check.adds_up is False
    assert check.parts[0] == ("part 1", 5.0)
    assert words.parts_sentence(check) == "5 + 14 + 7 = 26, 1 short of the stated total of 27"


def test_parts_more_than_the_total_with_decimals():
    check = arithmetic.check_parts_sum(10, [3.5, 7.25])
    assert check.parts_sum == 10.75
    assert check.adds_up is False
    assert words.parts_sentence(check) == "3.5 + 7.25 = 10.75, 0.75 more than the stated total of 10"


def test_float_parts_that_add_up_despite_rounding_error():
    assert arithmetic.check_parts_sum(0.3, [0.1, 0.2]).adds_up is True


@pytest.mark.parametrize(
    "total, parts", [(27, []), (27, {}), (27, [5, None, 8]), (math.nan, [1, 2]), (27, [5, math.nan])]
)
def test_parts_sum_refuses_missing_values(total, parts):
    with pytest.raises(ValueError):
        arithmetic.check_parts_sum(total, parts)


def test_the_articles_pipeline_adds_up():
    """Snapshot: 27 = 5 + 14 + 8 as the article prints them."""
    figures = checked.load_figures()
    parts = figures.loc[
        ["university_projects_operating", "university_projects_under_construction", "university_projects_advancing"],
        "value",
    ]
    check = arithmetic.check_parts_sum(figures.loc["university_projects_signed", "value"], parts.to_dict())
    assert check.total == 27
    assert check.parts_sum == 27
    assert check.adds_up


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


# -- named_between ---------------------------------------------------------------------------


def test_named_between_keeps_text_order_and_half_open_span():
    inst = pd.DataFrame({"institution_id": ["c", "a", "b", "d"], "start": pd.array([30, 10, 20, 40], dtype="Int64")})
    assert pipeline.named_between(inst, 10, 40)["institution_id"].tolist() == ["a", "b", "c"]
    assert pipeline.named_between(inst, 11, 41)["institution_id"].tolist() == ["b", "c", "d"]
    with pytest.raises(ValueError):
        pipeline.named_between(inst, 40, 10)
