"""data/: every quote at its offset in the seed, every value as its quote states it, the loader.

The corruptions defined here (``CORRUPTIONS``) are shared with ``test_validate_cli.py`` (the
command line must reject them too) and ``test_datapackage.py`` (frictionless must reject the
schema-level ones).
"""

from __future__ import annotations

import csv
import shutil
import time
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Callable

import pandas as pd
import pytest

from sciencecity import data, paths
from sciencecity.data import VERBATIM_COLUMN, DataError
from sciencecity.scanner import scan
from sciencecity.seed import in_article, load_seed

SEED = load_seed()
# The shared context folder beside the repository (../shared), or beside the folder of
# worktrees that holds it (../../shared), when it is there at all.
SHARED_EXTERNAL = next((p for p in (paths.ROOT.parent / "shared" / "context" / "external_figures.csv",
                                    paths.ROOT.parent.parent / "shared" / "context" / "external_figures.csv")
                        if p.exists()), paths.ROOT.parent / "shared" / "context" / "external_figures.csv")

#: The ids the analysis notebooks rely on.
SUGGESTED_IDS = """
gdp_growth_h1 primary_va_growth_h1 secondary_va_growth_h1 tertiary_va_growth_h1 industrial_va_growth_h1
industrial_va_gap_city_h1 gdp_growth_rank_h1 gdp_two_year_growth_rank_h1 industrial_va_growth_2020
industrial_va_rank_metro_2020 industrial_va_rank_city_2020 industrial_output_2020 industrial_output_share_city_2020
industrial_output_growth_2020 signed_projects_h1 signed_investment_growth_h1 introduced_projects introduced_investment
fortune500_firms industry_chains trade_share_city leading_industries infrastructure_projects leading_industry_projects
investment_opportunity first_big_science_facility facility_investment facility_probes major_facilities
university_projects_signed university_projects_operating university_projects_under_construction
university_projects_advancing rd_institutions scenario_projects scenarios scenario_investment scenario_investment_signal
""".split()


def rows(name: str) -> list[dict[str, str]]:
    """A table's rows as raw strings, read without the loader under test."""
    with open(paths.DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def last_quantity(quote: str, start: int):
    """The last quantity the scanner finds inside a quote of the seed: by convention, its figure."""
    inside = [q for q in scan(SEED) if start <= q.start and q.end <= start + len(quote)]
    return max(inside, key=lambda q: q.start) if inside else None


# --- The tables against the seed ---------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(VERBATIM_COLUMN))
def test_every_quote_is_verbatim_at_its_offset(name):
    column = VERBATIM_COLUMN[name]
    misplaced = [
        (r[column], r["start"]) for r in rows(name) if SEED[int(r["start"]) : int(r["start"]) + len(r[column])] != r[column]
    ]
    assert not misplaced


@pytest.mark.parametrize("name", sorted(VERBATIM_COLUMN))
def test_every_quote_lies_in_the_article_not_the_forum_chrome(name):
    column = VERBATIM_COLUMN[name]
    outside = [r[column] for r in rows(name) if not in_article(SEED, int(r["start"]), int(r["start"]) + len(r[column]))]
    assert not outside


def test_every_reported_value_is_what_its_quote_states():
    wrong = []
    for r in rows("figures"):
        if r["status"] != "reported":
            continue
        q = last_quantity(r["quote"], int(r["start"]))
        if q is None or q.value is None or Decimal(r["value"]) != q.value:
            wrong.append((r["id"], r["value"], q and q.text))
    assert not wrong


def test_every_lost_figure_is_lost_in_its_quote_and_never_guessed():
    for r in rows("figures"):
        if r["status"] != "digits_lost":
            continue
        q = last_quantity(r["quote"], int(r["start"]))
        assert q is not None and q.lost, r["id"]
        assert (q.survives or "") == r["survives"], r["id"]
        assert r["value"] == "", f"{r['id']}: a lost value must stay empty"
        # A lost run had 3+ digits: the integer part was at least 100; a surviving decimal adds to it.
        assert Decimal(r["implied_min"]) == 100 + Decimal(r["survives"] or "0"), r["id"]


def test_also_at_points_at_the_same_number_elsewhere():
    quantities = scan(SEED)
    for r in rows("figures"):
        for pos in filter(None, r["also_at"].split(";")):
            at = [q for q in quantities if q.start <= int(pos) < q.end]
            assert at and at[0].value == Decimal(r["value"]), (r["id"], pos)
            assert int(pos) not in range(int(r["start"]), int(r["start"]) + len(r["quote"])), r["id"]


def test_the_gdp_heading_and_its_paragraph_are_one_figure():
    gdp = [r for r in rows("figures") if r["value"] == "19.8"]
    assert len(gdp) == 1
    heading = SEED.index("直管园上半年GDP增长19.8%")
    assert gdp[0]["also_at"] == str(heading + len("直管园上半年GDP增长"))


def test_scope_is_the_area_the_quote_names():
    """直管园, 直管区 and 科学城 are never blurred: a quote naming one of them has it as scope."""
    for r in rows("figures"):
        named = [area for area in ("直管园", "直管区") if area in r["quote"]]
        if named:
            assert r["scope"] == named[0], r["id"]
    by_id = {r["id"]: r for r in rows("figures")}
    assert by_id["signed_projects_h1"]["scope"] == "直管区"
    assert by_id["gdp_growth_h1"]["scope"] == "直管园"
    assert by_id["rd_institutions"]["scope"] == "直管园"
    assert by_id["introduced_projects"]["scope"] == "科学城"


def test_the_suggested_ids_exist():
    assert set(SUGGESTED_IDS) <= {r["id"] for r in rows("figures")}


def test_university_projects_add_up():
    by_id = {r["id"]: Decimal(r["value"]) for r in rows("figures") if r["value"]}
    parts = ("operating", "under_construction", "advancing")
    assert sum(by_id[f"university_projects_{p}"] for p in parts) == by_id["university_projects_signed"]


def test_zone_industries_are_six_for_the_core_and_three_per_district():
    counts = Counter(r["zone_id"] for r in rows("zone_industries"))
    assert counts == {"core": 6, "shapingba": 3, "jiulongpo": 3, "beibei": 3, "jiangjin": 3, "bishan": 3}
    categories = {r["category"]: r["leading_industry"] for r in rows("categories")}
    assert [c for c, lead in categories.items() if lead == "true"] == ["大健康", "新一代信息技术", "先进制造", "高技术服务"]
    assert all(r["rationale"] and r["item_en"] for r in rows("zone_industries"))


def test_zones_are_one_core_and_five_districts():
    roles = Counter(r["role"] for r in rows("zones"))
    assert roles == {"core": 1, "district": 5}


@pytest.mark.skipif(not SHARED_EXTERNAL.exists(), reason="the shared context folder is not on this machine")
def test_external_is_the_shared_file_with_its_values_unchanged():
    """The shared file has unquoted commas in ``source``; the copy quotes them and changes nothing else."""
    with open(SHARED_EXTERNAL, encoding="utf-8", newline="") as fh:
        shared = list(csv.reader(fh))
    copy = [list(r.values()) for r in rows("external")]
    assert len(copy) == len(shared) - 1
    for original, ours in zip(shared[1:], copy):
        assert ",".join(original) == ",".join(ours)


def test_restorations_record_what_external_restores_and_where_it_disagrees():
    figures = {r["id"]: r for r in rows("figures")}
    relations = {(r["figure_id"], r["external_id"]): r["relation"] for r in rows("restorations")}
    assert relations[("scenario_investment", "scenario_investment")] == "restores"
    assert relations[("facility_investment", "groundbreaking_investment")] == "disagrees"
    assert relations[("industrial_va_gap_city_h1", "cq_industrial_va_growth_h1_2021")] == "matches"
    for (figure_id, _), relation in relations.items():
        if relation == "restores":
            assert figures[figure_id]["status"] == "digits_lost"
            assert figures[figure_id]["value"] == "", "a restored value stays in external.csv"


def test_every_lost_year_is_restored_from_external_or_left_empty():
    external = {r["id"] for r in rows("external")}
    for r in rows("events"):
        assert bool(r["year_restored"]) == bool(r["restored_from"]), r["event_id"]
        assert not r["restored_from"] or r["restored_from"] in external
        if r["year_status"] == "lost":
            assert r["date"].startswith("XXXX"), r["event_id"]


# --- The loader -----------------------------------------------------------------------------------


def test_load_figures_is_indexed_by_id_with_numeric_values():
    figures = data.load_figures()
    assert figures.index.name == "id" and figures.index.is_unique
    assert figures.loc["gdp_growth_h1", "value"] == pytest.approx(19.8)
    assert pd.isna(figures.loc["industrial_output_2020", "value"])
    assert figures["value"].dtype == "float64"


def test_figure_accessor():
    gdp = data.figure("gdp_growth_h1")
    assert (gdp.value, gdp.unit, gdp.scope, gdp.period, gdp.lost) == (19.8, "%", "直管园", "2021H1", False)
    assert gdp.also_at and SEED[gdp.also_at[0] : gdp.also_at[0] + 4] == "19.8"
    lost = data.figure("facility_investment")
    assert lost.value is None and lost.lost and lost.survives == ".6" and lost.implied_min == pytest.approx(100.6)


def test_unknown_names_raise_key_errors_that_say_what_exists():
    with pytest.raises(KeyError, match="gdp_growth_h1"):
        data.figure("gdp_growth")
    with pytest.raises(KeyError, match="figures"):
        data.load_table("no_such_table")


def test_every_table_loads():
    tables = data.load_package()
    assert list(tables) == data.table_names()
    for name, frame in tables.items():
        assert len(frame) == len(rows(name)), name


def test_loaded_frames_are_copies():
    zones = data.load_table("zones")
    zones.loc[0, "name_en"] = "changed"
    assert data.load_table("zones").loc[0, "name_en"] != "changed"


def test_checking_the_package_is_fast():
    t0 = time.perf_counter()
    data.check_package()
    assert time.perf_counter() - t0 < 1.0


# --- Corrupted copies of data/ ----------------------------------------------------------------------


def rewrite(data_dir: Path, name: str, edit: Callable[[list[list[str]]], None]) -> None:
    """Apply ``edit`` to a table's rows (header first) and write it back as LF-terminated CSV."""
    path = data_dir / f"{name}.csv"
    with open(path, encoding="utf-8", newline="") as fh:
        table = list(csv.reader(fh))
    edit(table)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)


def set_cell(name: str, key: str, column: str, value: str | Callable[[str], str]) -> Callable[[Path], None]:
    """A corruption that sets one cell of the row whose first column is ``key`` (to ``value(old)`` if callable)."""

    def edit(table: list[list[str]]) -> None:
        col = table[0].index(column)
        row = next(r for r in table[1:] if r[0] == key)
        row[col] = value(row[col]) if callable(value) else value

    return lambda d: rewrite(d, name, edit)


def line_of(name: str, key: str) -> int:
    """The CSV line of the row whose first column is ``key`` (rows are one line each)."""
    return 2 + [next(iter(r.values())) for r in rows(name)].index(key)


@dataclass(frozen=True)
class Corruption:
    """A way to break a copy of data/, the file to blame and what the message must say."""

    id: str
    apply: Callable[[Path], None]
    file: str
    expect: str
    schema_level: bool  # frictionless must reject it too


def _drop_column(column: str) -> Callable[[list[list[str]]], None]:
    def edit(table: list[list[str]]) -> None:
        col = table[0].index(column)
        for r in table:
            del r[col]

    return edit


def _truncate(d: Path) -> None:
    path = d / "figures.csv"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n", len(text) // 2) + 40], encoding="utf-8")


def _duplicate_first_id(table: list[list[str]]) -> None:
    table[2][0] = table[1][0]


CORRUPTIONS = [
    Corruption(
        "quote_not_at_offset",
        set_cell("figures", "gdp_growth_h1", "start", lambda s: str(int(s) + 1)),
        "figures.csv",
        f"figures.csv:{line_of('figures', 'gdp_growth_h1')}: column 'quote'",
        False,
    ),
    Corruption(
        "value_not_a_number",
        set_cell("figures", "gdp_growth_h1", "value", "19.8 percent"),
        "figures.csv",
        f"figures.csv:{line_of('figures', 'gdp_growth_h1')}: column 'value': '19.8 percent' is not a number",
        True,
    ),
    Corruption(
        "missing_column", lambda d: rewrite(d, "figures", _drop_column("note")), "figures.csv",
        "figures.csv:1: missing column(s) note", True,
    ),
    Corruption(
        "extra_column",
        lambda d: rewrite(d, "zones", lambda t: [r.append("x") for r in t]),
        "zones.csv",
        "zones.csv:1: extra column(s) x",
        True,
    ),
    Corruption(
        "duplicate_id", lambda d: rewrite(d, "figures", _duplicate_first_id), "figures.csv",
        "figures.csv:3: column 'id': duplicate", True,
    ),
    Corruption("truncated_file", _truncate, "figures.csv", "figures.csv: truncated", True),
    Corruption("empty_file", lambda d: (d / "events.csv").write_text(""), "events.csv", "events.csv: empty file", True),
    Corruption(
        "unknown_category",
        set_cell("zone_industries", "core", "category", "房地产"),
        "zone_industries.csv",
        "zone_industries.csv:2: column 'category': '房地产' is not one of the allowed values",
        True,
    ),
    Corruption(
        "unknown_unit",
        set_cell("figures", "gdp_growth_h1", "unit", "元"),
        "figures.csv",
        f"figures.csv:{line_of('figures', 'gdp_growth_h1')}: column 'unit'",
        True,
    ),
    Corruption(
        "broken_foreign_key",
        set_cell("restorations", "scenario_investment", "external_id", "no_such_row"),
        "restorations.csv",
        f"restorations.csv:{line_of('restorations', 'scenario_investment')}: column 'external_id': no_such_row is not found in column 'id' of external.csv",
        True,
    ),
    Corruption(
        "reported_without_value",
        set_cell("figures", "gdp_growth_h1", "value", ""),
        "figures.csv",
        "a reported figure needs a value",
        False,
    ),
    Corruption(
        "lost_value_guessed",
        set_cell("figures", "industrial_output_2020", "value", "2000.9"),
        "figures.csv",
        f"figures.csv:{line_of('figures', 'industrial_output_2020')}: column 'value': must be empty",
        False,
    ),
    Corruption(
        "not_utf8",
        lambda d: (d / "zones.csv").write_bytes((d / "zones.csv").read_text(encoding="utf-8").encode("gb18030")),
        "zones.csv",
        "zones.csv: not UTF-8",
        True,
    ),
]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ to break on purpose."""
    return Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))


@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=lambda c: c.id)
def test_the_loader_rejects_a_corrupted_copy_naming_file_line_and_column(data_copy, corruption):
    corruption.apply(data_copy)
    with pytest.raises(DataError) as err:
        data.load_package(data_copy)
    assert corruption.expect in str(err.value)


def test_nothing_is_half_loaded(data_copy):
    CORRUPTIONS[0].apply(data_copy)
    with pytest.raises(DataError):
        data.load_table("zones", data_copy)  # zones is fine, but the package is not


def test_the_loader_notices_a_file_changed_since_the_last_load(data_copy):
    assert len(data.load_table("zones", data_copy)) == 6
    rewrite(data_copy, "zones", lambda t: t.__setitem__(1, t[1][:-1]))
    with pytest.raises(DataError, match="zones.csv:2"):
        data.load_table("zones", data_copy)
