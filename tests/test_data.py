"""data/: the article's tables as the analysis expects them, the loader, the shared context.

Every *rule* the data obey lives in :mod:`sciencecity.rules.validate` and is tried against
corruptions in ``test_corruptions.py``; this file holds what is specific to this article (the
ids the notebooks use, the zones, the restorations found) and the loader's behaviour.
"""

from __future__ import annotations

import csv
import os
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest

from sciencecity.reading import descriptor, paths
from sciencecity.reading.descriptor import DataError
from sciencecity.reading.seed import load_seed
from sciencecity.rules import checked, copies

from .test_corruptions import CORRUPTIONS, rewrite

SEED = load_seed()

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


# --- The article's tables ------------------------------------------------------------------------


def test_the_gdp_heading_and_its_paragraph_are_one_figure():
    """Snapshot: the heading and the paragraph were read off the seed by hand."""
    gdp = [r for r in rows("figures") if r["value"] == "19.8"]
    assert len(gdp) == 1
    heading = SEED.index("直管园上半年GDP增长19.8%")
    assert gdp[0]["also_at"] == str(heading + len("直管园上半年GDP增长"))


def test_the_suggested_ids_exist():
    assert set(SUGGESTED_IDS) <= {r["id"] for r in rows("figures")}


def test_university_projects_add_up():
    by_id = {r["id"]: Decimal(r["value"]) for r in rows("figures") if r["value"]}
    parts = ("operating", "under_construction", "advancing")
    assert sum(by_id[f"university_projects_{p}"] for p in parts) == by_id["university_projects_signed"]


def test_zone_industries_are_six_for_the_core_and_three_per_district():
    """Snapshot: counts and leading industries as read in the article."""
    counts = Counter(r["zone_id"] for r in rows("zone_industries"))
    assert counts == {"core": 6, "shapingba": 3, "jiulongpo": 3, "beibei": 3, "jiangjin": 3, "bishan": 3}
    categories = {r["category"]: r["leading_industry"] for r in rows("categories")}
    assert [c for c, lead in categories.items() if lead == "true"] == [
        "大健康",
        "新一代信息技术",
        "先进制造",
        "高技术服务",
    ]
    assert all(r["rationale"] and r["item_en"] for r in rows("zone_industries"))


def test_zones_are_one_core_and_five_districts():
    roles = Counter(r["role"] for r in rows("zones"))
    assert roles == {"core": 1, "district": 5}


def test_external_holds_the_shared_context_unchanged():
    """``../shared/context/external_figures.csv`` beside the repository: required in CI, else may be absent."""
    shared = copies.shared_external_path()
    if not shared.exists():
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{shared} is missing; CI needs the shared context next to the repository")
        pytest.skip("the shared context folder is not next to this checkout")
    assert copies.compare_with_shared(paths.DATA_DIR, shared) == []


def test_the_comparison_with_the_shared_context_finds_a_changed_value(tmp_path):
    shared = tmp_path / "external_figures.csv"
    with open(paths.DATA_DIR / "external.csv", encoding="utf-8", newline="") as fh:
        table = [r[:11] for r in csv.reader(fh)][:51]
    table[5][5] = "483"
    with open(shared, "w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerows(table)
    assert copies.compare_with_shared(paths.DATA_DIR, shared) == [
        f"external.csv:6: row {table[5][0]!r} differs from line 6 of external_figures.csv"
    ]


def test_restorations_record_what_external_restores_and_where_it_disagrees():
    """Snapshot: the relations found when the other sources were read (the rules are in validate)."""
    figures = {r["id"]: r for r in rows("figures")}
    relations = {(r["figure_id"], r["external_id"]): r["relation"] for r in rows("restorations")}
    assert relations[("scenario_investment", "scenario_investment")] == "restores"
    assert relations[("facility_investment", "groundbreaking_investment")] == "disagrees"
    assert relations[("industrial_va_gap_city_h1", "cq_industrial_va_growth_h1_2021")] == "matches"
    for (figure_id, _), relation in relations.items():
        if relation == "restores":
            assert figures[figure_id]["status"] == "digits_lost"
            assert figures[figure_id]["value"] == "", "a restored value stays in external.csv"


# --- The loader -----------------------------------------------------------------------------------


def test_load_figures_is_indexed_by_id_with_numeric_values():
    figures = checked.load_figures()
    assert figures.index.name == "id" and figures.index.is_unique
    assert figures.loc["gdp_growth_h1", "value"] == pytest.approx(19.8)
    assert pd.isna(figures.loc["industrial_output_2020", "value"])
    assert figures["value"].dtype == "float64"


def test_figure_accessor():
    gdp = checked.figure("gdp_growth_h1")
    assert (gdp.value, gdp.unit, gdp.scope, gdp.period, gdp.lost) == (19.8, "%", "直管园", "2021H1", False)
    assert gdp.also_at and SEED[gdp.also_at[0] : gdp.also_at[0] + 4] == "19.8"
    lost = checked.figure("facility_investment")
    assert lost.value is None and lost.lost and lost.survives == ".6" and lost.implied_min == pytest.approx(100.6)


def test_unknown_names_raise_key_errors_that_say_what_exists():
    with pytest.raises(KeyError, match="gdp_growth_h1"):
        checked.figure("gdp_growth")
    with pytest.raises(KeyError, match="figures"):
        checked.load_table("no_such_table")


def test_every_table_loads():
    tables = checked.load_package()
    assert list(tables) == [r.name for r in descriptor.read_descriptor(paths.DATA_DIR) if r.tabular]
    for name, frame in tables.items():
        assert len(frame) == len(rows(name)), name


def test_loaded_frames_are_copies():
    zones = checked.load_table("zones")
    zones.loc[0, "name_en"] = "changed"
    assert checked.load_table("zones").loc[0, "name_en"] != "changed"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ to break on purpose."""
    return Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))


def test_nothing_is_half_loaded(data_copy):
    CORRUPTIONS[0].apply(data_copy)
    with pytest.raises(DataError):
        checked.load_table("zones", data_copy)  # zones is fine, but the package is not


def test_the_loader_notices_a_file_changed_since_the_last_load(data_copy):
    assert len(checked.load_table("zones", data_copy)) == 6
    rewrite(data_copy, "zones", lambda t: t.__setitem__(1, t[1][:-1]))
    with pytest.raises(DataError, match="zones.csv:2"):
        checked.load_table("zones", data_copy)
