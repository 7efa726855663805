"""One English term per Chinese term (data/terminology.csv) in the translation, the chapters and the glossary.

The table is the decision; these tests check that the article's translation, every chapter's
prose (``book/*.md`` and the Markdown cells of ``book/*.ipynb``), the English labels and notes of
``data/`` and the glossary follow it.
"""

from __future__ import annotations

import pandas as pd
import pytest

from sciencecity.presentation import words
from sciencecity.reading import paths, seed
from sciencecity.rules import checked, terminology


@pytest.fixture(scope="module")
def terms() -> list[terminology.Term]:
    return checked.load_terms()


def test_the_table_is_sound(terms):
    assert len(terms) >= 20
    assert terminology.table_problems(terms, seed.load_seed()) == []


def test_every_translated_line_uses_the_chosen_terms(terms):
    assert terminology.translation_misses(terms, checked.load_translations()) == []


def test_no_avoided_variant_in_the_translation(terms):
    tr = checked.load_translations()
    texts = {f"translations.csv: start {r.start}": r.en for r in tr.itertuples()}
    assert terminology.avoided_uses(terms, texts) == []


def test_no_avoided_variant_in_any_chapter(terms):
    found = terminology.avoided_uses(terms, terminology.chapter_prose())
    assert found == [], "\n".join(found)


def test_no_avoided_variant_in_the_data_labels(terms):
    """Labels and notes of data/ reach readers through tables and charts: the same terms."""
    found = terminology.avoided_uses(terms, terminology.data_texts())
    assert found == [], "\n".join(found)


def test_the_glossary_uses_the_chosen_terms(terms):
    entries = terminology.glossary_entries((paths.BOOK_DIR / "glossary.md").read_text(encoding="utf-8"))
    assert len(entries) > 50
    assert terminology.glossary_misses(terms, entries) == []
    keys = {terminology.normalise(k) for k in entries}
    assert [t.zh for t in terms if terminology.normalise(t.zh) not in keys] == []  # every term is explained


# --- the checks themselves can fail -----------------------------------------------------------

TOY = [
    terminology.Term("总投资", "planned total investment", ("total investment", "cost")),
    terminology.Term("片区", "zone", ("five districts",)),
]


def test_a_missing_term_in_a_translated_line_is_found():
    tr = pd.DataFrame(
        [
            {"start": 1, "zh": "总投资30亿元", "en": "a total investment of 3 billion yuan"},
            {"start": 2, "zh": "沙坪坝片区", "en": "The Shapingba Zone"},
        ]
    )
    assert terminology.translation_misses(TOY, tr) == [
        "translations.csv: start 1: 总投资 is not translated 'planned total investment'"
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
    entries = terminology.glossary_entries(text)
    assert entries == {"片区": "*piànqū*. A zone: one of the five.", "总投资": "*zǒng*. Cost."}
    assert terminology.glossary_misses(TOY, entries) == [
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
