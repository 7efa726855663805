"""The source document: load it safely and tell the article from the forum around it.

The seed is untrusted input. :func:`load_seed` refuses a file whose SHA-256 differs from
``seeds/SHA256SUMS``; :func:`segments` labels every line of it as forum boilerplate or as part
of the article, keeping each line's character offset (a Python string index into the seed), so
that every quote in ``data/`` can be checked against the very text it came from. Belongs here:
reading the seed and its segmentation; quotes cut from it for the reader are
:mod:`sciencecity.presentation.words`'s.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from sciencecity.reading import paths
from sciencecity.reading.text import HAN_RANGES


class SeedError(ValueError):
    """The seed is missing, unreadable or not the file its checksum names."""


def expected_sha256(name: str = paths.SEED_NAME, checksums: Path | None = None) -> str:
    """The checksum recorded for ``name`` in ``seeds/SHA256SUMS`` (``sha256sum`` format)."""
    checksums = checksums or paths.CHECKSUMS_PATH
    for lineno, line in enumerate(checksums.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        digest, _, fname = line.partition("  ")
        if fname.strip().lstrip("*") == name:
            if not re.fullmatch(r"[0-9a-f]{64}", digest):
                raise SeedError(f"{checksums}:{lineno}: not a SHA-256 digest: {digest!r}")
            return digest
    raise SeedError(f"{checksums}: no checksum for {name}")


def load_seed(path: Path | None = None, checksums: Path | None = None) -> str:
    """Return the seed's text after verifying its SHA-256 against ``SHA256SUMS``.

    Raises :class:`SeedError` naming the file when it is missing, not UTF-8, or changed.
    The text is returned exactly as stored (no newline translation), so offsets are stable.
    """
    path = Path(path or paths.SEED_PATH)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SeedError(f"{path}: cannot read the seed ({exc.strerror})") from None
    digest = hashlib.sha256(raw).hexdigest()
    want = expected_sha256(path.name, checksums)
    if digest != want:
        raise SeedError(
            f"{path}: checksum mismatch: SHA-256 is {digest}, SHA256SUMS says {want}; the seed must never be edited"
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SeedError(f"{path}: not UTF-8 at byte {exc.start}") from None


# --- Segmentation ---------------------------------------------------------------------------

#: What each kind of line is, in the order the checks are tried.
BOILERPLATE_KINDS = ("forum_header", "breadcrumb", "timestamp", "advert", "footer")

_TIMESTAMP = re.compile(r"^\S+ - \d{4}/\d{1,2}/\d{1,2} \d{1,2}:\d{2}:\d{2}$")
_URL = re.compile(r"https?://\S+")
_SENTENCE_END = re.compile(r"[。；;！？!?]$")
#: The article's byline: 上游新闻记者 and the reporter's name of two or three Han characters.
_BYLINE = re.compile(f"^上游新闻记者[{HAN_RANGES}]{{2,3}}$")


@dataclass(frozen=True)
class Segment:
    """One non-empty line of the seed. ``start``/``end`` are string indices into the seed."""

    index: int
    kind: str
    start: int
    end: int
    text: str

    @property
    def is_boilerplate(self) -> bool:
        return self.kind in BOILERPLATE_KINDS


def _line_kind(text: str, *, in_article: bool, after_byline: bool) -> str:
    if after_byline:
        return "footer"
    if not in_article:
        if text.endswith("论坛"):
            return "forum_header"
        if " » " in text:
            return "breadcrumb"
        if _TIMESTAMP.match(text):
            return "timestamp"
        if _URL.search(text):
            return "advert"
        return "forum_header"
    if _BYLINE.match(text):
        return "byline"
    if text.endswith(":") or text.endswith("："):
        return "label"
    if not _SENTENCE_END.search(text) and len(text) <= 24:
        return "heading"
    return "paragraph"


def segments(text: str) -> list[Segment]:
    """Label every non-empty line of the seed.

    The article runs from the line ``核心提示:`` (the news site's "key points" label) to the
    reporter's byline ``上游新闻记者…``; every line before it is forum chrome (forum name,
    breadcrumb, poster and timestamp, spam advert) and every line after it is the forum footer.
    Raises :class:`ValueError` when either marker is missing, rather than guessing.
    """
    if "核心提示" not in text:
        raise ValueError("seed: no '核心提示' line: cannot find where the article starts")
    if not any(_BYLINE.match(line.strip()) for line in text.split("\n")):
        raise ValueError("seed: no '上游新闻记者' byline: cannot find where the article ends")
    out: list[Segment] = []
    in_article = after_byline = False
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        stripped = line.strip()
        if not stripped:
            continue
        lead = start + (len(line) - len(line.lstrip()))
        if stripped.startswith("核心提示"):
            in_article = True
        kind = _line_kind(stripped, in_article=in_article, after_byline=after_byline)
        out.append(Segment(len(out), kind, lead, lead + len(stripped), stripped))
        if kind == "byline":
            after_byline = True
    return out


def article_segments(text: str) -> list[Segment]:
    """The article's own lines (label, headings, paragraphs, byline), boilerplate removed."""
    return [s for s in segments(text) if not s.is_boilerplate]


def boilerplate_segments(text: str) -> list[Segment]:
    """The forum's lines that are no part of the article."""
    return [s for s in segments(text) if s.is_boilerplate]


def in_article(text: str, start: int, end: int | None = None) -> bool:
    """Whether the span ``[start, end)`` lies inside one article line."""
    end = start if end is None else end
    return any(s.start <= start and end <= s.end for s in article_segments(text))


_DEFANG = re.compile(r"(https?)://([^/\s]+)")


def defang(text: str) -> str:
    """Make web addresses inert for display: ``http://a.b/c`` becomes ``hxxp://a[.]b/c``.

    The seed's spam advert carries an address; the book shows it only in this form, so no
    renderer (Markdown linkify, a browser, a PDF viewer) can turn it into a link.
    """
    return _DEFANG.sub(lambda m: m.group(1).replace("tt", "xx") + "://" + m.group(2).replace(".", "[.]"), text)
