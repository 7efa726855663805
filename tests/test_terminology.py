"""One English term per Chinese term (data/terminology.csv) in the translation, the chapters and the glossary.

The table is the decision. The validator checks the table, the article's translation and the
English labels and notes of ``data/`` against it (:func:`sciencecity.rules.validate.chosen_terms`);
these tests check that every chapter's prose (``book/*.md`` and the Markdown cells of
``book/*.ipynb``) and the glossary follow it too: they are the book's text, not the data
package's, so the loader (which runs the validator) must not depend on them.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from sciencecity.presentation import words
from sciencecity.reading import paths
from sciencecity.rules import checked, terminology, validate

_ENTRY = re.compile(r"^(\S[^\n]*)\n((?:[ \t]+[^\n]*\n?)+)", re.MULTILINE)


def chapter_prose(book_dir: Path | None = None) -> dict[str, str]:
    """The prose a reader sees, by file: each ``book/*.md`` and the Markdown cells of each notebook."""
    book_dir = Path(book_dir or paths.BOOK_DIR)
    texts = {f"book/{p.name}": p.read_text(encoding="utf-8") for p in sorted(book_dir.glob("*.md"))}
    for p in sorted(book_dir.glob("*.ipynb")):
        cells = json.loads(p.read_text(encoding="utf-8"))["cells"]
        texts[f"book/{p.name}"] = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return texts


def glossary_entries(text: str) -> dict[str, str]:
    """The entries of the ``{glossary}`` block of ``glossary.md``: term → definition."""
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {m.group(1).strip(): " ".join(m.group(2).split()) for m in _ENTRY.finditer(block)}


def glossary_misses(terms: list[terminology.Term], entries: dict[str, str]) -> list[str]:
    """Glossary entries of a term whose definition does not use the chosen English term."""
    by_zh = {terminology.normalise(k): v for k, v in entries.items()}
    return [
        f"glossary.md: {t.zh}: the definition does not use {t.en!r}"
        for t in terms
        if terminology.normalise(t.zh) in by_zh and not terminology.uses_term(t, by_zh[terminology.normalise(t.zh)])
    ]


@pytest.fixture(scope="module")
def terms() -> list[terminology.Term]:
    return checked.load_terms()


def test_the_validator_runs_the_terminology_rules_and_the_data_pass(terms):
    """The table, the translation and the labels of data/ are the validator's (validate.chosen_terms)."""
    assert len(terms) >= 20
    assert validate.chosen_terms in validate.RULES
    assert validate.validate()[0] == []


def test_an_avoided_variant_in_a_data_label_is_refused(tmp_path):
    """Labels and notes of data/ reach readers through tables and charts: the same terms, or no data."""
    shutil.copytree(paths.DATA_DIR, tmp_path, dirs_exist_ok=True)
    figures = tmp_path / "figures.csv"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(
        text.replace("introduced_projects,Projects introduced", "introduced_projects,Total investment introduced"),
        encoding="utf-8",
    )
    problems, _ = validate.validate(tmp_path)
    assert len(problems) == 1 and problems[0].startswith(
        "figures.csv:9: column 'label_en': 'total investment' for 总投资"
    )


def test_a_mistranslated_term_and_a_bad_table_row_are_refused(tmp_path):
    shutil.copytree(paths.DATA_DIR, tmp_path, dirs_exist_ok=True)
    terms_csv, lines_csv = tmp_path / "terminology.csv", tmp_path / "translations.csv"
    text = terms_csv.read_text(encoding="utf-8")
    terms_csv.write_text(text.replace("science city,science town;", "science city,science city;"), encoding="utf-8")
    text = lines_csv.read_text(encoding="utf-8")
    lines_csv.write_text(text.replace("planned total investment", "outlay", 1), encoding="utf-8")
    problems = "\n".join(validate.validate(tmp_path)[0])
    assert "terminology.csv:2: column 'avoid': 科学城 avoids its own term 'science city'" in problems
    assert "column 'en': 总投资 is not translated 'planned total investment'" in problems


def test_no_avoided_variant_in_any_chapter(terms):
    found = terminology.avoided_uses(terms, chapter_prose())
    assert found == [], "\n".join(found)


def test_the_glossary_uses_the_chosen_terms(terms):
    entries = glossary_entries((paths.BOOK_DIR / "glossary.md").read_text(encoding="utf-8"))
    assert len(entries) > 50
    assert glossary_misses(terms, entries) == []
    keys = {terminology.normalise(k) for k in entries}
    assert [t.zh for t in terms if terminology.normalise(t.zh) not in keys] == []  # every term is explained


# --- the checks themselves can fail -----------------------------------------------------------

TOY = [
    terminology.Term("总投资", "planned total investment", ("total investment", "cost")),
    terminology.Term("片区", "zone", ("five districts",)),
]


def test_a_missing_term_in_a_translated_line_is_found():
    lines = [
        ("translations.csv:2", "总投资30亿元", "a total investment of 3 billion yuan"),
        ("translations.csv:3", "沙坪坝片区", "The Shapingba Zone"),
    ]
    assert terminology.translation_misses(TOY, lines) == [
        "translations.csv:2: column 'en': 总投资 is not translated 'planned total investment'"
    ]


def test_a_term_not_in_the_seed_or_avoiding_itself_is_found():
    bad = [(terminology.Term("总投资", "cost", ("cost",)), "terminology.csv:2")]
    assert terminology.table_problems(bad, "一核五区") == [
        "terminology.csv:2: column 'zh': 总投资 is not a term of the article (not in the seed)",
        "terminology.csv:2: column 'avoid': 总投资 avoids its own term 'cost'",
    ]


def test_an_avoided_variant_is_found_but_not_inside_the_chosen_term():
    found = terminology.avoided_uses(
        TOY,
        {
            "ok": "Its planned total investment is 30 亿元; the costly part is costed later.",
            "bad": "The total investment; the facility's cost; one core, five-districts.",
        },
    )
    assert [f.split(":")[0] for f in found] == ["bad", "bad", "bad"]
    assert any("'cost'" in f for f in found) and any("'five districts'" in f for f in found)


def test_normal_form_ignores_brackets_case_and_hyphens():
    assert terminology.normalise("西部（重庆）科学城") == terminology.normalise("西部(重庆)科学城")
    assert terminology.normalise("Marketing-Authorisation  Holder") == "marketing authorisation holder"


def test_glossary_entries_are_parsed():
    text = "x\n```{glossary}\n片区\n  *piànqū*. A zone: one of the five.\n\n总投资\n  *zǒng*. Cost.\n```\n"
    entries = glossary_entries(text)
    assert entries == {"片区": "*piànqū*. A zone: one of the five.", "总投资": "*zǒng*. Cost."}
    assert glossary_misses(TOY, entries) == [
        "glossary.md: 总投资: the definition does not use 'planned total investment'"
    ]


def test_in_house_terms_replaces_avoided_variants(terms):
    """Upstream labels shown in a table are put in the house terms, capitals kept, nothing doubled."""
    assert words.in_house_terms("total investment of those eight projects", terms) == (
        "planned total investment of those eight projects"
    )
    assert words.in_house_terms("Total investment of the facility alone", terms) == (
        "Planned total investment of the facility alone"
    )
    assert words.in_house_terms("planned total investment of the list", terms) == "planned total investment of the list"
    assert words.in_house_terms("projects that broke ground that day", terms) == (
        "projects that started construction that day"
    )
    text = "growth of the core, year on year"
    assert words.in_house_terms(text, terms) == text
    assert terminology.avoided_uses(terms, {"x": words.in_house_terms("Total investment; broke ground", terms)}) == []
