#!/usr/bin/env python3
"""How fast the quantity scanner reads text: seconds per megabyte, written to bench/scan_speed.md.

    .venv/bin/python bench/scan_speed.py                  # this tree's scanner
    .venv/bin/python bench/scan_speed.py --ref main       # and the scanner of a git ref, same text
    .venv/bin/python bench/scan_speed.py --out -          # print, write nothing

The text: the article of the seed (its body, without the forum's boilerplate) and every
sentence of the scanner's news-style tests (tests/test_scanner_news.py, tests/test_scanner_holdout.py),
one per line, repeated until it is at least 1 MB of UTF-8 (1 MB = 1,000,000 bytes). Each scanner
reads it ``--runs`` times, as ordinary text and as a repost (the lost-digit rules on); the
median of the runs' CPU time is reported, with the fastest and slowest, and the median wall-clock
time (the machine is shared, so wall-clock time moves with its load).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sciencecity.reading import scanner, seed  # noqa: E402

MB = 1_000_000


def _module(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


def corpus(size: int = MB) -> str:
    """Varied Chinese text of at least ``size`` UTF-8 bytes (module docstring)."""
    text = seed.load_seed()
    lines = [text[s.start : s.end] for s in seed.article_segments(text)]
    for name in ("test_scanner_news", "test_scanner_holdout"):
        lines += [case.values[0] for case in importlib.import_module(f"tests.{name}").CASES]
    block = "\n".join(lines) + "\n"
    return block * -(-size // len(block.encode("utf-8")))


def scanner_at(ref: str) -> ModuleType:
    """The scanner module as it is at git ``ref`` (loaded from a temporary file)."""
    for where in ("sciencecity/reading/scanner.py", "sciencecity/scanner.py"):  # before the layers: the latter
        shown = subprocess.run(["git", "show", f"{ref}:{where}"], cwd=ROOT, capture_output=True, text=True)
        if shown.returncode == 0:
            break
    shown.check_returncode()
    source = shown.stdout
    path = Path(tempfile.mkdtemp()) / "scanner_at_ref.py"
    path.write_text(source, encoding="utf-8")
    return _module(f"_bench_scanner_{ref}", path)


def timings(module: ModuleType, text: str, repost: bool, runs: int) -> tuple[list[float], list[float], int]:
    """CPU and wall-clock seconds of each run of ``module.scan`` over ``text``, and how many quantities it found."""
    cpu, wall, found = [], [], 0
    for _ in range(runs):
        c0, w0 = time.process_time(), time.perf_counter()
        found = len(module.scan(text, repost=repost))
        cpu.append(time.process_time() - c0)
        wall.append(time.perf_counter() - w0)
    return cpu, wall, found


def report(rows: list[tuple[str, str, list[float], list[float], int]], size: int, chars: int) -> str:
    lines = [
        "# Scanner speed",
        "",
        "Written by `bench/scan_speed.py` (see its docstring for the text and the method); the Lighthouse and",
        "build timings are in `bench/results.md`.",
        "",
        f"Text: {size:,} bytes of UTF-8 ({chars:,} characters), the article and the scanner's test sentences",
        f"repeated. Machine: Python {platform.python_version()} on {platform.machine()}, "
        f"{os.cpu_count()} CPUs shared with other work (load average {os.getloadavg()[0]:.1f} at the end):",
        "CPU seconds are the process's own and move little with the load; wall-clock seconds move with it.",
        "",
        "| scanner | rules | quantities found | CPU s per MB (median) | fastest | slowest | wall s per MB (median) |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, rules, cpu, wall, found in rows:
        per_mb = [s / (size / MB) for s in cpu]
        median, fastest, slowest = statistics.median(per_mb), min(per_mb), max(per_mb)
        wall_mb = statistics.median(wall) / (size / MB)
        lines.append(f"| {name} | {rules} | {found:,} | {median:.2f} | {fastest:.2f} | {slowest:.2f} | {wall_mb:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ref", help="also time the scanner of this git ref (e.g. main)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default=str(ROOT / "bench" / "scan_speed.md"), help="'-' to print only")
    args = parser.parse_args(argv)
    text = corpus()
    size = len(text.encode("utf-8"))
    modules = [("this tree", scanner)] + ([(f"git {args.ref}", scanner_at(args.ref))] if args.ref else [])
    rows = []
    for name, module in modules:
        for repost, rules in ((False, "ordinary text"), (True, "repost (lost digits)")):
            cpu, wall, found = timings(module, text, repost, args.runs)
            rows.append((name, rules, cpu, wall, found))
    out = report(rows, size, len(text))
    if args.out == "-":
        print(out, end="")
    else:
        Path(args.out).write_text(out, encoding="utf-8")
        print(out, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
