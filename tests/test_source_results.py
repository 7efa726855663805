"""sciencecity.presentation.source_results: the results of book/08_source, by glue key or table.

Every key the chapter's Markdown cites is produced; each value prints as the committed notebook's
glued output; the numbers equal direct computations from the seed and data/; the tables and the
chart data are what the committed notebook shows.
"""

from __future__ import annotations

import pytest
from IPython.display import HTML, Image, Markdown

from sciencecity.presentation import source_results
from sciencecity.reading import paths
from sciencecity.rules import checked
from tests.glued_outputs import assert_as_in_book, assert_prints_as_committed, cited_keys, merged, shown_html

NOTEBOOK = paths.BOOK_DIR / "08_source.ipynb"


@pytest.fixture(scope="module")
def values(package, text, chart_dir):
    """Every glued result of the chapter, by glue key (its chart and chart data go to ``chart_dir``)."""
    parts = (
        source_results.seed_counts(text),
        source_results.document(package, text),
        source_results.dating(package, text),
        source_results.translation_counts(package),
        source_results.gaps(package, text),
        source_results.lines_chart(package, text),
        source_results.restoration_counts(package, text),
        source_results.restorations(package),
    )
    return merged(parts, once=True)


def test_every_cited_key_is_produced(values):
    assert cited_keys(NOTEBOOK) <= set(values)


def test_the_values_print_as_the_committed_notebook_glued_them(values):
    assert_prints_as_committed(values, NOTEBOOK)


def test_the_chart_data_is_the_committed_file(values, chart_dir):
    assert isinstance(values["source_fig_lines"], Image) and isinstance(values["source_fig_lines_data"], Markdown)
    assert_as_in_book([chart_dir / "chart-data" / "fig-source-lines.csv"])


def test_the_tables_are_the_ones_the_chapter_shows(package, text):
    tables = [
        source_results.clues_table(package, text),
        source_results.dates_table(package),
        source_results.boilerplate_html(text),
        source_results.article_html(package, text),
        source_results.gap_table(package, text),
        source_results.restoration_table(package, text),
    ]
    assert all(isinstance(t, HTML) for t in tables)
    assert [t.data for t in tables] == shown_html(NOTEBOOK)


def test_the_counts_by_hand(values, text, package):
    lines = [line for line in text.split("\n") if line.strip()]
    assert values["source_seed_chars"] == len(text) and values["source_seed_lines"] == len(lines)
    assert values["source_article_lines"] == len(package["translations"])
    assert values["source_boilerplate_lines"] + values["source_article_lines"] == len(lines)
    assert values["source_terms"] == len(checked.load_terms())
    assert values["source_gaps"] == sum(values[f"source_gaps_{k}"] for k in ("figures", "years", "names"))
    assert values["source_gaps_restored"] + values["source_gaps_open"] == values["source_gaps"]
    assert values["source_floor_whole"] == 100.0


def test_the_document_and_its_date(values):
    assert values["source_reporter"] == "王倩" and values["source_reporter_en"] == "Wang Qian"
    assert values["source_forum"].endswith("论坛")
    assert values["source_mobilisation"] == "11 September 2020"
    assert values["source_anniversary"] == "11 September 2021"
    assert values["source_window_month"] == "September 2021"
    assert (values["source_window_start"], values["source_window_end"]) == ("1 September 2021", "30 September 2021")
    assert values["source_article_year"] == 2021
    assert values["source_repost_years"] == int(values["source_posted"][:4]) - 2021


def test_the_restorations_by_hand(values):
    assert values["source_eight_total"] == 283.6 and values["source_eight_total_bn"] == pytest.approx(28.36)
    assert values["source_facility_survives"] == ".6" and values["source_facility_floor"] == 100.6
    assert values["source_facility_alone"] == 30.0 and values["source_eight_projects"] == 8
    assert values["source_scenario_restored"] == 2400.0 and values["source_scenario_restored_bn"] == 240.0
    assert (values["source_year_mobilisation"], values["source_year_statistics"], values["source_year_scenarios"]) == (
        2020,
        2020,
        2021,
    )


def test_a_clue_that_is_not_in_the_seed_is_refused(package, text, monkeypatch):
    monkeypatch.setattr(source_results, "CLUES", (("phrase", "不在文中", "not in the text"),))
    with pytest.raises(ValueError, match="dating clue"):
        source_results.clues_table(package, text)
