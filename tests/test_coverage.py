"""Coverage: every quantity the scanner finds in the article is accounted for in data/.

The rule itself is :func:`sciencecity.rules.validate.coverage` (the corruption matrix breaks it); the
seed is scanned as a repost (``repost=True``), so its lost digits are gaps to account for.

A quantity in the article body is either
- a figure: the last quantity of a figure's quote (the convention validate.py enforces), or
  found at one of the figure's ``also_at`` offsets;
- an event's date: a date, year or lost run inside the quote of a row of events.csv; or
- listed in non_figures.csv, at the same offset with the same text, with a reason.
Every quantity outside the article lies in the forum's boilerplate, and nothing in data/ points
there. Every figure's quote states at least one quantity.
"""

from __future__ import annotations

from sciencecity.reading.scanner import scan
from sciencecity.reading.seed import article_segments, boilerplate_segments, load_seed
from sciencecity.rules import package, validate

SEED = load_seed()
QUANTITIES = sorted(scan(SEED, repost=True), key=lambda q: q.start)
ARTICLE = article_segments(SEED)
BOILERPLATE = boilerplate_segments(SEED)


def inside(q, start: int, end: int) -> bool:
    return start <= q.start and q.end <= end


def in_segments(q, segments) -> bool:
    return any(inside(q, s.start, s.end) for s in segments)


def test_the_scanner_finds_quantities_in_the_article_and_the_boilerplate():
    assert any(in_segments(q, ARTICLE) for q in QUANTITIES)
    assert any(in_segments(q, BOILERPLATE) for q in QUANTITIES)


def test_every_quantity_is_in_the_article_or_in_the_boilerplate():
    assert all(in_segments(q, ARTICLE) or in_segments(q, BOILERPLATE) for q in QUANTITIES)


def test_the_coverage_rule_accounts_for_every_article_quantity():
    """validate.coverage: each article quantity is a figure, an event's date or a listed non-figure."""
    tables, problems = package.check_package()
    assert problems == []
    ctx = validate.Context(tables, SEED, QUANTITIES)
    assert validate.coverage(ctx) == []
    assert validate.quotes_in_article(ctx) == []


def test_the_coverage_rule_needs_the_lost_digit_rules():
    """Read as ordinary text, the seed has no gaps: the gaps data/ accounts for are then stale rows."""
    tables, _ = package.check_package()
    plain = sorted(scan(SEED, repost=False), key=lambda q: q.start)
    problems = validate.coverage(validate.Context(tables, SEED, plain))
    assert any("non_figures.csv" in p and "stale row" in p for p in problems)
