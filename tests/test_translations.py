"""The translation of the article (data/translations.csv) and its rendering."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from sciencecity.presentation import tables
from sciencecity.reading import csv_tables, descriptor, paths, seed
from sciencecity.rules import checked, validate


@pytest.fixture(scope="module")
def text() -> str:
    return seed.load_seed()


@pytest.fixture(scope="module")
def table() -> pd.DataFrame:
    return checked.load_translations()


def test_every_article_line_has_exactly_one_translation(table, text):
    starts = [s.start for s in seed.article_segments(text)]
    assert list(table["start"]) == starts
    assert table["start"].is_unique


def test_zh_is_verbatim_at_start(table, text):
    for row in table.itertuples():
        assert text[row.start : row.start + len(row.zh)] == row.zh
        assert seed.in_article(text, row.start, row.start + len(row.zh))


def test_no_boilerplate_line_is_translated(table, text):
    boiler = {s.start for s in seed.boilerplate_segments(text)}
    assert boiler and not boiler & set(table["start"])
    for s in seed.boilerplate_segments(text):
        assert s.text not in set(table["zh"])


def test_translations_are_english_and_not_empty(table):
    for row in table.itertuples():
        assert row.en.strip() and row.en != row.zh
        assert sum(c.isascii() for c in row.en) > 0.8 * len(row.en), row.start


def test_lost_digits_are_marked_not_guessed(table):
    """Every line holding a figure or date whose digits were lost says so in English."""
    figures = checked.load_table("figures")
    events = checked.load_table("events")
    lost_at = list(figures.loc[figures["status"] == "digits_lost", "start"])
    lost_at += list(events.loc[events["year_status"] == "lost", "start"])
    ends = table["start"] + table["zh"].str.len()
    for pos in lost_at:
        row = table[(table["start"] <= pos) & (pos < ends)]
        assert len(row) == 1, pos
        assert tables.LOST in row["en"].iloc[0], f"the line at {row['start'].iloc[0]} hides a loss"
    # and only those lines carry the marker (the 500 lost from 世界500强 shares a line with them)
    marked = set(table.loc[table["en"].str.contains(tables.LOST, regex=False), "start"])
    holding = {int(table.loc[(table["start"] <= p) & (p < ends), "start"].iloc[0]) for p in lost_at}
    assert marked == holding


def check_translations(frame: pd.DataFrame, text: str) -> list[str]:
    """The validator's rule :func:`sciencecity.rules.validate.translations` on a frame (rows as CSV lines from 2)."""
    resource = next(r for r in descriptor.read_descriptor(paths.DATA_DIR) if r.name == "translations")
    records = [{**row, "start": int(row["start"])} for row in frame.to_dict("records")]
    table = csv_tables.Table(resource, records, list(range(2, 2 + len(records))))
    return validate.translations(validate.Context({"translations": table}, text))


def test_check_names_every_problem(table, text):
    broken = table.copy()
    broken.loc[0, "zh"] = "核心提示"  # no longer verbatim
    broken = pd.concat([broken, broken.iloc[[1]]])  # a duplicate
    broken = broken[broken["start"] != seed.article_segments(text)[-1].start]  # the byline untranslated
    forum = seed.boilerplate_segments(text)[0]
    broken = pd.concat([broken, pd.DataFrame([{"start": forum.start, "zh": forum.text, "en": "Forum"}])])
    problems = "\n".join(check_translations(broken, text))
    assert "column 'zh': not the whole line of the seed" in problems
    assert "column 'start': a second row for the line" in problems
    assert "has no row" in problems
    assert "column 'zh': translates forum boilerplate" in problems


def test_a_broken_file_is_refused(tmp_path):
    for f in paths.DATA_DIR.iterdir():
        shutil.copy(f, tmp_path / f.name)
    csv = tmp_path / "translations.csv"
    csv.write_text(csv.read_text(encoding="utf-8").replace("19.8%", "19.9%", 1), encoding="utf-8")
    with pytest.raises(descriptor.DataError, match="'直管园上半年GDP增长19.9%' is not at offset 610"):
        checked.load_translations(tmp_path)


def test_bilingual_html_escapes_and_wraps():
    rows = pd.DataFrame([{"zh": "<b>一核五区</b>", "en": "one core & five districts", "caption": "¶ 1"}])
    out = tables.bilingual_html(rows)
    assert "&lt;b&gt;" in out and "<b>" not in out and "&amp;" in out
    assert "flex-wrap:wrap" in out and "min-width:0" in out
    assert "px" not in out  # no fixed widths: nothing can push a phone screen sideways


def test_line_with_finds_the_one_line_that_holds_a_phrase(table):
    row = tables.line_with(table, "今日起")
    assert "今日起" in row["zh"] and row["en"]
    with pytest.raises(ValueError, match="0 lines"):
        tables.line_with(table, "no such phrase")
    with pytest.raises(ValueError, match="lines of the translation"):
        tables.line_with(table, "科学城")  # in many lines
