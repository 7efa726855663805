"""The digits the repost lost: the damage rule, the gaps it left, and what other sources say of them.

The forum repost dropped every run of :data:`LOST_RUN` or more digits (总投资达.6亿元). Belongs here:

- the damage rule itself: :func:`lose_digits` replays it, :func:`fits_lost_digits` tests whether a
  number from another source could be the one the article printed;
- the accounting of the gaps: :func:`lost_gaps` lists every place in the article where digits were
  lost (as :func:`sciencecity.reading.scanner.scan` finds them), each shown in context by
  :func:`gap_context` and tied to the row of ``data/`` that accounts for it (a figure, an event's
  date, or a non-figure such as a name);
- what the reader is shown of them: :func:`gap_table` (what was lost and what the article still
  allows) and :func:`restoration_table` (each other source set beside a gap, with its verdict,
  from ``restorations.csv``).
- where the gaps are in the seed: :func:`seed_lines` (every line, forum or article) and
  :func:`gaps_by_line` (each gap's line and its place in it);
- when the article appeared, since the repost lost every year it wrote: :func:`article_date`
  (the window that dated facts of other sources imply).

A lost number is never guessed: a value from another source is shown with its source and date,
and only the verdict "restores" says it fills the gap.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sciencecity.reading import scanner, seed
from sciencecity.rules.lostdigits import LOST_RUN

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

    ``figures`` is :func:`sciencecity.rules.checked.load_figures` (indexed by id); ``events`` and
    ``non_figures`` are the tables as loaded. A gap belongs to a figure when it is the last
    quantity of the figure's quote (:func:`sciencecity.reading.scanner.stated_by`), to an event when it lies in
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


def lost_floor() -> int:
    """The least a lost run of digits can have been: ``LOST_RUN`` digits, so 100 for three."""
    return 10 ** (LOST_RUN - 1)


# -- Where the gaps are in the seed ------------------------------------------------------------


def seed_lines(text: str) -> pd.DataFrame:
    """Every non-empty line of the seed (:func:`sciencecity.reading.seed.segments`), indexed by
    ``index``, with ``kind``, ``start``, ``end``, ``text`` and ``boilerplate`` (a forum line)."""
    lines = pd.DataFrame([s.__dict__ for s in seed.segments(text)]).set_index("index")
    lines["boilerplate"] = lines["kind"].isin(seed.BOILERPLATE_KINDS)
    return lines


def gaps_by_line(lines: pd.DataFrame, gap_starts: Sequence[int]) -> tuple[pd.DataFrame, np.ndarray, list[int]]:
    """The seed's lines (:func:`seed_lines`) numbered from 1 (``line``) with their length in
    characters (``chars``) and number of gaps (``gaps``); for each gap, its position in its line
    (characters from the line's start) and the number of that line."""
    per_line = lines.assign(chars=lines["end"] - lines["start"], line=range(1, len(lines) + 1))
    gap_line = [int(per_line.loc[(per_line["start"] <= s) & (s < per_line["end"]), "line"].iloc[0]) for s in gap_starts]
    gap_at = np.asarray(gap_starts) - per_line.set_index("line").loc[gap_line, "start"].to_numpy()
    per_line["gaps"] = pd.Series(gap_line).value_counts().reindex(per_line["line"], fill_value=0).to_numpy()
    return per_line, gap_at, gap_line


# -- When the article appeared -----------------------------------------------------------------


@dataclass(frozen=True)
class ArticleDate:
    """The dated facts that place the undated article, and the window they imply."""

    h1_release: pd.Timestamp  # the city's first-half figures, which the article compares with
    expo_start: pd.Timestamp  # the Smart China Expo, held "last month" (上个月) for the article
    expo_end: pd.Timestamp
    scenario_day: pd.Timestamp  # the scenario conference, held at the Expo
    mobilisation: pd.Timestamp  # the mobilisation conference, whose first anniversary (一周年) it marks
    month: pd.Period  # the month after the Expo's: the article's

    @property
    def anniversary(self) -> pd.Timestamp:
        return self.mobilisation + pd.DateOffset(years=1)

    @property
    def window_start(self) -> pd.Timestamp:
        return self.month.start_time

    @property
    def window_end(self) -> pd.Timestamp:
        return self.month.end_time.normalize()


def article_date(h1_release, expo_period: str, scenario_day, mobilisation) -> ArticleDate:
    """Date the article: in the month after the Expo (``expo_period`` is ``first/last`` day), after
    the first-half release, most likely on the anniversary. ``ValueError`` if the dates disagree."""
    expo_start, expo_end = (pd.Timestamp(d) for d in expo_period.split("/"))
    month = pd.Period(expo_end, "M") + 1
    d = ArticleDate(
        pd.Timestamp(h1_release), expo_start, expo_end, pd.Timestamp(scenario_day), pd.Timestamp(mobilisation), month
    )
    if not (
        d.h1_release < d.expo_start <= d.scenario_day <= d.expo_end < d.window_start <= d.anniversary <= d.window_end
    ):
        raise ValueError(f"the dates do not place the article in {month}: {d}")
    return d
