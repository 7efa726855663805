"""Shared code of the report "Western (Chongqing) Science City, one year on".

Notebooks and tests import from here; nothing in ``book/`` types a path or repeats set-up. Each
module is named by what it does, and its docstring says what belongs in it:

- :mod:`sciencecity.paths` finds the project's folders from wherever code is started.
- :mod:`sciencecity.seed` loads the source article, verifies its checksum and splits it into
  forum boilerplate and article paragraphs with their character offsets.
- :mod:`sciencecity.scanner` finds every quantity in Chinese text, lost digits included.
- :mod:`sciencecity.data` reads, checks and loads the tables of ``data/`` (``DataError``).
- :mod:`sciencecity.intrinsic` is the rules that need nothing beside the repository (plausible
  values, units, calendar, addresses, quotes that state their values, identities across rows).
- :mod:`sciencecity.validate` holds every rule ``data/`` must obey (``python -m sciencecity validate``).
- :mod:`sciencecity.style` is the house chart style (one CJK font, one palette, one size) and
  :func:`~sciencecity.style.chart`, which draws a chart in its desktop and phone layouts.
- :mod:`sciencecity.charts` draws the chapters' charts, one function each, in both layouts.
- :mod:`sciencecity.report` turns results into what a reader sees: chart data, numbers with
  their units, quotes, source lines, display tables, the data dictionary.
- :mod:`sciencecity.translations` loads, checks and renders the article's English translation.
- :mod:`sciencecity.terminology` keeps one English term per Chinese term.
- :mod:`sciencecity.lostdigits` is the repost's lost digits: the damage rule, the gaps, the
  verdicts on what other sources say of them.
- :mod:`sciencecity.timeline` dates the article's events, flagging dates from other sources.
- :mod:`sciencecity.geo` is boundaries and areas (equal-area sizes, shares of the city).
- :mod:`sciencecity.scale` is how big the core and the science city are within Chongqing.
- :mod:`sciencecity.growth` is growth-rate arithmetic (gaps, weighted sums, rounding).
- :mod:`sciencecity.industries` is industries across the zones: overlap, null model, the launch.
- :mod:`sciencecity.pipeline` is arithmetic checks on the project pipeline (parts and totals, ratios).
- :mod:`sciencecity.claims` is the claims ledger: statuses computed from the data.
- :mod:`sciencecity.after` is what came after the article (2021 to 2025): growth by period, leads.
- :mod:`sciencecity.economy` is the economy behind the figures: value added against output, GDP
  levels, like-for-like comparisons with peers (``data/economy.csv``).
- ``python -m sciencecity`` (:mod:`sciencecity.__main__`) runs ``validate`` and ``scan``.
"""

__all__ = [
    "after",
    "charts",
    "claims",
    "data",
    "economy",
    "geo",
    "growth",
    "industries",
    "intrinsic",
    "lostdigits",
    "paths",
    "pipeline",
    "report",
    "scale",
    "scanner",
    "seed",
    "style",
    "terminology",
    "timeline",
    "translations",
    "validate",
]
