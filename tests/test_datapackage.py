"""data/datapackage.json: a valid Frictionless Data Package that describes every file of data/.

frictionless is the standard validator; the loader (sciencecity.rules.checked) re-implements the checks
for speed, so both must reject the schema-level corruptions of ``test_corruptions.CORRUPTIONS``.

One resource is not a table: the district boundaries, a GeoJSON data resource. frictionless
(5.x) treats it as a plain JSON resource: it checks that the file is there and nothing else (an
unreadable file passes, see below), so its contents are checked by sciencecity.rules.checked alone.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import Package, validate

from sciencecity.reading import descriptor, paths
from sciencecity.rules.package import check_package

from .test_corruptions import CORRUPTIONS

DESCRIPTOR = paths.DATA_DIR / "datapackage.json"

FIGURE_COLUMNS = (
    "id label_en label_zh value unit kind period scope qualifier bound status survives implied_min "
    "quote start also_at note"
).split()


def test_the_package_validates_with_frictionless():
    report = validate(str(DESCRIPTOR))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    # every CSV file is validated as a table, row by row; the GeoJSON is a non-tabular resource
    kinds = {task.name: task.type for task in report.tasks}
    assert kinds == {r.name: "table" for r in descriptor.read_descriptor(paths.DATA_DIR) if r.tabular} | {
        "chongqing_districts": "json"
    }
    assert all(task.stats["rows"] > 0 for task in report.tasks if task.type == "table")


def test_every_csv_in_data_is_a_resource_with_a_primary_key():
    package = Package(str(DESCRIPTOR))
    tables = [r for r in package.resources if r.format == "csv"]
    assert {r.path for r in tables} == {p.name for p in paths.DATA_DIR.glob("*.csv")}
    for resource in tables:
        assert resource.profile == "tabular-data-resource" and resource.schema.primary_key, resource.name


def test_the_geojson_is_a_non_tabular_resource():
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    others = [r for r in package["resources"] if r.get("format") != "csv"]
    assert (
        [r["path"] for r in others]
        == [p.name for p in paths.DATA_DIR.glob("*.geojson")]
        == ["chongqing_districts.geojson"]
    )
    assert others[0]["profile"] == "data-resource" and "schema" not in others[0]
    assert {p.name for p in paths.DATA_DIR.iterdir()} == {r["path"] for r in package["resources"]} | {
        "datapackage.json"
    }


def test_frictionless_does_not_read_the_geojson(tmp_path: Path):
    """Why sciencecity.rules.checked checks the GeoJSON itself: frictionless passes a file that is not JSON."""
    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    (copy / "chongqing_districts.geojson").write_text('{"type":"FeatureCollection","features":[\n', encoding="utf-8")
    assert validate(str(copy / "datapackage.json")).valid
    assert any(p.startswith("chongqing_districts.geojson: not JSON") for p in check_package(copy)[1])


def test_figures_has_the_agreed_columns_in_order():
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    assert [f["name"] for f in figures["schema"]["fields"]] == FIGURE_COLUMNS


@pytest.mark.parametrize(
    "path", sorted([*paths.DATA_DIR.glob("*.csv"), *paths.DATA_DIR.glob("*.geojson")]), ids=lambda p: p.name
)
def test_every_table_is_utf8_with_lf_line_endings(path):
    raw = path.read_bytes()
    raw.decode("utf-8")
    assert b"\r" not in raw and raw.endswith(b"\n") and not raw.startswith(b"\xef\xbb\xbf")


@pytest.mark.parametrize("corruption", [c for c in CORRUPTIONS if c.schema_level], ids=lambda c: c.id)
def test_frictionless_rejects_the_schema_level_corruptions(tmp_path: Path, corruption):
    copy = Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))
    corruption.apply(copy)
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
