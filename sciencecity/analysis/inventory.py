"""What the data package holds, counted: the figures by kind of period, the scanner's quantities.

Belongs here: counts over the tables and the seed that describe the data rather than the science
city (the chapter "Data and methods"): which kind of period each figure has, how many quantities
the scanner reads in the article and in the forum's lines. Pure functions; the wording is the
chapter's (:mod:`sciencecity.presentation.methods_results`).
"""

from __future__ import annotations

import pandas as pd

from sciencecity.reading import scanner, seed

#: The kinds of period a figure of ``figures.csv`` has, each by the pattern of its ``period``:
#: a half-year (``2021H1``), a year, the science city's first year (a ``from/to`` pair of months),
#: cumulative to a month, or none stated (empty).
PERIOD_KINDS = {
    "h1": r"\d{4}H[12]",
    "year": r"\d{4}",
    "first_year": r"\d{4}-\d{2}/\d{4}-\d{2}",
    "cumulative": r"\d{4}-\d{2}",
    "none": r"",
}


def period_kinds(periods: pd.Series) -> pd.Series:
    """The kind of each period (a key of :data:`PERIOD_KINDS`); ``ValueError`` if one fits none."""
    kinds = pd.Series(pd.NA, index=periods.index, dtype="object")
    for kind, pattern in PERIOD_KINDS.items():
        kinds[periods.str.fullmatch(pattern)] = kind
    if kinds.isna().any():
        raise ValueError(f"periods of no known kind: {sorted(periods[kinds.isna()].unique())}")
    return kinds


def scanned(text: str) -> tuple[list[scanner.Quantity], int]:
    """The quantities the scanner reads in the article's lines, and how many it reads in the forum's."""
    found = scanner.scan(text)
    in_article = [q for q in found if seed.in_article(text, q.start, q.end)]
    return in_article, len(found) - len(in_article)
