"""One English term per Chinese term: the terminology table (``data/terminology.csv``) and its rules.

Belongs here: a term of the table (:class:`Term`), the normal form terms are matched in, and the
rules that compare text with the terms: the table itself is sound (:func:`table_problems`), a
translated line whose Chinese holds a term uses the chosen English (:func:`translation_misses`),
no text uses an avoided variant (:func:`avoided_uses`). The validator runs them on ``data/``
(:func:`sciencecity.rules.validate.chosen_terms`: the table, the translation and every cell of
the other tables but ``external.csv``, whose labels are the upstream file's words). The
chapters' prose and the glossary live in ``book/``, not in the data package, so their checks are
tests (``tests/test_terminology.py``), which use :func:`avoided_uses` and :func:`uses_term` too.

Matching is on a normal form (:func:`normalise`): Unicode NFKC (full-width brackets become
half-width), lower case, hyphens and dashes as spaces, runs of white space as one space. An
avoided variant is a whole-word match; occurrences of the chosen term are blanked out first,
so that ``total investment`` is refused but ``planned total investment`` is not.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from sciencecity.reading.csv_tables import list_cell

_DASHES = re.compile(r"[-‐‑‒–—]")
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """``text`` in the form terms are matched in: NFKC, lower case, dashes as spaces, one space."""
    text = unicodedata.normalize("NFKC", text).replace("’", "'").lower()
    return _SPACE.sub(" ", _DASHES.sub(" ", text))


@lru_cache(maxsize=512)
def _word(phrase: str) -> re.Pattern:
    return re.compile(r"(?<![\w\[])" + re.escape(normalise(phrase)) + r"(?![\w\]])")


@dataclass(frozen=True)
class Term:
    zh: str
    en: str
    avoid: tuple[str, ...]


def term_of(row: Mapping) -> Term:
    """A row of the terminology table (``zh``, ``en``, ``avoid`` a ``;``-separated list) as a :class:`Term`."""
    return Term(row["zh"], row["en"], tuple(list_cell(row.get("avoid"))))


def terms_of(rows: Iterable[Mapping]) -> list[Term]:
    """The terminology table's rows as terms, longest Chinese term first (so it is matched first)."""
    return sorted((term_of(r) for r in rows), key=lambda t: -len(t.zh))


def uses_term(term: Term, text: str) -> bool:
    """Whether ``text`` uses the term's chosen English, as a whole word (in the normal form)."""
    return bool(_word(term.en).search(normalise(text)))


def table_problems(terms: Iterable[tuple[Term, str]], seed_text: str) -> list[str]:
    """What is wrong with the table itself: a term not in the seed, a variant equal to its term.

    ``terms`` are ``(term, where)`` pairs, ``where`` naming the row (``terminology.csv:3``).
    """
    problems, seed_norm = [], normalise(seed_text)
    for t, where in terms:
        if normalise(t.zh) not in seed_norm:
            problems.append(f"{where}: column 'zh': {t.zh} is not a term of the article (not in the seed)")
        for v in t.avoid:
            if normalise(v) == normalise(t.en):
                problems.append(f"{where}: column 'avoid': {t.zh} avoids its own term {v!r}")
    return problems


def translation_misses(terms: list[Term], lines: Iterable[tuple[str, str, str]]) -> list[str]:
    """Translated lines whose Chinese holds a term and whose English lacks the chosen term.

    ``lines`` are ``(where, zh, en)`` triples, ``where`` naming the line (``translations.csv:5``).
    """
    misses = []
    for where, zh, en in lines:
        zh_norm = normalise(zh)
        for t in terms:
            if normalise(t.zh) in zh_norm and not uses_term(t, en):
                misses.append(f"{where}: column 'en': {t.zh} is not translated {t.en!r}")
    return misses


def avoided_uses(terms: list[Term], texts: Mapping[str, str]) -> list[str]:
    """Every use of an avoided variant in ``texts`` (name → text), with a little context."""
    found = []
    for name, text in texts.items():
        norm = normalise(text)
        for t in terms:
            if not any(_word(v).search(norm) for v in t.avoid):
                continue
            blanked = _word(t.en).sub(lambda m: "#" * len(m.group()), norm)
            for v in t.avoid:
                for m in _word(v).finditer(blanked):
                    context = blanked[max(0, m.start() - 30) : m.end() + 30].replace("\n", " ")
                    found.append(f"{name}: {v!r} for {t.zh} (use {t.en!r}): …{context}…")
    return found
