"""The seed: checksum, loading, and the split into forum boilerplate and article."""

from __future__ import annotations

import hashlib

import pytest

from sciencecity.reading import paths, seed


def test_seed_matches_its_checksum():
    """Snapshot: the digest recorded when the seed was received (SHA256SUMS must never change)."""
    digest = hashlib.sha256(paths.SEED_PATH.read_bytes()).hexdigest()
    assert digest == seed.expected_sha256()
    assert digest == "ceb38902b978df39a60ca4893f11600297a78d6302a39770c36357414d0a3252"


def test_load_seed_returns_the_text_unchanged():
    """Snapshot: 2640 characters, as first read."""
    text = seed.load_seed()
    assert len(text) == 2640
    assert text == paths.SEED_PATH.read_bytes().decode("utf-8")


def test_load_seed_refuses_an_edited_copy(tmp_path):
    copy = tmp_path / paths.SEED_NAME
    copy.write_bytes(paths.SEED_PATH.read_bytes().replace(b"19.8", b"19.9", 1))
    with pytest.raises(seed.SeedError, match=r"checksum mismatch.*never be edited") as err:
        seed.load_seed(copy, checksums=paths.CHECKSUMS_PATH)
    assert paths.SEED_NAME in str(err.value)


def test_load_seed_names_a_missing_file(tmp_path):
    with pytest.raises(seed.SeedError, match="cannot read the seed"):
        seed.load_seed(tmp_path / paths.SEED_NAME)


def test_checksum_file_without_the_seed_is_an_error(tmp_path):
    sums = tmp_path / "SHA256SUMS"
    sums.write_text("0" * 64 + "  other.txt\n", encoding="utf-8")
    with pytest.raises(seed.SeedError, match="no checksum for"):
        seed.expected_sha256(paths.SEED_NAME, sums)


def test_boilerplate_is_the_forum_chrome_and_nothing_else():
    """Snapshot: the forum lines as read off the seed by hand."""
    text = seed.load_seed()
    kinds = [(s.kind, s.text[:6]) for s in seed.boilerplate_segments(text)]
    assert kinds == [
        ("forum_header", "璧山县论坛"),
        ("breadcrumb", "首页 » 问"),
        ("timestamp", "TUhjnb"),
        ("advert", "河南白癜风Q"),
        ("footer", "1"),
        ("footer", "查看完整版本"),
    ]


def test_article_runs_from_key_points_to_byline():
    article = seed.article_segments(seed.load_seed())
    assert article[0].kind == "label" and article[0].text == "核心提示:"
    assert article[-1].kind == "byline" and article[-1].text == "上游新闻记者王倩"
    # The sentence that merely begins with the reporter's title is a paragraph, not the byline.
    assert [s.kind for s in article].count("byline") == 1
    assert "直管园上半年GDP增长19.8%" in [s.text for s in article if s.kind == "heading"]


def test_segment_offsets_index_the_seed():
    text = seed.load_seed()
    for s in seed.segments(text):
        assert text[s.start : s.end] == s.text


def test_segments_refuse_text_without_an_article():
    with pytest.raises(ValueError, match="核心提示"):
        seed.segments("论坛\n广告 http://example.com\n")


def test_in_article():
    text = seed.load_seed()
    assert seed.in_article(text, text.index("19.8%"))
    assert not seed.in_article(text, text.index("http://"))


def test_defang_makes_addresses_inert():
    out = seed.defang("群 http://www.guanxxg.com/news/roll/1561233.html")
    assert out == "群 hxxp://www[.]guanxxg[.]com/news/roll/1561233.html"
    assert "http" not in out and "guanxxg.com" not in out
