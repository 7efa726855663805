"""The results of the chapter on the article's claims (book/07_claims.ipynb).

One function per result the chapter shows, each taking the checked package
(:func:`sciencecity.rules.checked.load_package`) and returning its values by glue key, in the
order the chapter glues them (:func:`sciencecity.presentation.glue.glue_all`): the claims counted
by status and kind, the chart of statuses, the ledger, and the two claims told in full. The
counting is :mod:`sciencecity.analysis.claims_ledger`'s, the status rules
:mod:`sciencecity.rules.claims`'s.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from IPython.display import Markdown

from sciencecity.analysis import claims_ledger
from sciencecity.presentation import charts, style, words
from sciencecity.rules import claims

Values = dict[str, Any]

#: The kinds of claim whose totals and verified counts the chapter cites, by the word of their keys.
KIND_KEYS = {"figure": "figures", "date of an event": "dates"}
#: The institution (institutions.csv) of the first claim told in full: the Peking University
#: Chongqing Big Data Research Institute.
PKU = "pku_big_data"
#: Rows of later.csv on that institute, by glue key: (row, column).
PKU_LATER = {
    "claims_pku_groundbreaking": ("pku_big_data_groundbreaking_2021_05", "quote"),
    "claims_pku_groundbreaking_date": ("pku_big_data_groundbreaking_2021_05", "period"),
    "claims_pku_founded": ("pku_big_data_founded_2021_03", "period"),
    "claims_pku_founded_quote": ("pku_big_data_founded_2021_03", "quote"),
    "claims_pku_offices": ("pku_big_data_interim_offices_2022_03", "quote"),
}
#: The second claim told in full: the article's figure (figures.csv), then the later.csv rows
#: quoted beside it, by glue key.
FIRST_FACILITY = "first_big_science_facility"
FIRST_LATER = {"claims_first_cqdaily": "facility_first_2021_05", "claims_first_cqu": "facility_not_in_use_2025_03"}


def counts(package: dict[str, pd.DataFrame]) -> Values:
    """The number of claims, per status, with a status a rule computes and agreeing with it, per
    kind (figures and dates with how many are verified, statements), and the table by kind."""
    table, ctx = package["claims"], claims.Context(package)
    values: Values = {"claims_n": len(table)}
    values |= {f"claims_n_{status}": n for status, n in claims_ledger.counts(table).items()}
    values["claims_n_computed"], values["claims_n_agree"] = claims_ledger.agreement(table, ctx)
    by_kind = claims_ledger.counts_by_kind(table, ctx)
    for kind, key in KIND_KEYS.items():
        values[f"claims_n_{key}"] = int(by_kind.loc[kind, "total"])
        values[f"claims_n_{key}_verified"] = int(by_kind.loc[kind, "verified"])
    values["claims_n_statements"] = int(by_kind.loc["statement", "total"])
    kind_table = by_kind.rename(columns=words.STATUS_EN).rename_axis("What the claim asserts").reset_index()
    values["claims_tbl_kind"] = style.table(kind_table, "Claims by what they assert and by status")
    return values


def status_chart(package: dict[str, pd.DataFrame]) -> Values:
    """The chart of the claims by status, and the link to its data file."""
    found = claims_ledger.counts(package["claims"])
    frame = pd.DataFrame({"status": list(found), "claims": list(found.values())})
    return {
        "claims_fig_status": style.chart(charts.claims_status, "fig-claims-status", frame, words.STATUS_EN),
        "claims_fig_status_data": Markdown(words.chart_data(frame, "fig-claims-status")),
    }


def ledger(package: dict[str, pd.DataFrame]) -> Values:
    """The ledger: every claim with its status, the article's words and the evidence (Markdown)."""
    return {"claims_ledger": Markdown(words.ledger_markdown(package["claims"], claims.Context(package)))}


def told_in_full(package: dict[str, pd.DataFrame]) -> Values:
    """The words and dates of the two claims the chapter tells in full: the Peking University
    institute, and the first big-science facility."""
    later = package["later"].set_index("id")
    figures = package["figures"].set_index("id")
    values: Values = {"claims_pku_quote": package["institutions"].set_index("institution_id").loc[PKU, "quote"]}
    values |= {key: later.loc[ident, column] for key, (ident, column) in PKU_LATER.items()}
    values["claims_first_quote"] = figures.loc[FIRST_FACILITY, "quote"]
    return values | {key: later.loc[ident, "quote"] for key, ident in FIRST_LATER.items()}
