"""The digits the repost lost: the damage rule, the gaps it left, and what other sources say of them.

The forum repost dropped every run of :data:`LOST_RUN` or more digits (总投资达.6亿元). Belongs here:

- the damage rule itself: :func:`lose_digits` replays it, :func:`fits_lost_digits` tests whether a
  number from another source could be the one the article printed;
- the accounting of the gaps: :func:`lost_gaps` lists every place in the article where digits were
  lost (as :func:`sciencecity.scanner.scan` finds them), each shown in context by
  :func:`gap_context` and tied to the row of ``data/`` that accounts for it (a figure, an event's
  date, or a non-figure such as a name);
- what the reader is shown of them: :func:`gap_table` (what was lost and what the article still
  allows) and :func:`restoration_table` (each other source set beside a gap, with its verdict,
  from ``restorations.csv``).

A lost number is never guessed: a value from another source is shown with its source and date,
and only the verdict "restores" says it fills the gap.
"""

from __future__ import annotations

import pandas as pd

from sciencecity.reading import scanner, seed

# -- The gaps --------------------------------------------------------------------------------

GAP_MARK = "[lost]"


def gap_context(text: str, q: scanner.Quantity, before: int = 8, after: int = 6) -> str:
    """The few characters around a lost run, the gap marked: ``…规上工业总产值实现[lost].9亿元、占全…``.

    The gap stands where the digits were: before what survives of the number (``.9``), after a
    qualifier (``近[lost]亿元``). The context never runs past the gap's own line.
    """
    line = next(s for s in seed.segments(text) if s.start <= q.start and q.end <= s.end)
    gap = q.start + len(q.qualifier)
    a, b = max(line.start, gap - before), min(line.end, q.end + after)
    head = "…" if a > line.start else ""
    tail = "…" if b < line.end else ""
    return f"{head}{text[a:gap]}{GAP_MARK}{text[gap:b]}{tail}"


def lost_gaps(text: str, figures: pd.DataFrame, events: pd.DataFrame, non_figures: pd.DataFrame) -> pd.DataFrame:
    """Every lost run in the article, in text order, with the row of ``data/`` that accounts for it.

    ``figures`` is :func:`sciencecity.data.load_figures` (indexed by id); ``events`` and
    ``non_figures`` are the tables as loaded. A gap belongs to a figure when it is the last
    quantity of the figure's quote (:func:`sciencecity.scanner.stated_by`), to an event when it lies in
    the event's quote, else to a non-figure at its offset; ``owner`` is then ``figure``, ``event``
    or ``non_figure`` and ``owner_id`` the row's id (``start`` for a non-figure). A gap nothing
    accounts for raises :class:`ValueError`: the coverage test forbids it.
    """
    quantities = sorted(scanner.scan(text, repost=True), key=lambda q: q.start)
    stated = {fid: scanner.stated_by(quantities, int(f.start), f.quote) for fid, f in figures.iterrows()}
    by_figure = {q.start: fid for fid, q in stated.items() if q is not None}
    rows = []
    for q in quantities:
        if not q.lost or not seed.in_article(text, q.start, q.end):
            continue
        ev = events[(events["start"] <= q.start) & (q.end <= events["start"] + events["quote"].str.len())]
        nf = non_figures[non_figures["start"] == q.start]
        if q.start in by_figure:
            owner, owner_id = "figure", by_figure[q.start]
        elif len(ev):
            owner, owner_id = "event", ev["event_id"].iloc[0]
        elif len(nf):
            owner, owner_id = "non_figure", str(q.start)
        else:
            raise ValueError(f"the gap {q.text!r} at {q.start} is in no figure, event or non-figure of data/")
        rows.append(
            {
                "start": q.start,
                "text": q.text,
                "context": gap_context(text, q),
                "unit": q.unit,
                "survives": q.survives,
                "owner": owner,
                "owner_id": owner_id,
            }
        )
    return pd.DataFrame(rows, columns=["start", "text", "context", "unit", "survives", "owner", "owner_id"])


# -- What the reader is shown ----------------------------------------------------------------


#: The verdicts of :func:`restoration_table`; only those starting "restores" fill a gap.
RESTORES = "restores the gap"
RESTORES_YEAR = "restores the year"
NOT_THE_SUBJECT = "fits the digits, not the subject: not restored"
CANNOT_BE = "cannot be the article's number: not restored"
CONTEXT = "not restored"
CANDIDATE = "candidate from a later source: fits the digits, not restored"


def gap_names(gaps: pd.DataFrame) -> list[str]:
    """Short names for the gaps of :func:`lost_gaps`, in text order: ``G1``, ``G2`` …"""
    return [f"G{i}" for i in range(1, len(gaps) + 1)]


def _by_id(frame: pd.DataFrame, column: str) -> pd.DataFrame:
    """``frame`` indexed by ``column`` (as loaded) or already indexed by it."""
    return frame.set_index(column) if column in frame.columns else frame


def restored_gaps(table: pd.DataFrame) -> set[str]:
    """The gaps a :func:`restoration_table` restores (a verdict starting "restores")."""
    return set(table.loc[table["verdict"].str.startswith("restores"), "gap"])
