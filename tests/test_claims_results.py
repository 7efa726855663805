"""sciencecity.presentation.claims_results: every value the claims chapter glues, from one call per
result; and sciencecity.analysis.claims_ledger.agreement."""

from __future__ import annotations

import pandas as pd
import pytest
from IPython.display import Image, Markdown

from sciencecity.analysis import claims_ledger
from sciencecity.presentation import claims_results
from sciencecity.rules import checked, claims
from tests.glued_outputs import assert_as_in_book, cited


@pytest.fixture(scope="module")
def results(package, chart_dir):
    """Every value of the chapter, by glue key (the notebook's calls, in its order)."""
    return (
        claims_results.counts(package)
        | claims_results.status_chart(package)
        | claims_results.ledger(package)
        | claims_results.told_in_full(package)
    )


def test_every_key_the_chapter_and_the_landing_page_cite_is_glued(results):
    keys = cited("07_claims.ipynb")
    assert set(keys) == {""}
    assert keys[""] - set(results) == set()
    assert cited("index.ipynb")["07_claims.ipynb"] - set(results) == set()


def test_counts_equal_the_ledger(package, results):
    ledger = package["claims"]
    assert results["claims_n"] == len(ledger)
    for status in claims.STATUSES:
        assert results[f"claims_n_{status}"] == int((ledger["status"] == status).sum())
    assert sum(results[f"claims_n_{s}"] for s in claims.STATUSES) == results["claims_n"]
    assert results["claims_n_agree"] == results["claims_n_computed"] > 0  # the ledger passes its check
    assert (
        results["claims_n_figures"] + results["claims_n_dates"] + results["claims_n_statements"] == results["claims_n"]
    )
    assert results["claims_n_figures_verified"] <= results["claims_n_figures"]
    assert all(isinstance(results[k], int) for k in results if k.startswith("claims_n"))


def test_chart_ledger_and_quotes(package, results, chart_dir):
    assert isinstance(results["claims_fig_status"], Image)
    assert isinstance(results["claims_fig_status_data"], Markdown)
    assert isinstance(results["claims_ledger"], Markdown)
    drawn = list((chart_dir / "chart-images").glob("fig-claims-status*")) + list((chart_dir / "chart-data").glob("*"))
    assert len(drawn) == 5
    assert_as_in_book(drawn)  # the committed chart and data, byte for byte
    later = package["later"].set_index("id")
    assert results["claims_pku_founded"] == later.loc["pku_big_data_founded_2021_03", "period"]
    assert results["claims_first_quote"] == checked.figure("first_big_science_facility").quote
    assert results["claims_first_cqu"] == later.loc["facility_not_in_use_2025_03", "quote"]
    pku = package["institutions"].set_index("institution_id").loc["pku_big_data"]
    assert results["claims_pku_quote"] == pku["quote"]


def test_agreement_counts_the_rules_that_compute():
    ctx = claims.Context(
        {
            "figures": pd.DataFrame([{"id": "a", "value": 5.0, "survives": None}, {"id": "b", "value": 5.0}]),
            "external": pd.DataFrame([{"id": "x", "value": 5.0, "period": "2021"}]),
        }
    )
    ledger = pd.DataFrame(
        [
            {"claim_id": "1", "rule": "equals", "article_ids": "a", "evidence_ids": "x", "status": "verified"},
            {"claim_id": "2", "rule": "equals", "article_ids": "b", "evidence_ids": "x", "status": "in_tension"},
            {"claim_id": "3", "rule": "none", "article_ids": "a", "evidence_ids": "", "status": "unverifiable"},
        ]
    )
    assert claims_ledger.agreement(ledger, ctx) == (2, 1)
