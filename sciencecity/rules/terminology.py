"""One English term per Chinese term: the terminology table (``data/terminology.csv``) and its checks.

Belongs here: reading the terminology table, extracting the reader-facing prose of the chapters
(``book/*.md`` and the Markdown cells of ``book/*.ipynb``), the English labels of ``data/`` and
the glossary's entries, and
finding where the translation, the prose or the glossary departs from the chosen terms.
``tests/test_terminology.py`` turns each finding into a failure.

Matching is on a normal form (:func:`normalise`): Unicode NFKC (full-width brackets become
half-width), lower case, hyphens and dashes as spaces, runs of white space as one space. An
avoided variant is a whole-word match; occurrences of the chosen term are blanked out first,
so that ``total investment`` is refused but ``planned total investment`` is not.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from sciencecity.reading import paths

_DASHES = re.compile(r"[-‐‑‒–—]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """``text`` in the form terms are matched in: NFKC, lower case, dashes as spaces, one space."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return _SPACE.sub(" ", _DASHES.sub(" ", text))


def _word(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w\[])" + re.escape(normalise(phrase)) + r"(?![\w\]])")


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    avoid: tuple[str, ...]


def table_problems(terms: list[Term], seed_text: str) -> list[str]:
    """What is wrong with the table itself: a term not in the seed, a variant equal to its term."""
    problems, seed_norm = [], normalise(seed_text)
    for t in terms:
        if normalise(t.zh) not in seed_norm:
            problems.append(f"terminology.csv: {t.zh}: not a term of the article (not in the seed)")
        for v in t.avoid:
            if normalise(v) == normalise(t.en):
                problems.append(f"terminology.csv: {t.zh}: avoids its own term {v!r}")
    return problems


def translation_misses(terms: list[Term], translations: pd.DataFrame) -> list[str]:
    """Translated lines whose Chinese holds a term and whose English lacks the chosen term."""
    misses = []
    for row in translations.itertuples():
        zh, en = normalise(row.zh), normalise(row.en)
        for t in terms:
            if normalise(t.zh) in zh and not _word(t.en).search(en):
                misses.append(f"translations.csv: start {row.start}: {t.zh} is not translated {t.en!r}")
    return misses


def avoided_uses(terms: list[Term], texts: dict[str, str]) -> list[str]:
    """Every use of an avoided variant in ``texts`` (name → text), with a little context."""
    found = []
    for name, text in texts.items():
        for t in terms:
            norm = _word(t.en).sub(lambda m: "#" * len(m.group()), normalise(text))
            for v in t.avoid:
                for m in _word(v).finditer(norm):
                    context = norm[max(0, m.start() - 30) : m.end() + 30].replace("\n", " ")
                    found.append(f"{name}: {v!r} for {t.zh} (use {t.en!r}): …{context}…")
    return found


def chapter_prose(book_dir: Path | None = None) -> dict[str, str]:
    """The prose a reader sees, by file: each ``book/*.md`` and the Markdown cells of each notebook."""
    book_dir = Path(book_dir or paths.BOOK_DIR)
    texts = {f"book/{p.name}": p.read_text(encoding="utf-8") for p in sorted(book_dir.glob("*.md"))}
    for p in sorted(book_dir.glob("*.ipynb")):
        cells = json.loads(p.read_text(encoding="utf-8"))["cells"]
        texts[f"book/{p.name}"] = "\n\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    return texts


def data_texts(data_dir: Path | None = None) -> dict[str, str]:
    """The tables of ``data/`` as text, by file, for their English labels and notes.

    Leaves out ``terminology.csv`` (it names the avoided variants), ``translations.csv``
    (checked line by line on its own) and ``external.csv``, whose labels are the upstream
    context file's words, which the validator requires unchanged (chapters label those facts
    in their own words).
    """
    data_dir = Path(data_dir or paths.DATA_DIR)
    skip = {"terminology.csv", "translations.csv", "external.csv"}
    return {
        f"data/{p.name}": p.read_text(encoding="utf-8") for p in sorted(data_dir.glob("*.csv")) if p.name not in skip
    }


_ENTRY = re.compile(r"^(\S[^\n]*)\n((?:[ \t]+[^\n]*\n?)+)", re.MULTILINE)


def glossary_entries(text: str) -> dict[str, str]:
    """The entries of the ``{glossary}`` block of ``glossary.md``: term → definition."""
    block = text.split("```{glossary}", 1)[1].split("```", 1)[0]
    return {m.group(1).strip(): " ".join(m.group(2).split()) for m in _ENTRY.finditer(block)}


def glossary_misses(terms: list[Term], entries: dict[str, str]) -> list[str]:
    """Glossary entries of a term whose definition does not use the chosen English term."""
    by_zh = {normalise(k): v for k, v in entries.items()}
    return [
        f"glossary.md: {t.zh}: the definition does not use {t.en!r}"
        for t in terms
        if normalise(t.zh) in by_zh and not _word(t.en).search(normalise(by_zh[normalise(t.zh)]))
    ]
