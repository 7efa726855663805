"""data/datapackage.json: a valid Frictionless Data Package that describes every file of data/.

frictionless is the standard validator; the loader (sciencecity.data) re-implements the checks
for speed, so both must reject the schema-level corruptions of ``test_corruptions.CORRUPTIONS``.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from frictionless import Package, validate

from sciencecity import paths

from .test_corruptions import CORRUPTIONS

DESCRIPTOR = paths.DATA_DIR / "datapackage.json"

FIGURE_COLUMNS = (
    "id label_en label_zh value unit kind period scope qualifier bound status survives implied_min "
    "quote start also_at note"
).split()


def test_the_package_validates_with_frictionless():
    report = validate(str(DESCRIPTOR))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_every_csv_in_data_is_a_resource_with_a_primary_key():
    package = Package(str(DESCRIPTOR))
    assert {r.path for r in package.resources} == {p.name for p in paths.DATA_DIR.glob("*.csv")}
    for resource in package.resources:
        assert resource.schema.primary_key, resource.name


def test_figures_has_the_agreed_columns_in_order():
    package = json.loads(DESCRIPTOR.read_text(encoding="utf-8"))
    figures = next(r for r in package["resources"] if r["name"] == "figures")
    assert [f["name"] for f in figures["schema"]["fields"]] == FIGURE_COLUMNS


@pytest.mark.parametrize("path", sorted(paths.DATA_DIR.glob("*.csv")), ids=lambda p: p.name)
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
