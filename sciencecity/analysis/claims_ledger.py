"""The claims ledger counted: claims per status and per kind, the rules' agreement, the words.

Belongs here: pure functions over ``data/claims.csv`` and the rows its ids name (a
:class:`sciencecity.rules.claims.Context`): how many claims have each status, what each claim
asserts (a figure, the date of an event, a statement), how many statuses a rule computes and how
many of those the ledger declares alike, the article's words and the evidence's sources of a
claim. The status rules themselves are :mod:`sciencecity.rules.claims`'s; the wording is the
presentation layer's.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sciencecity.rules.claims import ARTICLE_TABLES, EVIDENCE_TABLES, STATUSES, Context, computed_status, ids


def counts(claims: pd.DataFrame) -> dict[str, int]:
    """Number of claims per status, every status present (zero when none)."""
    found = claims["status"].value_counts()
    return {s: int(found.get(s, 0)) for s in STATUSES}


#: What a claim asserts, by the table of its article ids: a figure (``figures.csv``), the date of
#: an event or plan (``events.csv``), or a statement about a named body (``institutions.csv``).
KINDS = {"figure": "figures", "date of an event": "events", "statement": "institutions"}


def kind(claim: Mapping, ctx: Context) -> str:
    """``date of an event`` if any article id is an event, ``figure`` if all are figures,
    ``statement`` otherwise (an institution named by the article)."""
    tables = []
    for i in ids(claim["article_ids"]):
        found = next((name for name in ARTICLE_TABLES if ctx.find(i, (name,)) is not None), None)
        if found is None:
            raise ValueError(f"{i!r} is not an id of {' or '.join(n + '.csv' for n in ARTICLE_TABLES)}")
        tables.append(found)
    if not tables:
        raise ValueError(f"claim {claim.get('claim_id')!r} names no article id")
    if "events" in tables:
        return "date of an event"
    return "figure" if all(t == "figures" for t in tables) else "statement"


def counts_by_kind(claims: pd.DataFrame, ctx: Context) -> pd.DataFrame:
    """Claims per kind (rows, in :data:`KINDS` order) and status (columns, in :data:`STATUSES`
    order), with a ``total`` column; every kind and status present, zero when none."""
    kinds = [kind(r, ctx) for r in claims.to_dict("records")]
    table = pd.crosstab(pd.Series(kinds, name="kind"), pd.Series(list(claims["status"]), name="status"))
    table = table.reindex(index=list(KINDS), columns=list(STATUSES), fill_value=0).astype(int)
    table["total"] = table.sum(axis=1)
    table.columns.name = None
    return table


def original_words(claim: Mapping, ctx: Context) -> str:
    """The article's words for a claim: the quote of each of its article ids, joined by ' … '."""
    quotes = []
    for i in ids(claim["article_ids"]):
        row = ctx.find(i, ARTICLE_TABLES)
        if row is not None and row.get("quote") and row["quote"] not in quotes:
            quotes.append(row["quote"])
    # a quote that another quote of the claim contains adds nothing
    kept = [q for q in quotes if not any(q != other and q in other for other in quotes)]
    return " … ".join(kept)


def evidence_sources(claim: Mapping, ctx: Context) -> str:
    """The distinct sources of a claim's evidence with their dates, ``; ``-joined ('none' if none)."""
    seen = []
    for i in ids(claim["evidence_ids"]):
        row = ctx.find(i, EVIDENCE_TABLES)
        text = f"{row['source']} ({row['source_date'] or 'undated'})"
        if text not in seen:
            seen.append(text)
    return "; ".join(seen) or "none"


def agreement(claims: pd.DataFrame, ctx: Context) -> tuple[int, int]:
    """How many claims have a status a rule computes (every rule but ``none``), and how many of
    those the ledger declares as the rule computes it."""
    ruled = [
        (computed, declared)
        for computed, declared in zip(
            (computed_status(r, ctx) for r in claims.to_dict("records")), claims["status"], strict=True
        )
        if computed is not None
    ]
    return len(ruled), sum(computed == declared for computed, declared in ruled)
