"""The chapter "Data and methods" links every data file, and references.bib has every source."""

from __future__ import annotations

import json
import re

import pandas as pd
import pytest
from pybtex.database import parse_file

from sciencecity.presentation import words
from sciencecity.reading import descriptor, geojson, paths
from sciencecity.rules import checked

NOTEBOOK = paths.BOOK_DIR / "10_data_methods.ipynb"
BIB = paths.ROOT / "references.bib"


def markdown() -> str:
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    return "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")


def book_text() -> str:
    parts = [p.read_text(encoding="utf-8") for p in paths.BOOK_DIR.glob("*.md")]
    for nb in paths.BOOK_DIR.glob("*.ipynb"):
        cells = json.loads(nb.read_text(encoding="utf-8"))["cells"]
        parts += ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    return "\n".join(parts)


def resource_paths() -> list[str]:
    package = json.loads(paths.data_file(descriptor.DESCRIPTOR).read_text(encoding="utf-8"))
    return [r["path"] for r in package["resources"]] + [descriptor.DESCRIPTOR]


@pytest.mark.parametrize("path", resource_paths())
def test_every_data_file_has_a_download_link(path):
    assert re.search(rf"\{{download\}}`{re.escape(path)} <\.\./data/{re.escape(path)}>`", markdown()), path
    assert paths.data_file(path).is_file()


def test_download_links_point_at_existing_files():
    for target in re.findall(r"\{download\}`[^<`]*<([^>]+)>`", markdown()):
        assert (paths.BOOK_DIR / target).resolve().is_file(), target


@pytest.fixture(scope="module")
def bib():
    return parse_file(str(BIB), bib_format="bibtex")


def test_bib_keeps_the_article(bib):
    assert "wang2021sciencecity" in bib.entries


def test_every_external_source_has_one_entry(bib):
    """One entry per distinct (source, address) of the tables of other sources, its note naming the source."""
    columns = ["source", "source_date", "url"]
    sources = pd.concat(
        [checked.load_table(name)[columns] for name in ("external", "later", "economy")]
    ).drop_duplicates()
    matched = set()
    for row in sources.itertuples():
        hits = [
            key
            for key, entry in bib.entries.items()
            if entry.fields.get("url", "") == row.url and f"“{row.source}”" in entry.fields.get("note", "")
        ]
        assert len(hits) == 1, (row.source, row.url, hits)
        if row.source_date:
            assert row.source_date in bib.entries[hits[0]].fields["note"], hits[0]
        matched.add(hits[0])
    assert set(bib.entries) - matched == {"wang2021sciencecity"}, (
        "an entry for no source of external.csv, later.csv or economy.csv"
    )


def test_every_entry_is_cited_in_the_book(bib):
    cited = set()
    for keys in re.findall(r"\{cite(?::[a-z]+)?\}`([^`]+)`", book_text()):
        cited |= {k.strip() for k in keys.split(",")}
    assert set(bib.entries) <= cited, set(bib.entries) - cited
    assert cited <= set(bib.entries), cited - set(bib.entries)


def test_every_table_of_the_descriptor_is_loaded_in_order():
    """The data chapter lists the tables in descriptor order, as load_package returns them."""
    package = json.loads(paths.data_file(descriptor.DESCRIPTOR).read_text(encoding="utf-8"))
    tables = [r["name"] for r in package["resources"] if r.get("format") != descriptor.GEOJSON]
    assert tables == list(checked.load_package())


def test_the_geojson_resource_is_loaded_as_features_not_as_a_table():
    package = json.loads(paths.data_file(descriptor.DESCRIPTOR).read_text(encoding="utf-8"))
    others = [r["name"] for r in package["resources"] if r.get("format") == descriptor.GEOJSON]
    assert others == ["chongqing_districts"]
    assert len(geojson.load_features("chongqing_districts")) == 38
    with pytest.raises(KeyError):
        checked.load_table("chongqing_districts")


def test_the_dictionary_gives_the_geojson_its_features_and_properties():
    package = json.loads(paths.data_file(descriptor.DESCRIPTOR).read_text(encoding="utf-8"))
    resource = next(r for r in package["resources"] if r.get("format") == descriptor.GEOJSON)
    html = words.data_dictionary_html(resource, 38)
    assert html.startswith(
        "<p><strong>chongqing_districts</strong> (chongqing_districts.geojson, GeoJSON, 38 features): "
    )
    assert [m for m in re.findall(r"<li><code>(\w+)</code>", html)] == ["adcode", "name_zh", "name_en", "geometry"]
    assert "<li><code>adcode</code> (string; required; unique; pattern 500[12][0-9]{2}): " in html


def test_the_data_chapter_shows_the_geojson_in_its_dictionary():
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    html = "".join("".join(o.get("data", {}).get("text/html", "")) for c in nb["cells"] for o in c.get("outputs", []))
    assert "(chongqing_districts.geojson, GeoJSON, 38 features)" in html


def test_the_data_chapter_shows_no_dataframe_with_its_index():
    """Tables go through style.table (no index, so no empty header cell): no bare frame is displayed."""
    nb = json.loads(NOTEBOOK.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            html = "".join(out.get("data", {}).get("text/html", ""))
            assert "<th></th>" not in html


@pytest.mark.parametrize("name", ["02_growth", "04_platforms", "09_checks", "10_data_methods"])
def test_chapters_print_nothing_and_show_no_index_column(name):
    """No printed diagnostics (stream output) and no DataFrame shown with its index (empty header cell)."""
    nb = json.loads((paths.BOOK_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        for out in cell.get("outputs", []):
            assert out["output_type"] != "stream", f"{name}: printed output {''.join(out['text'])[:80]!r}"
            html = "".join(out.get("data", {}).get("text/html", ""))
            assert "<th></th>" not in html, f"{name}: a table with an empty header cell"


@pytest.mark.parametrize("name", ["02_growth", "04_platforms", "09_checks"])
def test_every_chart_has_its_data_link(name):
    """Every {glue:figure} caption ends with the CSV link glued from words.chart_data."""
    nb = json.loads((paths.BOOK_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    figures = re.findall(r"```\{glue:figure\}.*?```", text, flags=re.S)
    assert figures
    for block in figures:
        assert re.search(r"\{glue:md\}`\w+_data:myst`\n```$", block), block[:80]
