"""The corruption matrix: every data rule, at least one way to break it, and the message it must give.

Each :class:`Corruption` breaks a copy of ``data/``; :func:`sciencecity.rules.validate.validate` must
report the file, the line and the column it names (for the GeoJSON boundaries: the file, the
feature and the property), the command line must exit 1 without a traceback, and the loader must
refuse the copy. ``test_datapackage.py`` also feeds the
schema-level ones to frictionless.
"""

from __future__ import annotations

import csv
import json
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from sciencecity.__main__ import main
from sciencecity.reading import paths
from sciencecity.reading.descriptor import DataError
from sciencecity.rules import checked
from sciencecity.rules.validate import validate


def rows(name: str) -> list[dict[str, str]]:
    """A table's rows as raw strings, read without the loader under test."""
    with open(paths.DATA_DIR / f"{name}.csv", encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


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


def ids(name: str) -> list[str]:
    """The first column of every row of a table."""
    return [next(iter(r.values())) for r in rows(name)]


def line_of(name: str, key: str) -> int:
    """The CSV line of the row whose first column is ``key`` (rows are one line each)."""
    return 2 + [next(iter(r.values())) for r in rows(name)].index(key)


def both(*corruptions: Callable[[Path], None]) -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        for c in corruptions:
            c(d)

    return apply


def edit_descriptor(edit: Callable[[dict], None], resource: str = "restorations") -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        path = d / "datapackage.json"
        desc = json.loads(path.read_text(encoding="utf-8"))
        edit(next(r for r in desc["resources"] if r["name"] == resource))
        path.write_text(json.dumps(desc, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")

    return apply


def edit_text(name: str, edit: Callable[[str], str]) -> Callable[[Path], None]:
    def apply(d: Path) -> None:
        path = d / f"{name}.csv"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")

    return apply


@dataclass(frozen=True)
class Corruption:
    """A way to break a copy of data/, the file to blame and what the message must say."""

    id: str
    apply: Callable[[Path], None]
    file: str
    expect: str
    schema_level: bool = False  # frictionless must reject it too


GEOJSON = "chongqing_districts.geojson"


def geojson_features() -> list[dict]:
    """The committed GeoJSON's features, read without the loader under test."""
    return json.loads((paths.DATA_DIR / GEOJSON).read_text(encoding="utf-8"))["features"]


def feature_no(adcode: str) -> int:
    """The 1-based position in ``features`` of the feature with this adcode."""
    return 1 + [f["properties"]["adcode"] for f in geojson_features()].index(adcode)


def edit_feature(adcode: str, edit: Callable[[dict], None]) -> Callable[[Path], None]:
    """A corruption that edits the feature with this adcode and writes the collection back."""

    def apply(d: Path) -> None:
        path = d / GEOJSON
        collection = json.loads(path.read_text(encoding="utf-8"))
        edit(next(f for f in collection["features"] if f["properties"]["adcode"] == adcode))
        path.write_text(json.dumps(collection, ensure_ascii=False) + "\n", encoding="utf-8")

    return apply


def set_property(adcode: str, name: str, value) -> Callable[[Path], None]:
    return edit_feature(adcode, lambda f: f["properties"].__setitem__(name, value))


def _swap_names(f: dict) -> None:
    p = f["properties"]
    p["name_zh"], p["name_en"] = p["name_en"], p["name_zh"]


BOWTIE = {"type": "Polygon", "coordinates": [[[106, 29], [107, 30], [107, 29], [106, 30], [106, 29]]]}


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


def _swap(name: str, key: str, a: str, b: str) -> Callable[[Path], None]:
    def edit(table: list[list[str]]) -> None:
        i, j = table[0].index(a), table[0].index(b)
        row = next(r for r in table[1:] if r[0] == key)
        row[i], row[j] = row[j], row[i]

    return lambda d: rewrite(d, name, edit)


def _delete_row(name: str, key: str) -> Callable[[Path], None]:
    return lambda d: rewrite(d, name, lambda t: t.remove(next(r for r in t[1:] if r[0] == key)))


FIG = lambda key: f"figures.csv:{line_of('figures', key)}"  # noqa: E731
FEAT = lambda code: f"{GEOJSON}: feature {feature_no(code)} ({code})"  # noqa: E731
EXT = lambda key: f"external.csv:{line_of('external', key)}"  # noqa: E731
LATER = lambda key: f"later.csv:{line_of('later', key)}"  # noqa: E731
BYLINE = rows("translations")[-1]["start"]

CORRUPTIONS = [
    # --- structure: files, headers, cells -----------------------------------------------------
    Corruption(
        "missing_column",
        lambda d: rewrite(d, "figures", _drop_column("note")),
        "figures.csv",
        "figures.csv:1: missing column(s) note",
        True,
    ),
    Corruption(
        "extra_column",
        lambda d: rewrite(d, "zones", lambda t: [r.append("x") for r in t]),
        "zones.csv",
        "zones.csv:1: extra column(s) x",
        True,
    ),
    Corruption(
        "trailing_comma_in_header",
        edit_text("zones", lambda s: s.replace("\n", ",\n", 1)),
        "zones.csv",
        "zones.csv:1: column 9 of the header has no name (a trailing comma?)",
    ),
    Corruption(
        "trailing_comma_in_row",
        edit_text("zones", lambda s: s.replace("\n", "\x00", 1).replace("\n", ",\n", 1).replace("\x00", "\n", 1)),
        "zones.csv",
        "zones.csv:2: an empty cell after the last column 'note' (a trailing comma?)",
    ),
    Corruption("truncated_file", _truncate, "figures.csv", "figures.csv: truncated", True),
    Corruption("empty_file", lambda d: (d / "events.csv").write_text(""), "events.csv", "events.csv: empty file", True),
    Corruption(
        "not_utf8",
        lambda d: (d / "zones.csv").write_bytes((d / "zones.csv").read_text(encoding="utf-8").encode("gb18030")),
        "zones.csv",
        "zones.csv: not UTF-8",
        True,
    ),
    Corruption(
        "value_not_a_number",
        set_cell("figures", "gdp_growth_h1", "value", "19.8 percent"),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'value': '19.8 percent' is not a number",
        True,
    ),
    Corruption(
        "duplicate_id",
        lambda d: rewrite(d, "figures", _duplicate_first_id),
        "figures.csv",
        "figures.csv:3: column 'id': duplicate",
        True,
    ),
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
        f"{FIG('gdp_growth_h1')}: column 'unit'",
        True,
    ),
    Corruption(
        "broken_foreign_key",
        set_cell("restorations", "scenario_investment", "external_id", "no_such_row"),
        "restorations.csv",
        f"restorations.csv:{line_of('restorations', 'scenario_investment')}: column 'external_id': no_such_row "
        "is not found in column 'id' of external.csv",
        True,
    ),
    # --- full-width digits where ASCII digits are required ---------------------------------------
    Corruption(
        "fullwidth_start",
        set_cell(
            "figures",
            "gdp_growth_h1",
            "start",
            lambda s: s.translate(str.maketrans("0123456789", "０１２３４５６７８９")),
        ),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'start'",
    ),
    Corruption(
        "fullwidth_value",
        set_cell("external", "cq_gdp_growth_h1_2021", "value", "１２.８"),
        "external.csv",
        f"{EXT('cq_gdp_growth_h1_2021')}: column 'value': '１２.８' is not a number",
    ),
    Corruption(
        "fullwidth_period",
        set_cell("figures", "gdp_growth_h1", "period", "２０２１H1"),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'period'",
        True,
    ),
    # --- the descriptor ---------------------------------------------------------------------------
    Corruption(
        "foreign_key_to_missing_table",
        edit_descriptor(lambda r: r["schema"]["foreignKeys"][1]["reference"].update(resource="nowhere")),
        "datapackage.json",
        "datapackage.json: resource 'restorations': foreign key ['external_id'] references resource 'nowhere'",
    ),
    Corruption(
        "foreign_key_to_missing_field",
        edit_descriptor(lambda r: r["schema"]["foreignKeys"][1]["reference"].update(fields=["no_such"])),
        "datapackage.json",
        "references field 'no_such', which resource 'external' does not have",
    ),
    Corruption(
        "primary_key_not_a_field",
        edit_descriptor(lambda r: r["schema"].update(primaryKey=["nope"])),
        "datapackage.json",
        "datapackage.json: resource 'restorations': primaryKey names 'nope'",
    ),
    Corruption(
        "constraint_of_the_wrong_type",
        edit_descriptor(lambda r: r["schema"]["fields"][4].update(constraints={"minimum": "zero"}), "figures"),
        "datapackage.json",
        "datapackage.json: resource 'figures': field 'unit': constraint 'minimum' must be a number",
    ),
    Corruption(
        "column_a_rule_needs_removed",
        both(
            edit_descriptor(
                lambda r: r["schema"].update(fields=[f for f in r["schema"]["fields"] if f["name"] != "status"]),
                "figures",
            ),
            lambda d: rewrite(d, "figures", _drop_column("status")),
        ),
        "datapackage.json",
        "datapackage.json: rule 'figure_status' cannot run on these tables (KeyError: 'status')",
    ),
    # --- figures against the seed -----------------------------------------------------------------
    Corruption(
        "quote_not_at_offset",
        set_cell("figures", "gdp_growth_h1", "start", lambda s: str(int(s) + 1)),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'quote'",
    ),
    Corruption(
        "value_not_stated",
        set_cell("figures", "gdp_growth_h1", "value", "19.9"),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'value': 19.9 but the quote states",
    ),
    Corruption(
        "respectively_values_swapped",
        both(
            set_cell("figures", "primary_va_growth_h1", "value", "20.2"),
            set_cell("figures", "secondary_va_growth_h1", "value", "3.9"),
        ),
        "figures.csv",
        f"{FIG('primary_va_growth_h1')}: column 'value': 20.2 but the quote states",
    ),
    Corruption(
        "also_at_elsewhere",
        set_cell("figures", "gdp_growth_h1", "also_at", "0"),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'also_at'",
    ),
    Corruption(
        "reported_without_value",
        set_cell("figures", "gdp_growth_h1", "value", ""),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'value': a reported figure needs a value",
    ),
    Corruption(
        "lost_value_guessed",
        set_cell("figures", "industrial_output_2020", "value", "2000.9"),
        "figures.csv",
        f"{FIG('industrial_output_2020')}: column 'value': must be empty",
    ),
    Corruption(
        "implied_min_not_from_survivors",
        set_cell("figures", "facility_investment", "implied_min", "100"),
        "figures.csv",
        f"{FIG('facility_investment')}: column 'implied_min': 100 but a lost run of 3+ digits before .6 implies 100.6",
    ),
    Corruption(
        "rank_in_percent",
        set_cell("figures", "gdp_growth_rank_h1", "unit", "%"),
        "figures.csv",
        f"{FIG('gdp_growth_rank_h1')}: column 'unit': '%' does not fit kind 'rank'",
    ),
    Corruption(
        "bound_against_qualifier",
        set_cell("figures", "infrastructure_projects", "bound", "exact"),
        "figures.csv",
        f"{FIG('infrastructure_projects')}: column 'bound': 'exact' does not fit qualifier '上百'",
    ),
    Corruption(
        "scope_blurred",
        set_cell("figures", "gdp_growth_h1", "scope", "科学城"),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'scope': '科学城' but the quote names '直管园'",
    ),
    Corruption(
        "labels_swapped",
        _swap("figures", "gdp_growth_h1", "label_en", "label_zh"),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'label_en'",
    ),
    Corruption(
        "chinese_column_in_english",
        set_cell("external", "cq_gdp_2020", "entity_zh", "Chongqing municipality"),
        "external.csv",
        f"{EXT('cq_gdp_2020')}: column 'entity_zh'",
    ),
    # --- zones --------------------------------------------------------------------------------------
    Corruption(
        "zone_zh_disagrees_in_industries",
        set_cell("zone_industries", "core", "zone_zh", "沙坪坝片区"),
        "zone_industries.csv",
        "zone_industries.csv:2: column 'zone_zh': '沙坪坝片区' but zone 'core' is '重庆高新区'",
    ),
    Corruption(
        "zone_zh_disagrees_in_carriers",
        set_cell("zone_carriers", "core", "zone_zh", "璧山片区"),
        "zone_carriers.csv",
        "zone_carriers.csv:2: column 'zone_zh'",
    ),
    # --- coverage and translations ------------------------------------------------------------------
    Corruption(
        "non_figure_deleted",
        _delete_row("non_figures", "1123"),
        "figures.csv",
        "the article's '两年' at 1123 is in no figure",
    ),
    Corruption(
        "translation_deleted",
        _delete_row("translations", BYLINE),
        "translations.csv",
        f"translations.csv: column 'start': the article line at {BYLINE}",
    ),
    Corruption(
        "translation_empty",
        set_cell("translations", BYLINE, "en", " "),
        "translations.csv",
        f"translations.csv:{line_of('translations', BYLINE)}: column 'en': empty translation",
    ),
    # --- events, restorations, external ------------------------------------------------------------
    Corruption(
        "restored_year_disagrees",
        set_cell("events", "mobilisation_conference", "year_restored", "2019"),
        "events.csv",
        f"events.csv:{line_of('events', 'mobilisation_conference')}: column 'year_restored': 2019 but",
    ),
    Corruption(
        "lost_year_written",
        set_cell("events", "mobilisation_conference", "date", "2020-09-11"),
        "events.csv",
        f"events.csv:{line_of('events', 'mobilisation_conference')}: column 'date': the year is lost",
    ),
    Corruption(
        "restored_year_without_source",
        set_cell("events", "mobilisation_conference", "restored_from", ""),
        "events.csv",
        f"events.csv:{line_of('events', 'mobilisation_conference')}: column 'restored_from'",
    ),
    Corruption(
        "restoring_value_does_not_fit",
        set_cell("external", "scenario_investment", "value", "99"),
        "restorations.csv",
        f"restorations.csv:{line_of('restorations', 'scenario_investment')}: column 'relation': restores, but 99",
    ),
    Corruption(
        "external_date_free_text",
        set_cell("external", "cq_gdp_2020", "source_date", "March 2021"),
        "external.csv",
        f"{EXT('cq_gdp_2020')}: column 'source_date': 'March 2021' does not match",
        True,
    ),
    Corruption(
        "external_url_free_text",
        set_cell("external", "cq_gdp_2020", "url", "the bureau's website"),
        "external.csv",
        f"{EXT('cq_gdp_2020')}: column 'url'",
        True,
    ),
    Corruption(
        "external_unit_free_text",
        set_cell("external", "cq_gdp_2020", "unit", "hundred million yuan"),
        "external.csv",
        f"{EXT('cq_gdp_2020')}: column 'unit'",
        True,
    ),
    Corruption(
        "external_period_free_text",
        set_cell("external", "cq_gdp_2020", "period", "last year"),
        "external.csv",
        f"{EXT('cq_gdp_2020')}: column 'period'",
        True,
    ),
    Corruption(
        "external_qualifier_dropped",
        set_cell("external", "launch_investment_core", "qualifier", ""),
        "external.csv",
        f"{EXT('launch_investment_core')}: column 'qualifier': the note says 约",
    ),
    Corruption(
        "external_number_not_in_note",
        set_cell("external", "cq_gdp_two_year_growth_h1_2021", "value", "6.7"),
        "external.csv",
        f"{EXT('cq_gdp_two_year_growth_h1_2021')}: column 'value': 6.7 is not stated in the note",
    ),
    # --- the district boundaries (GeoJSON): file, feature (position, adcode), property --------------
    Corruption("geojson_missing", lambda d: (d / GEOJSON).unlink(), GEOJSON, f"{GEOJSON}: cannot read", True),
    Corruption(
        "geojson_not_json",
        lambda d: (d / GEOJSON).write_text('{"type":"FeatureCollection","features":[\n', encoding="utf-8"),
        GEOJSON,
        f"{GEOJSON}: not JSON",
    ),
    Corruption(
        "geojson_not_a_collection",
        lambda d: (d / GEOJSON).write_text(json.dumps(geojson_features()[0]) + "\n", encoding="utf-8"),
        GEOJSON,
        f"{GEOJSON}: not a GeoJSON FeatureCollection",
    ),
    Corruption(
        "geojson_missing_property",
        edit_feature("500120", lambda f: f["properties"].pop("name_en")),
        GEOJSON,
        f"{FEAT('500120')}: property 'name_en': missing",
    ),
    Corruption(
        "geojson_extra_property",
        set_property("500120", "area", 915),
        GEOJSON,
        f"{FEAT('500120')}: property 'area': not one of the descriptor's properties",
    ),
    Corruption(
        "geojson_duplicate_adcode",
        set_property("500107", "adcode", "500106"),
        GEOJSON,
        f"{GEOJSON}: feature {feature_no('500107')} (500106): property 'adcode': '500106' is not unique "
        f"(also feature {feature_no('500106')})",
    ),
    Corruption(
        "geojson_municipality_code",
        set_property("500101", "adcode", "500000"),
        GEOJSON,
        f"{GEOJSON}: feature 1 (500000): property 'adcode': '500000' does not match the pattern 500[12][0-9]{{2}}",
    ),
    Corruption(
        "geojson_adcode_a_number",
        set_property("500106", "adcode", 500106),
        GEOJSON,
        f"{GEOJSON}: feature {feature_no('500106')} (500106): property 'adcode': 500106 is not a JSON string",
    ),
    Corruption(
        "geojson_duplicate_name",
        set_property("500107", "name_en", "Shapingba District"),
        GEOJSON,
        f"{FEAT('500107')}: property 'name_en': 'Shapingba District' is not unique "
        f"(also feature {feature_no('500106')})",
    ),
    Corruption(
        "geojson_names_swapped",
        edit_feature("500109", _swap_names),
        GEOJSON,
        f"{FEAT('500109')}: property 'name_zh': 'Beibei District' has no Chinese character",
    ),
    Corruption(
        "geojson_empty_name",
        set_property("500116", "name_zh", ""),
        GEOJSON,
        f"{FEAT('500116')}: property 'name_zh': is required but missing or empty",
    ),
    Corruption(
        "geojson_invalid_geometry",
        edit_feature("500106", lambda f: f.update(geometry=BOWTIE)),
        GEOJSON,
        f"{FEAT('500106')}: geometry: invalid geometry (Self-intersection",
    ),
    Corruption(
        "geojson_point",
        edit_feature("500106", lambda f: f.update(geometry={"type": "Point", "coordinates": [106, 29]})),
        GEOJSON,
        f"{FEAT('500106')}: geometry: 'Point' is not a GeoJSON Polygon or MultiPolygon",
    ),
    Corruption(
        "geojson_unreadable_coordinates",
        edit_feature("500106", lambda f: f.update(geometry={"type": "Polygon", "coordinates": [[["106", "x"]]]})),
        GEOJSON,
        f"{FEAT('500106')}: geometry: not a readable Polygon",
    ),
    Corruption(
        "geojson_empty_geometry",
        edit_feature("500106", lambda f: f.update(geometry={"type": "MultiPolygon", "coordinates": []})),
        GEOJSON,
        f"{FEAT('500106')}: geometry: empty geometry",
    ),
    Corruption(
        "geojson_given_a_tabular_schema",
        edit_descriptor(lambda r: r.update(schema={"fields": r["properties"]}), "chongqing_districts"),
        "datapackage.json",
        "datapackage.json: resource 'chongqing_districts': a GeoJSON resource has no tabular 'schema'",
    ),
    Corruption(
        "geojson_property_of_unknown_type",
        edit_descriptor(lambda r: r["properties"][0].update(type="geojson"), "chongqing_districts"),
        "datapackage.json",
        "datapackage.json: resource 'chongqing_districts': property 'adcode' has type 'geojson'",
    ),
    # --- intrinsic rules (issue 14): each holds with nothing beside the repository ---------------
    Corruption(
        "share_over_100",
        set_cell("external", "core_secondary_va_share_2020", "value", "156.7"),
        "external.csv",
        f"{EXT('core_secondary_va_share_2020')}: column 'value': 156.7 is not plausible (a share lies in 0-100%)",
    ),
    Corruption(
        "growth_out_of_range",
        set_cell("later", "core_gdp_growth_2021", "value", "-120"),
        "later.csv",
        f"{LATER('core_gdp_growth_2021')}: column 'value': -120 is not plausible (a growth rate",
    ),
    Corruption(
        "count_not_whole",
        set_cell("external", "launch_projects", "value", "7.9"),
        "external.csv",
        f"{EXT('launch_projects')}: column 'value': 7.9 is not plausible (a count is a non-negative whole number)",
    ),
    Corruption(
        "amount_negative",
        set_cell("external", "launch_investment_core", "value", "-482"),
        "external.csv",
        f"{EXT('launch_investment_core')}: column 'value': -482 is not plausible (an amount in 亿元 is positive",
    ),
    Corruption(
        "amount_beyond_any_subject",
        set_cell("later", "cq_gdp_2024", "value", "59000000000"),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'value': 5.9e+10 is not plausible",
    ),
    Corruption(
        "unit_does_not_fit_metric",
        set_cell("later", "cq_gdp_growth_2021", "unit", "亿元"),
        "later.csv",
        f"{LATER('cq_gdp_growth_2021')}: column 'unit': '亿元' does not fit metric 'gdp_growth' (expected %)",
    ),
    Corruption(
        "unit_with_a_stray_space",
        set_cell("later", "cq_gdp_2024", "unit", "亿元 "),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'unit': '亿元 ' has leading or trailing spaces",
    ),
    Corruption(
        "second_value_for_subject_metric_period",
        lambda d: rewrite(
            d, "later", lambda t: t.append(["cq_gdp_2024_again", *t[ids("later").index("cq_gdp_2024") + 1][1:]])
        ),
        "later.csv",
        f"later.csv:{len(rows('later')) + 2}: column 'value': a second value for city, gdp, 2024",
    ),
    Corruption(
        "level_and_growth_disagree",
        set_cell("external", "cq_gdp_2020", "value", "2500.279"),
        "external.csv",
        f"{EXT('cq_gdp_2020')}: column 'value': 2500.28 (2020) to 27894 (2021) is +1015.6%, "
        "but the growth rate is 8.3%",
    ),
    Corruption(
        "share_disagrees_with_its_parts",
        set_cell("external", "core_gdp_2020", "value", "4874.5"),
        "external.csv",
        f"{EXT('core_gdp_2020')}: column 'value': 4.25 of 4874.5 is 0.09%, not the share 0.9%",
    ),
    Corruption(
        "sectors_do_not_sum_to_gdp",
        set_cell("external", "core_secondary_va_2020", "value", "2765.2"),
        "external.csv",
        f"{EXT('core_secondary_va_2020')}: column 'value':",
    ),
    Corruption(
        "date_not_in_the_calendar",
        set_cell("external", "cq_gdp_2020", "source_date", "2021-02-30"),
        "external.csv",
        f"{EXT('cq_gdp_2020')}: column 'source_date': '2021-02-30' is not a calendar date",
    ),
    Corruption(
        "month_13",
        set_cell("later", "core_rd_institutions_2021_07", "period", "2021-13"),
        "later.csv",
        f"{LATER('core_rd_institutions_2021_07')}: column 'period': '2021-13' has no month 13",
    ),
    Corruption(
        "period_after_its_source",
        set_cell("later", "cq_gdp_2024", "source_date", "2023-01-21"),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'period': 2024 starts after its source's date 2023-01-21",
    ),
    Corruption(
        "source_date_in_the_future",
        set_cell("later", "cq_gdp_2024", "source_date", "2091-01-21"),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'source_date': 2091-01-21 is in the future",
    ),
    Corruption(
        "period_against_the_quoted_words",
        set_cell("figures", "gdp_growth_h1", "period", "2020H1"),
        "figures.csv",
        f"{FIG('gdp_growth_h1')}: column 'period': '2020H1' but the quote says '今年上半年', "
        "2021H1 in an article of 2021",
    ),
    Corruption(
        "address_not_http",
        set_cell("later", "cq_gdp_2024", "url", "ftp://cq.people.com.cn/n2/2025/0121/c367668-41115380.html"),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'url': 'ftp://cq.people.com.cn/n2/2025/0121/c367' is not an http(s) address",
    ),
    Corruption(
        "figure_copied_under_a_new_id",
        lambda d: rewrite(
            d, "figures", lambda t: t.append(["gdp_growth_h1_copy", *t[1 + ids("figures").index("gdp_growth_h1")][1:]])
        ),
        "figures.csv",
        f"figures.csv:{len(rows('figures')) + 2}: column 'quote': the same quote at the same offset",
    ),
    Corruption(
        "repeated_quote_at_another_zones_occurrence",
        lambda d: rewrite(
            d, "zone_industries", lambda t: next(r for r in t if r[2] == "医疗器械").__setitem__(3, "670")
        ),
        "zone_industries.csv",
        "zone_industries.csv:4: column 'start': 670 is outside zone 'core''s paragraph",
    ),
    Corruption(
        "english_truncated",
        set_cell("figures", "signed_investment_growth_h1", "label_en", "Inv"),
        "figures.csv",
        f"{FIG('signed_investment_growth_h1')}: column 'label_en': 'Inv' is 3 characters",
    ),
    Corruption(
        "claim_verified_without_evidence",
        set_cell("claims", "fortune500_firms", "status", "verified"),
        "claims.csv",
        f"claims.csv:{line_of('claims', 'fortune500_firms')}: column 'status': verified needs independent evidence",
    ),
    Corruption(
        "id_listed_twice",
        set_cell("claims", "university_projects", "article_ids", lambda s: s + ";" + s.split(";")[0]),
        "claims.csv",
        f"claims.csv:{line_of('claims', 'university_projects')}: column 'article_ids': "
        "university_projects_signed listed twice",
    ),
    Corruption(
        "text_not_nfc",
        set_cell("later", "cq_gdp_2024", "note", "Cafe\u0301"),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'note': not in Unicode normal form NFC",
    ),
    Corruption(
        "zero_width_character",
        set_cell("later", "cq_gdp_2024", "scope_zh", "重庆\u200b市"),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'scope_zh': invisible character U+200B at 2",
    ),
    Corruption(
        "nul_character",
        set_cell("later", "cq_gdp_2024", "note", "a\x00b"),
        "later.csv",
        f"{LATER('cq_gdp_2024')}: column 'note': control character U+0000 at 1",
    ),
    Corruption(
        "key_differs_only_by_an_invisible_character",
        lambda d: rewrite(d, "terminology", lambda t: t.append([t[1][0] + "\u200b", *t[1][1:]])),
        "terminology.csv",
        f"terminology.csv:{len(rows('terminology')) + 2}: column 'zh': duplicate",
    ),
    Corruption(
        "copy_of_the_shared_file_changed",
        set_cell("external", "launch_projects", "value", "790"),
        "external.csv",
        f"{EXT('launch_projects')}: column 'value': row 'launch_projects' is not the copy of line",
    ),
    Corruption(
        "table_not_loaded_skips_its_rules",
        set_cell("zones", "core", "start", "abc"),
        "zones.csv",
        "zones.csv:2: column 'start': 'abc' is not an integer",
    ),
    Corruption(
        "row_the_analysis_reads_deleted",
        _delete_row("external", "cq_gdp_growth_2020"),
        "external.csv",
        "external.csv: column 'id': no row 'cq_gdp_growth_2020', which the growth series reads",
    ),
    Corruption(
        "stated_row_moved_to_another_period",
        set_cell("external", "cq_gdp_growth_2020", "period", "2021"),
        "external.csv",
        f"{EXT('cq_gdp_growth_2020')}: column 'period': differs from the row it comes from, 'cq_gdp_2020'",
    ),
    # --- Frictionless constraints as the standard defines them -----------------------------------
    Corruption(
        "maximum_enforced",
        edit_descriptor(lambda r: r["schema"]["fields"][6].setdefault("constraints", {}).update(maximum=100), "later"),
        "later.csv",
        f"{LATER('core_gdp_2021')}: column 'value': '588.6' is above the maximum 100",
        True,
    ),
    Corruption(
        "max_length_enforced",
        edit_descriptor(lambda r: r["schema"]["fields"][0]["constraints"].update(maxLength=12), "figures"),
        "figures.csv",
        f"{FIG('infrastructure_projects')}: column 'id': 'infrastructure_projects' is longer than the maximum "
        "length 12",
        True,
    ),
    Corruption(
        "min_length_enforced",
        edit_descriptor(lambda r: r["schema"]["fields"][0]["constraints"].update(minLength=20), "figures"),
        "figures.csv",
        f"{FIG('leading_industries')}: column 'id': 'leading_industries' is shorter than the minimum length 20",
        True,
    ),
    Corruption(
        "unsupported_constraint_refused",
        edit_descriptor(lambda r: r["schema"]["fields"][0]["constraints"].update(exclusiveMaximum=3), "figures"),
        "datapackage.json",
        "datapackage.json: resource 'figures': field 'id': constraint 'exclusiveMaximum' is not supported by "
        "this validator",
    ),
    Corruption(
        "field_type_changed_under_a_rule",
        edit_descriptor(lambda r: r["schema"]["fields"][14].update(type="string"), "figures"),
        "datapackage.json",
        "datapackage.json: resource 'figures': field 'start' has type 'string', but the rules read 'start' as integer",
    ),
    Corruption(
        "field_type_changed_many_cells",
        edit_descriptor(lambda r: r["schema"]["fields"][6].update(type="integer"), "later"),
        "later.csv",
        f"{LATER('core_gdp_growth_2021')}: column 'value': '12.9' is not an integer",
        True,
    ),
]


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ to break on purpose."""
    return Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))


def test_the_landed_data_breaks_no_rule():
    problems, summary = validate()
    assert problems == [] and summary


@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=lambda c: c.id)
def test_validate_names_file_line_and_column(data_copy, corruption):
    corruption.apply(data_copy)
    problems, _ = validate(data_copy)
    report = "\n".join(problems)
    assert corruption.expect in report, report
    assert all(
        p.split(":", 1)[0].endswith((".csv", ".json", ".geojson")) or p.startswith("shared") for p in problems
    ), report


@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=lambda c: c.id)
def test_the_command_exits_1_without_a_traceback(data_copy, corruption, capsys):
    corruption.apply(data_copy)
    assert main(["validate", "--data", str(data_copy)]) == 1
    out, err = capsys.readouterr()
    assert corruption.file in err and corruption.expect in err and "Traceback" not in out + err


@pytest.mark.parametrize("corruption", CORRUPTIONS, ids=lambda c: c.id)
def test_the_loader_refuses_the_copy(data_copy, corruption):
    corruption.apply(data_copy)
    with pytest.raises(DataError) as err:
        checked.load_package(data_copy)
    assert corruption.expect in str(err.value)


def test_one_defect_one_message(data_copy):
    """A table that does not load: its one problem, then one line naming the rules skipped for it."""
    set_cell("zones", "core", "start", "abc")(data_copy)
    assert validate(data_copy)[0] == [
        "zones.csv:2: column 'start': 'abc' is not an integer",
        "zones.csv: not loaded (see above), so these rules were skipped: zone_paragraphs, zone_names",
    ]
    set_cell("figures", "gdp_growth_h1", "value", "19.8 percent")(data_copy)
    problems = validate(data_copy)[0]
    assert [p for p in problems if p.startswith("figures.csv")] == [
        f"{FIG('gdp_growth_h1')}: column 'value': '19.8 percent' is not a number",
        "figures.csv: not loaded (see above), so these rules were skipped: figure_values, coverage, restorations, "
        "later, claims_ledger",
    ]
    assert len(problems) == 4, problems  # two lines for each table


def test_a_byte_order_mark_is_accepted(data_copy):
    """Excel writes a BOM before UTF-8 CSV: the table reads as without it (never 'extra column \\ufeffid')."""
    path = data_copy / "figures.csv"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert validate(data_copy)[0] == []
    assert checked.load_figures(data_copy).equals(checked.load_figures())
