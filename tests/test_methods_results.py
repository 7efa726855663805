"""sciencecity.presentation.methods_results: the results of book/10_data_methods, by glue key or table.

Every key the chapter's Markdown cites is produced; each value prints as the committed notebook's
glued output; the counts equal direct computations from data/ and the seed; the tables are the
ones the committed notebook shows.
"""

from __future__ import annotations

import json

import pytest
from IPython.display import HTML

from sciencecity.presentation import methods_results
from sciencecity.reading import descriptor, paths, scanner, seed
from sciencecity.rules import checked
from tests.glued_outputs import assert_prints_as_committed, cited_keys, merged, shown_html

NOTEBOOK = paths.BOOK_DIR / "10_data_methods.ipynb"


@pytest.fixture(scope="module")
def values(package, text):
    parts = (
        methods_results.package_counts(package),
        methods_results.extraction_counts(package, text),
        methods_results.limits(package),
    )
    return merged(parts, once=True)


def test_every_cited_key_is_produced(values):
    assert cited_keys(NOTEBOOK) <= set(values)


def test_the_values_print_as_the_committed_notebook_glued_them(values):
    assert_prints_as_committed(values, NOTEBOOK)


def test_the_tables_are_the_ones_the_chapter_shows(package, text):
    tables = [
        methods_results.files_table(package),
        methods_results.data_dictionary(package),
        methods_results.scanner_table(text),
        methods_results.scope_table(package),
    ]
    assert all(isinstance(t, HTML) for t in tables)
    assert [t.data for t in tables] == shown_html(NOTEBOOK)


def test_the_package_counts_by_hand(values, package):
    about = json.loads(paths.data_file(descriptor.DESCRIPTOR).read_text(encoding="utf-8"))
    assert values["dm_tables"] == len(about["resources"]) - 1  # all but the GeoJSON file
    names = [r.name for r in descriptor.read_descriptor(paths.DATA_DIR) if r.tabular]
    assert values["dm_rows"] == sum(len(checked.load_table(n)) for n in names)
    assert values["dm_geo_features"] == 38
    assert values["dm_sources"] == len({(r.source, r.url) for r in package["external"].itertuples()})


def test_the_scanner_counts_by_hand(values, text):
    found = scanner.scan(text)
    article = [q for q in found if any(s.start <= q.start and q.end <= s.end for s in seed.article_segments(text))]
    assert values["dm_quantities"] == len(article)
    assert values["dm_quantities_lost"] == len([q for q in article if q.lost])
    assert values["dm_quantities_boiler"] == len(found) - len(article)
    assert values["dm_problems"] == 0


def test_the_limits_by_hand(values, package):
    fig = package["figures"]
    assert values["dm_lost_figures"] == fig["implied_min"].notna().sum()
    assert sum(values[f"dm_scope_{k}"] for k in methods_results.SCOPES) == len(fig)
    assert sum(values[f"dm_period_{k}"] for k in ("h1", "year", "first_year", "cumulative", "none")) == len(fig)
    assert values["dm_period_none"] == (fig["period"] == "").sum()
    assert values["dm_h1_label"] == "2021H1" and values["dm_year_label"] == "2020 or 2021"
    assert values["dm_weights_year"] == "2020"
    assert values["dm_zone_items"] == len(package["zone_industries"])
