"""What ``validate`` accepts, the book can use: a property-based test over mutated real tables.

Hypothesis draws a mutation of the landed ``data/`` (drop, duplicate or swap rows; scale, negate
or shift a number; move a date; blank or swap cells; edit the descriptor: a field's type, a
constraint dropped or added) and applies it to a copy, with nothing beside the repository.
For every mutation, either

- ``validate`` rejects the copy and every message names its file (``file.csv:line: column …``
  for a cell), none is an internal error or a rule that could not run; or
- the package functions the chapters call run on the mutated data without an exception
  (:func:`chapters`: the loaders, then the calls of chapters 03–07 in the order they make them).

Profiles (``tests/conftest.py``): ``ci``, the default, draws a fixed, derandomised set of
``CI_EXAMPLES`` examples (seconds, for ``make test``); ``HYPOTHESIS_PROFILE=long`` draws 1,000
random ones for a local run.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciencecity.analysis import after, claims_ledger, industries, repost_gaps, timeline
from sciencecity.presentation import tables, words
from sciencecity.reading import paths
from sciencecity.reading.seed import load_seed
from sciencecity.rules import checked, claims, copies, validate

#: The tables mutated (every table that the chapters read numbers, dates or keys from).
TABLES = (
    "figures",
    "external",
    "later",
    "events",
    "restorations",
    "claims",
    "zones",
    "zone_industries",
    "zone_carriers",
    "categories",
    "institutions",
    "non_figures",
)
_WHERE = re.compile(r"^[^:\s]+\.(csv|json|geojson)(:\d+)?: ")


def _read(name: str) -> list[list[str]]:
    with open(paths.DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh))


ORIGINAL = {name: _read(name) for name in TABLES}
DESCRIPTOR = json.loads((paths.DATA_DIR / "datapackage.json").read_text(encoding="utf-8"))


def _is_number(text: str) -> bool:
    return re.fullmatch(r"-?[0-9]+(\.[0-9]+)?", text) is not None


def _move_date(text: str, days: int) -> str:
    """A date or period moved by ``days`` (a year-only period by ``days // 365`` years), in its own form."""
    m = re.fullmatch(r"([0-9]{4})(-([0-9]{2})(-([0-9]{2}))?)?(H[12])?", text)
    if not m:
        return text
    year = int(m[1])
    if m[5]:
        moved = dt.date(year, int(m[3]), int(m[5])) + dt.timedelta(days=days)
        return moved.isoformat()
    if m[3]:
        months = year * 12 + int(m[3]) - 1 + days // 30
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    return f"{year + days // 365:04d}{m[6] or ''}"


@st.composite
def mutations(draw) -> tuple[str, str, object]:
    """``(kind, table, details)``: one edit of one table or of the descriptor."""
    name = draw(st.sampled_from(TABLES))
    table = ORIGINAL[name]
    n = len(table) - 1
    kind = draw(
        st.sampled_from(
            ["drop_row", "duplicate_row", "swap_rows", "scale", "negate", "shift", "move_date", "blank", "swap_cells"]
            + ["descriptor_type", "descriptor_drop_constraint", "descriptor_maximum"]
        )
    )
    row = draw(st.integers(1, n))
    col = draw(st.integers(0, len(table[0]) - 1))
    if kind in ("drop_row", "duplicate_row"):
        return kind, name, row
    if kind == "swap_rows":
        return kind, name, (row, draw(st.integers(1, n)))
    if kind == "scale":
        return kind, name, (row, col, draw(st.sampled_from([10, 0.1, 100, 0.01, 1000, 2, 0.5])))
    if kind == "negate":
        return kind, name, (row, col)
    if kind == "shift":
        return kind, name, (row, col, draw(st.sampled_from([-100, -10, -1, -0.1, 0.1, 1, 10, 100])))
    if kind == "move_date":
        return kind, name, (row, col, draw(st.sampled_from([-3650, -400, -31, -1, 1, 31, 400, 3650])))
    if kind == "blank":
        return kind, name, (row, col)
    if kind == "swap_cells":
        return kind, name, (row, col, draw(st.integers(0, len(table[0]) - 1)))
    if kind == "descriptor_type":
        return kind, name, (col, draw(st.sampled_from(["string", "number", "integer", "boolean", "date"])))
    if kind == "descriptor_drop_constraint":
        return kind, name, col
    return kind, name, (col, draw(st.sampled_from([0, 1, 10, 100, 1000])))


def apply(mutation: tuple[str, str, object], copy: Path) -> None:
    kind, name, details = mutation
    if kind.startswith("descriptor"):
        desc = json.loads(json.dumps(DESCRIPTOR))
        res = next(r for r in desc["resources"] if r["name"] == name)
        fields = res["schema"]["fields"]
        col = details[0] if isinstance(details, tuple) else details
        f = fields[col % len(fields)]
        if kind == "descriptor_type":
            f["type"] = details[1]
        elif kind == "descriptor_drop_constraint":
            f.pop("constraints", None)
        else:
            f.setdefault("constraints", {})["maximum"] = details[1]
        (copy / "datapackage.json").write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        return
    table = [list(r) for r in ORIGINAL[name]]
    if kind == "drop_row":
        del table[details]
    elif kind == "duplicate_row":
        table.insert(details + 1, list(table[details]))
    elif kind == "swap_rows":
        a, b = details
        table[a], table[b] = table[b], table[a]
    elif kind == "swap_cells":
        r, a, b = details
        table[r][a], table[r][b] = table[r][b], table[r][a]
    else:
        r, c = details[0], details[1]
        cell = table[r][c]
        if kind == "blank":
            table[r][c] = ""
        elif kind == "move_date":
            table[r][c] = _move_date(cell, details[2])
        elif _is_number(cell):
            value = float(cell)
            new = {"scale": value * details[2] if kind == "scale" else 0, "negate": -value}.get(kind, value)
            if kind == "shift":
                new = value + details[2]
            table[r][c] = f"{new:.10g}" if "." in cell or kind != "negate" else str(int(-value))
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(table)
    (copy / f"{name}.csv").write_text(out.getvalue(), encoding="utf-8")


def chapters(copy: Path) -> None:
    """The package functions the chapters call, on the tables of ``copy``, as the chapters call them."""
    package = checked.load_package(copy)
    figures = package["figures"].set_index("id")
    external = package["external"]
    later, events, restorations = package["later"], package["events"], package["restorations"]
    # 05 what came after
    series = after.growth_series(figures, external.set_index("id"), later)
    lead_table = after.leads(series)
    words.lasted_sentence(after.lead_summary(lead_table))
    after.facility_timeline(events, external, later)
    # 03 industries
    items = industries.add_themes(package["zone_industries"])
    zone_ids = list(package["zones"]["zone_id"])
    matrix = industries.zone_category_matrix(items, zones=zone_ids, labels=list(package["categories"]["category"]))
    industries.mean_offdiagonal(industries.pairwise_similarity(matrix, "jaccard"))
    industries.shared_categories(matrix)
    industries.duplicate_items(items)
    industries.launch_by_zone(external, zone_ids)
    industries.launch_by_type(external)
    industries.launch_totals(external)
    # 06 claims
    claims_table = package["claims"]
    ctx = claims.Context(package)
    claims_ledger.counts(claims_table)
    [claims.computed_status(r, ctx) for r in claims_table.to_dict("records")]
    words.ledger_markdown(claims_table, ctx)
    # 07 source and 04 platforms
    nonfig = package["non_figures"]
    lost = repost_gaps.lost_gaps(load_seed(), figures, events, nonfig)
    lost.insert(0, "gap", repost_gaps.gap_names(lost))
    tables.gap_table(lost, figures, events.set_index("event_id"), nonfig)
    context = tables.restoration_table(
        lost, figures, events.set_index("event_id"), external.set_index("id"), restorations, later
    )
    repost_gaps.restored_gaps(context)
    timeline.timeline(events, external, refine_days=True)


def check(mutation) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(shutil.copytree(paths.DATA_DIR, Path(tmp) / "data"))
        apply(mutation, copy)
        problems, _ = validate.validate(copy)
        if problems:
            report = "\n".join(problems)
            assert "internal error" not in report and "cannot run" not in report, report
            assert all(_WHERE.match(p) for p in problems), report
            return
        chapters(copy)


@pytest.fixture
def no_shared(monkeypatch):
    """As on a user's clone: nothing beside the repository (the same for every example)."""
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setattr(copies, "shared_external_path", lambda root=None: Path("/nonexistent/x.csv"))


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(mutations())
def test_validate_rejects_or_the_chapters_run(no_shared, mutation):
    check(mutation)
