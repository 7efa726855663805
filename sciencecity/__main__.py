"""Command line: ``python -m sciencecity validate`` and ``python -m sciencecity scan FILE``.

``validate [--data DIR] [--seed FILE]`` checks the data tables against their schema and the
seed; it prints one summary line and exits 0, or prints every problem and exits 1.

``scan [--repost] FILE`` prints the quantities :func:`sciencecity.scanner.scan` finds in a UTF-8
text file as CSV (``start,end,text,value,unit,kind,qualifier``); it exits 1 on a missing, empty or
non-UTF-8 file. ``value`` is a plain decimal; a fall is a negative value (下降3.2% and 增长-3.2%
both give -3.2), and it is empty for a full date and for a lost number. ``--repost`` turns on the
lost-digit rules for a repost that dropped digits (增长% is then a gap); without it they are off,
except for the project's own seed, which is always read as the repost it is.

Errors are messages on standard error, never tracebacks.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path


def _validate(args: argparse.Namespace) -> int:
    # Imported here, not at the top, so that ``scan`` does not pay for loading pandas.
    from .data import DataError
    from .validate import validate

    try:
        problems, summary = validate(args.data, args.seed)
    except DataError as exc:  # the descriptor itself is unreadable
        problems, summary = exc.problems, ""
    except Exception as exc:  # a bug of ours, not of the data: still a message, not a traceback
        print(f"validate: internal error ({type(exc).__name__}: {exc}); please report it", file=sys.stderr)
        return 2
    if problems:
        print(f"validate: {args.data or 'data'}: {len(problems)} problem(s):", file=sys.stderr)
        for problem in problems:
            print(f"  {problem}", file=sys.stderr)
        return 1
    print(f"ok: {summary}")
    return 0


def _read_text(path: Path) -> str:
    """The file's text; :class:`ValueError` with a readable message if it cannot be scanned."""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise ValueError(f"{path}: no such file") from None
    except OSError as exc:
        raise ValueError(f"{path}: cannot read ({exc.strerror})") from None
    if not raw.strip():
        raise ValueError(f"{path}: empty file")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not UTF-8 (invalid byte at offset {exc.start})") from None


def _scan(args: argparse.Namespace) -> int:
    from .scanner import scan

    try:
        text = _read_text(args.file)
    except ValueError as exc:
        print(f"scan: {exc}", file=sys.stderr)
        return 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["start", "end", "text", "value", "unit", "kind", "qualifier"])
    for q in scan(text, repost=True if args.repost else None):
        value = "" if q.value is None else format(q.value, "f")
        out.writerow([q.start, q.end, q.text, value, q.unit, q.kind, q.qualifier])
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = argparse.ArgumentParser(prog="python -m sciencecity", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    validate = commands.add_parser("validate", help="check data/ against its schema and the seed")
    validate.add_argument("--data", type=Path, help="the data directory (default: the project's data/)")
    validate.add_argument("--seed", type=Path, help="the seed file (default: the project's seed)")
    validate.set_defaults(run=_validate)
    scan = commands.add_parser(
        "scan",
        help="print the quantities in a UTF-8 text file as CSV",
        description="Print the quantities in a UTF-8 text file as CSV: start,end,text,value,unit,kind,qualifier. "
        "A fall is a negative value: 下降3.2% and 增长-3.2% both give -3.2. An approximate count keeps its "
        "qualifier (上百, 数十, 十余, 多).",
    )
    scan.add_argument("file", type=Path, help="the text file to scan")
    scan.add_argument(
        "--repost",
        action="store_true",
        help="the text is a repost that lost digits: report units whose number is missing (增长%%, 总投资亿元) "
        "as gaps. Off by default (超亿元 is then 'over 100 million yuan'); always on for the project's seed.",
    )
    scan.set_defaults(run=_scan)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
