"""``python -m sciencecity validate`` and ``scan``: exit codes and readable messages, no tracebacks."""

from __future__ import annotations

import csv
import io
import shutil
import sys
from pathlib import Path

import pytest

from sciencecity.reading import paths

from .conftest import run
from .test_corruptions import CORRUPTIONS


def cli(*args: str | Path) -> tuple[int, str, str]:
    """Run ``python -m sciencecity`` with ``args``; return exit status, stdout and stderr."""
    proc = run([sys.executable, "-m", "sciencecity", *map(str, args)], cwd=paths.ROOT, timeout=120)
    return proc.returncode, proc.stdout, proc.stderr


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(paths.DATA_DIR, tmp_path / "data"))


def assert_rejected(result: tuple[int, str, str], *expected: str) -> None:
    code, out, err = result
    assert code == 1, out + err
    assert "Traceback" not in out + err
    for text in expected:
        assert text in err


def test_the_project_data_validates_with_a_one_line_summary():
    code, out, err = cli("validate")
    assert code == 0, err
    assert out.startswith("ok: ") and out.count("\n") == 1
    assert "figures" in out


#: A few corruptions through a real subprocess (test_corruptions.py runs all of them in-process).
SUBPROCESS = ("quote_not_at_offset", "foreign_key_to_missing_table", "not_utf8", "trailing_comma_in_header")


@pytest.mark.parametrize("corruption", [c for c in CORRUPTIONS if c.id in SUBPROCESS], ids=lambda c: c.id)
def test_validate_rejects_a_corrupted_copy(data_copy, corruption):
    corruption.apply(data_copy)
    assert_rejected(cli("validate", "--data", data_copy), corruption.file, corruption.expect)


def test_validate_rejects_a_seed_whose_checksum_changed(tmp_path):
    seed = tmp_path / paths.SEED_NAME
    seed.write_bytes(paths.SEED_PATH.read_bytes().replace("73个".encode(), "74个".encode()))
    assert_rejected(cli("validate", "--seed", seed), paths.SEED_NAME, "checksum mismatch")


def test_validate_rejects_a_missing_data_directory(tmp_path):
    assert_rejected(cli("validate", "--data", tmp_path / "nowhere"), "datapackage.json")


# --- scan -----------------------------------------------------------------------------------------


def test_scan_prints_the_seed_quantities_as_csv():
    code, out, err = cli("scan", paths.SEED_PATH)
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert list(table[0]) == ["start", "end", "text", "value", "unit", "kind", "qualifier", "low", "high", "uncertain"]
    gdp = next(r for r in table if r["text"].startswith("19.8"))
    assert gdp["value"] == "19.8"
    seed = paths.SEED_PATH.read_text(encoding="utf-8")
    assert seed[int(gdp["start"]) : int(gdp["end"])] == gdp["text"]
    assert any(r["value"] == "" for r in table), "lost digits print an empty value"
    assert all("E" not in r["value"] for r in table), "values are plain decimals"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"", "empty file"),
        (b"\n \n", "empty file"),
        ("增长19.8%".encode("gb18030"), "not UTF-8"),
    ],
    ids=["missing", "empty", "blank", "not_utf8"],
)
def test_scan_rejects_a_file_it_cannot_read(tmp_path, content, expected):
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    assert_rejected(cli("scan", path), "input.txt", expected)


def test_scan_reads_other_text_as_written_unless_told_it_is_a_repost(tmp_path):
    path = tmp_path / "input.txt"
    path.write_text("投资额同比下降3.2%，增长%，超亿元", encoding="utf-8")
    code, out, err = cli("scan", path)
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["text"], r["value"], r["kind"], r["qualifier"]) for r in table] == [
        ("3.2%", "-3.2", "percent", ""),
        ("超亿元", "1", "amount", "超亿"),
    ]
    code, out, err = cli("scan", "--repost", path)
    assert [r["text"] for r in csv.DictReader(io.StringIO(out))] == ["3.2%", "%", "超亿元"]


def test_scan_prints_a_range_with_its_bounds_and_an_uncertain_quantity_with_its_reason(tmp_path):
    path = tmp_path / "input.txt"
    path.write_text("预计增长5%-8%，增速收窄0.5个百分点", encoding="utf-8")
    code, out, err = cli("scan", path)
    assert code == 0, err
    table = list(csv.DictReader(io.StringIO(out)))
    assert [(r["text"], r["value"], r["low"], r["high"], bool(r["uncertain"])) for r in table] == [
        ("5%-8%", "", "5", "8", False),
        ("0.5个百分点", "0.5", "", "", True),
    ]


def test_scan_help_states_the_policy():
    code, out, _ = cli("scan", "--help")
    assert code == 0
    for words in ("A fall is a negative value", "A range is one quantity", "Uncertain means", "low,high"):
        assert words in out


def test_scan_of_the_seed_with_repost_is_the_seed_scan():
    code, out, _ = cli("scan", "--repost", paths.SEED_PATH)
    code2, out2, _ = cli("scan", paths.SEED_PATH)
    assert code == code2 == 0 and out == out2 and ",lost," in out


def test_usage_errors_are_argparse_messages():
    code, _, err = cli("frobnicate")
    assert code == 2 and "usage:" in err and "Traceback" not in err
