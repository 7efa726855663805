"""Coverage: every quantity the scanner finds in the article is accounted for in data/.

A quantity in the article body is either
- a figure: the last quantity of a figure's quote (the convention validate.py enforces), or
  found at one of the figure's ``also_at`` offsets;
- an event's date: a date, year or lost run inside the quote of a row of events.csv; or
- listed in non_figures.csv, at the same offset with the same text, with a reason.
Every quantity outside the article lies in the forum's boilerplate, and nothing in data/ points
there. Every figure's quote states at least one quantity.
"""

from __future__ import annotations

import pytest

from sciencecity.scanner import scan
from sciencecity.seed import article_segments, boilerplate_segments, load_seed

from .test_data import rows

SEED = load_seed()
QUANTITIES = sorted(scan(SEED), key=lambda q: q.start)
ARTICLE = article_segments(SEED)
BOILERPLATE = boilerplate_segments(SEED)


def inside(q, start: int, end: int) -> bool:
    return start <= q.start and q.end <= end


def in_segments(q, segments) -> bool:
    return any(inside(q, s.start, s.end) for s in segments)


def figure_quantities() -> dict[int, str]:
    """Start offset of each quantity a figure claims -> the figure's id."""
    claimed = {}
    for r in rows("figures"):
        start, end = int(r["start"]), int(r["start"]) + len(r["quote"])
        own = [q for q in QUANTITIES if inside(q, start, end)]
        if own:
            claimed[own[-1].start] = r["id"]
        for pos in filter(None, r["also_at"].split(";")):
            for q in QUANTITIES:
                if q.start <= int(pos) < q.end:
                    claimed[q.start] = r["id"]
    return claimed


def event_quantities() -> dict[int, str]:
    """Start offset of each date-like quantity inside an event's quote -> the event's id."""
    claimed = {}
    for r in rows("events"):
        start, end = int(r["start"]), int(r["start"]) + len(r["quote"])
        for q in QUANTITIES:
            if inside(q, start, end) and (q.kind in ("date", "year") or q.lost):
                claimed[q.start] = r["event_id"]
    return claimed


def test_the_scanner_finds_quantities_in_the_article_and_the_boilerplate():
    assert any(in_segments(q, ARTICLE) for q in QUANTITIES)
    assert any(in_segments(q, BOILERPLATE) for q in QUANTITIES)


def test_every_quantity_is_in_the_article_or_in_the_boilerplate():
    assert all(in_segments(q, ARTICLE) or in_segments(q, BOILERPLATE) for q in QUANTITIES)


def test_every_article_quantity_is_a_figure_an_event_date_or_a_listed_non_figure():
    figures, events = figure_quantities(), event_quantities()
    listed = {(int(r["start"]), r["text"]) for r in rows("non_figures")}
    unaccounted = [
        (q.start, q.text)
        for q in QUANTITIES
        if in_segments(q, ARTICLE)
        and q.start not in figures
        and q.start not in events
        and (q.start, q.text) not in listed
    ]
    assert not unaccounted, "add these to figures.csv, events.csv or non_figures.csv"


def test_no_quantity_is_both_a_figure_and_a_non_figure():
    figures, events = figure_quantities(), event_quantities()
    listed = {int(r["start"]) for r in rows("non_figures")}
    assert not listed & set(figures)
    assert not set(figures) & set(events)


def test_every_non_figure_is_a_quantity_the_scanner_finds_with_a_reason():
    found = {(q.start, q.text) for q in QUANTITIES if in_segments(q, ARTICLE)}
    for r in rows("non_figures"):
        assert (int(r["start"]), r["text"]) in found, f"stale row: {r['text']!r} at {r['start']}"
        assert r["reason"].strip()


def test_boilerplate_quantities_are_excluded():
    """Nothing in data/ quotes the forum chrome (its timestamp, advert address, post count)."""
    starts = [int(r["start"]) for name in ("figures", "events", "non_figures", "institutions") for r in rows(name)]
    starts += [int(p) for r in rows("figures") for p in filter(None, r["also_at"].split(";"))]
    for q in QUANTITIES:
        if in_segments(q, BOILERPLATE):
            assert not any(q.start <= s < q.end for s in starts), q.text


@pytest.mark.parametrize("figure", rows("figures"), ids=lambda r: r["id"])
def test_every_figure_quote_states_a_quantity(figure):
    start, end = int(figure["start"]), int(figure["start"]) + len(figure["quote"])
    assert any(inside(q, start, end) for q in QUANTITIES)
