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

import re

import pandas as pd

from . import report, scanner, seed

#: The repost lost every run of this many digits or more.
LOST_RUN = 3

_LOST = re.compile(rf"\d{{{LOST_RUN},}}")


def lose_digits(text: str) -> str:
    """``text`` as the repost printed it: every run of three or more digits removed."""
    return _LOST.sub("", text)


def fits_lost_digits(candidate: float | int | str, survives: str) -> bool:
    """Whether ``candidate``, written out, would read ``survives`` after the repost's damage.

    ``survives`` is what is left in the article (``".6"`` for 总投资达.6亿元, ``""`` when the
    whole number went). The candidate must have lost something: a number the repost would have
    printed intact (30) cannot be one the article shows as lost.
    """
    written = candidate if isinstance(candidate, str) else report.number_text(candidate)
    damaged = lose_digits(written)
    return damaged == survives and damaged != written


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

GAP_TABLE_COLUMNS = ["gap", "原文 in context", "what was lost", "what the article allows"]
RESTORATION_COLUMNS = ["gap", "the other source says", "source, date", "verdict"]

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


def gap_table(
    gaps: pd.DataFrame, figures: pd.DataFrame, events: pd.DataFrame, non_figures: pd.DataFrame
) -> pd.DataFrame:
    """The gaps of :func:`lost_gaps` for the reader: what was lost at each and what the article still allows.

    ``figures`` is :func:`sciencecity.data.load_figures`; ``events`` and ``non_figures`` as loaded
    (``events`` may be indexed by ``event_id``). A figure's gap allows its floor
    (:func:`sciencecity.report.value_text`, in billions of yuan too for 亿元); an event's gap is a
    year of four digits; a non-figure's is the number of a name.
    """
    events = _by_id(events, "event_id")
    reasons = dict(zip(non_figures["start"].astype(int), non_figures["reason"], strict=True))
    kinds = dict(zip(non_figures["start"].astype(int), non_figures["kind"], strict=True))
    lost, allows = [], []
    for g in gaps.itertuples(index=False):
        if g.owner == "figure":
            f = figures.loc[g.owner_id]
            lost.append(f"{f['label_en']} ({f['scope']})")
            text = report.value_text(
                f["value"], f["unit"], f["status"], f["implied_min"], f["survives"], f["bound"], f["qualifier"]
            )
            if f["unit"] == "亿元":
                text += f"; at least {report.billion_yuan(f['implied_min']):g} billion yuan"
            allows.append(text)
        elif g.owner == "event":
            label = events.loc[g.owner_id, "label_en"]
            lost.append(label if label.startswith("Year of") else f"Year of the {label[0].lower()}{label[1:]}")
            allows.append("a year: four digits" + (f"; “{g.survives}” survives" if g.survives else ""))
        else:
            start = int(g.owner_id)
            what = reasons[start].split(":")[0]
            lost.append(f"Part of a name: {what}" if kinds[start] == "name" else what)
            allows.append("the name's number" if kinds[start] == "name" else "no number")
    names = gaps["gap"] if "gap" in gaps.columns else gap_names(gaps)
    return pd.DataFrame(
        {
            "gap": list(names),
            "原文 in context": gaps["context"].tolist(),
            "what was lost": lost,
            "what the article allows": allows,
        },
        columns=GAP_TABLE_COLUMNS,
    )


def _verdict(relation: str, fits: bool, where: str) -> str:
    """The verdict on one row of ``restorations.csv`` for a figure whose digits were lost."""
    if relation == "restores" and fits:
        return RESTORES
    if relation == "disagrees":
        return NOT_THE_SUBJECT if fits else CANNOT_BE
    if relation == "candidate" and fits:
        return CANDIDATE
    if relation in ("restores", "candidate"):
        raise ValueError(f"{where}: relation {relation!r} but the value does not fit the lost digits")
    raise ValueError(f"{where}: relation {relation!r} makes no sense for a figure whose digits were lost")


def restoration_table(
    gaps: pd.DataFrame,
    figures: pd.DataFrame,
    events: pd.DataFrame,
    external: pd.DataFrame,
    restorations: pd.DataFrame,
    later: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """What other sources say about each gap, with a verdict: restored, not restored, or a candidate.

    One row per ``restorations.csv`` row of a figure whose gap is in ``gaps`` (named as in its
    ``gap`` column, else by :func:`gap_names`), and one per event gap whose year another source
    restores (``restored_from``). The other source is ``external.csv`` (``external_id``) or
    ``later.csv`` (``later_id``, needs ``later``). Verdicts: :data:`RESTORES` (relation
    ``restores`` and the value fits the lost digits), :data:`NOT_THE_SUBJECT` and
    :data:`CANNOT_BE` (``disagrees``), :data:`CONTEXT` (``context``: the note is shown, not a
    value), :data:`CANDIDATE` (``candidate``: a later figure that fits the digits but is not the
    article's number), :data:`RESTORES_YEAR` for an event. A ``restores`` or ``candidate`` whose
    value does not fit, or a ``matches`` for a lost figure, raises :class:`ValueError`.
    """
    events = _by_id(events, "event_id")
    external = _by_id(external, "id")
    sources = {"external_id": external}
    if later is not None:
        sources["later_id"] = _by_id(later, "id")
    names = gaps["gap"] if "gap" in gaps.columns else gap_names(gaps)
    rows = []
    for name, g in zip(names, gaps.itertuples(index=False), strict=True):
        if g.owner == "figure":
            f = figures.loc[g.owner_id]
            mine = restorations[restorations["figure_id"] == g.owner_id]
            for r in mine.itertuples(index=False):
                column = "later_id" if getattr(r, "later_id", "") else "external_id"
                if column not in sources:
                    raise ValueError(f"restorations.csv: {g.owner_id} cites later.csv ({r.later_id}): pass later")
                e = sources[column].loc[getattr(r, column)]
                fits = pd.notna(e["value"]) and fits_lost_digits(e["value"], f["survives"])
                if r.relation == "context":
                    says, verdict = r.note, CONTEXT
                else:
                    # later.csv names its metrics by code and describes them in label_en
                    what = e["label_en"] if column == "later_id" else report.house_label(e["metric"])
                    unit = "" if e["unit"] == "count" else f" {e['unit']}"
                    says = f"{what}: {report.number_text(e['value'])}{unit}"
                    verdict = _verdict(r.relation, bool(fits), f"restorations.csv: {g.owner_id}")
                rows.append((name, says, report.source_text(e["source"], e["source_date"]), verdict))
        elif g.owner == "event" and events.loc[g.owner_id, "restored_from"]:
            ev = events.loc[g.owner_id]
            e = external.loc[ev["restored_from"]]
            rows.append(
                (
                    name,
                    f"year {ev['year_restored']}: {report.house_label(e['metric'])}",
                    report.source_text(e["source"], e["source_date"]),
                    RESTORES_YEAR,
                )
            )
    return pd.DataFrame(rows, columns=RESTORATION_COLUMNS)


def restored_gaps(table: pd.DataFrame) -> set[str]:
    """The gaps a :func:`restoration_table` restores (a verdict starting "restores")."""
    return set(table.loc[table["verdict"].str.startswith("restores"), "gap"])
