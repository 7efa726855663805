"""Command line: ``python -m sciencecity validate`` and ``python -m sciencecity scan FILE``.

``validate [--data DIR] [--seed FILE]`` checks the data tables against their schema and the
seed; it prints one summary line and exits 0, or prints every problem and exits 1.

``scan [--repost] FILE`` prints the quantities :func:`sciencecity.reading.scanner.scan` finds in a UTF-8
text file as CSV (:data:`SCAN_COLUMNS`); it exits 1 on a missing, empty or non-UTF-8 file. What
a fall, a range and "uncertain" mean is :data:`SCAN_POLICY` (``scan --help`` prints it).
``--repost`` turns on the lost-digit rules for a repost that dropped digits (增长% is then a gap);
without it they are off, except for the project's own seed, which is always read as the repost it is.

Errors are messages on standard error, never tracebacks.
"""

from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

#: The columns ``scan`` prints, in order (the first seven are those of earlier versions).
SCAN_COLUMNS = ("start", "end", "text", "value", "unit", "kind", "qualifier", "low", "high", "uncertain")

#: What ``scan`` returns: printed by ``scan --help`` and summarised in the README's scan paragraph.
SCAN_POLICY = """\
Print the quantities in a UTF-8 text file as CSV, one row per quantity:

  start,end   character offsets: the text's characters [start, end) are the quantity
  text        the quantity as written, qualifiers and sign included
  value       a plain decimal in the quantity's own unit (19.8 for 19.8%, 0.85 for 八成五);
              empty for a full date, a range and a lost number
  unit        %, 个百分点, 亿元, 个, 微克/立方米, 元/平方米, 月, 季度, rank ...
  kind        percent, permille, fraction, point_gap, amount, count, rank, ordinal,
              date, year, number or lost
  qualifier   approximators as written: 近, 约, 超过, 至少, 余, 多, 以上, 左右; an approximate
              count keeps its numeral (上百, 数十, 十余, 十几 -> value 10 or 100: an order)
  low,high    a range's two bounds (low <= high); empty for anything else
  uncertain   empty, or why the quantity may not be what the writer meant

A fall is a negative value. A change written as a decrease is negative: 下降3.2%, 减少了两成
(-0.2), 下降三分之一, 降幅为3.2%, 比全国低0.2个百分点, 负增长, and an explicit minus (增长-3.2%).
After 到/至/为 a fall verb gives a level: 下降到3% is 3. A fall before the first item of a list
carries to the others (分别下降3.2%和5.1%). 增长, 提高, 上升 are rises; 降幅收窄 is a rise; 收窄 or
缩小 of anything else stays positive and is marked uncertain (增速收窄 means the rate fell).

A range is one quantity: 5%-8%, 15.1%-20%, 3至5倍, 1-8月, 2021—2025年, 一至八月. Its text spans
both ends, value is empty, low and high are the bounds, unit and kind are the second end's. A
dash between two numbers is never a minus sign; a fall makes both bounds negative (下降5%-8%
gives -8 to -5). A dash right after a quantity that makes no range is marked uncertain.

Ordinals: 第3位, 第一名, 第二大 and 全市第一 are ranks; 第一季度 and 一季度 are quarters (kind
date, unit 季度; 前三季度 is the range 1 to 3); 第二批 and 第十四届 are kind ordinal; 第一产业,
第三方, 第一时间 and a clause's opening 第一 (firstly) are no quantity. Dates: 2021.09.15,
2021/9/15, 2020年9月11日 (value empty), 5月 (value 5). 2021.09 with no unit may be a decimal:
a date, marked uncertain.

Uncertain means: the scanner returns the quantity but cannot tell its sign or form from the
words, and says why; check it before use. Where it cannot tell what a form is at all, it returns
nothing: a miss, never a guess.
"""


def _validate(args: argparse.Namespace) -> int:
    # Imported here, not at the top, so that ``scan`` does not pay for loading pandas.
    from sciencecity.reading.descriptor import DataError
    from sciencecity.rules.validate import validate

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
    from sciencecity.reading.scanner import scan

    try:
        text = _read_text(args.file)
    except ValueError as exc:
        print(f"scan: {exc}", file=sys.stderr)
        return 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(SCAN_COLUMNS)
    for q in scan(text, repost=True if args.repost else None):
        value, low, high = ("" if v is None else format(v, "f") for v in (q.value, q.low, q.high))
        out.writerow([q.start, q.end, q.text, value, q.unit, q.kind, q.qualifier, low, high, q.uncertain])
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
        description=SCAN_POLICY,
        formatter_class=argparse.RawDescriptionHelpFormatter,
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
