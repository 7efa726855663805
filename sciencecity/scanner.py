"""Find every quantity in Chinese text, with its character span in the text as given.

Belongs here: reading quantities out of text, and tying a figure's quote to the quantity it
states (:func:`stated_by`). What a quantity means for the report is elsewhere.

:func:`scan` returns :class:`Quantity` records sorted by ``start``, never overlapping; ``start`` and
``end`` are Python string indices into the text passed in (no normalisation moves them), so
``text[q.start:q.end] == q.text``. :func:`parse_chinese_number` reads one numeral.

What counts as a quantity
-------------------------
- **Arabic numerals** (ASCII or full-width, with decimals and ``1,234`` thousands groups) are always
  reported: with a unit when one follows, else as kind ``"number"`` (URL and footer digits too).
  Digits glued to ASCII letters (``5G``, ``H1N1``) are names, not numbers, and are skipped.
- **Chinese numerals** are reported only in a quantifying context: a unit or measure word after
  them (两种, 四大, 十四个, 上百个), ``第`` before them (第一), ``百分之`` before them. A bare
  Chinese numeral is part of a name, idiom or slogan (九龙坡, 华润三九, 两山, 一二三产, 一核五区,
  千万不要) and is not reported. Judgement call on 一核五区: it is the Science City's spatial
  slogan ("one core area, five districts"); the scanner does not report slogans, so a report that
  wants the "five districts" must cite the five 片区 the article lists.
- A lone ``一`` is the indefinite article or part of a word (一些, 一批, 一条, 一手, 一大批, 一组,
  一期, 一年来, 一周年, 这一年, 新一代, 统一, 唯一) and is reported only before ``%``,
  ``个百分点`` or ``倍``, or as 第一. A lone ``零``/``〇`` is a word (零突破, 零部件, 零售): never.
- A single ``百``/``千``/``万``/``亿`` counts only with an approximator: 上百, 数百, 近百, 百余, 千多,
  千亿级 (so 千家万户 is not 1000 households). Its ``qualifier`` then includes the numeral
  ("上百", "百余"), since the numeral alone is an order of magnitude, not a count.
- Multi-digit Chinese digit strings without 十/百/千 (二〇二一) are read only as years before ``年``;
  elsewhere they are names (华润三九) or doubled words (唯一一个).
- **Ranks**: 第 + number (+ 位/名/个/家/大): 第3位, 第一; and ``首`` + 个/家/座/台/款/所/条/位 (全市首个
  = the city's first of its kind) as rank 1. 首批, 首场, 首次, 首届 label the first of a series or
  batch and are not ranks. ``N强`` (世界500强) is kind ``"rank"`` with unit ``"强"``.
- **Dates**: ``2020年9月11日``, ``5月27日`` (unit ``"date"``, value None: a date is not one number;
  read it from ``text``), ``5月`` (unit ``"月"``, value 5), ``11日`` (unit ``"日"``), ``2021年``
  (kind ``"year"``), timestamps ``2024/9/15 12:49:00``. Other numbers before 年/个月/天 are
  durations: kind ``"number"``, unit ``"年"`` (两年平均增速 -> 2).
- **Amounts** keep their magnitude in the unit: "3.5万亿元" -> 3.5 ``万亿元``. ``千亿级`` (a class of
  magnitude, used of money in economic writing) -> 1000, unit ``亿元``, qualifier ``千亿级``.
- **Qualifiers** as written: before the number 近, 将近, 接近, 约, 大约, 超, 超过, 逾, 不到, 不足
  (not where they end a word: 最近, 附近, 签约, 赶超); between number and unit 余, 多 (also after
  the magnitude: 4亿多元, 1万余人); after the unit 以上, 以下, 左右. Several are joined in reading order.
- **Approximate counts** keep the numeral in the qualifier: 数十, 几十, 上百, 十余, 近千亿 (value
  10, 10, 100, 10, 1000: an order, never an exact count); a plain 十家 is ten.
- **Falls are negative values.** A sign before Arabic digits (-, －, −, ﹣; not a hyphen after a
  digit or letter: 2020-09) is the number's: 增长-3.2% gives -3.2. A fall word right before the
  number (下降, 减少, 回落, 下滑, 下跌, 降低, 缩减, 萎缩, 降幅, 负增长; 了 may follow it) makes
  the value negative: 下降3.2% gives -3.2. After 到/至/为 the number is a level (下降到3% is 3).
- **Elided units**, as spoken: 一万二 is 12000, 两千四 is 2400 (两千四亿元 is 2400 亿元), 一百五 is 150;
  with 零 the digit stays a unit (一万零二 is 10002). A Chinese numeral with 万 or 亿 is a number
  without a unit too (一万二, 两千四百亿 in 亿), except in a short list of idioms (:data:`_IDIOMS`:
  千万不要, 万一, 亿万, 十万火急 ...).
- **Shares other than %**: ‰ and 千分之 are kind ``"permille"`` (value in ‰); 三成, 三分之一 and
  1/3 are kind ``"fraction"`` with the value as a fraction of one (0.3, 1/3 to 28 digits), unit
  ``"成"``, ``"分之"`` or ``"/"``. Full-width digits and separators (１，０５６家) read as ASCII ones;
  一月 is January where a date is plain (今年一月, 一月份), not in 统一月报.

Lost digits (a repost that dropped every run of three or more digits)
----------------------------------------------------------------------
These rules suit a damaged repost, not ordinary text (there 超亿元 is "over ¥100m" and 增长% a
typo), so they are off unless :func:`scan` is asked for them (``repost=True``, ``scan --repost``);
the project's own seed is always read with them (:func:`is_known_repost`).
A unit with its number missing is reported as kind ``"lost"``, ``value`` None, ``lost`` True, and
``survives`` holding what is left of the number, if anything:

- ``%``, ``个百分点`` with no number: 增长% (a qualifier before it, e.g. 近%, is kept).
- ``亿元``/``万元`` with no number: 总投资亿元, 近亿元. 近亿元 and 超亿元 can mean "nearly/over
  ¥100m" in ordinary Chinese, but in a source that dropped 3+ digit runs the gap is the likelier
  reading (here 总投资近亿元 sits beside 千亿级投资信号, so "nearly ¥100m" cannot be right); 上亿, 数亿,
  几亿, 每万元 are read as written.
- a number with only its fraction left: 实现.9亿元 (survives ".9").
- ``个`` after a noun, closing a clause: 等项目个, 研发机构个 (but not 这个, 各个, 无数个, 首个...).
- ``强`` after 世界/全球/中国/全国/国内/全省/全市/民营 and before 企业/榜/名单/公司/之一: 世界强企业.
- a bare ``年`` that starts a clause (line start, after punctuation or an opening bracket) or
  follows a verb or preposition that takes a date (预计, 计划, 于, 在, 到, 至...), unless 年 begins
  an ordinary word there (年内, 年底, 年初, 年均, 年产...): "年9月11日" (survives "9月11日"),
  "说明,年,", "预计年建成", "《年度". 今年, 上半年, 一年, 两年, 一周年 are never gaps. Judgement
  call: "项目预计年内启动" was probably "2021年内" in the original, but 年内 ("within the year") is
  an ordinary word, so it is NOT reported; likewise "《年度…》" is reported although 年度 opens a
  genuine title now and then ("《年度报告》").
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["KINDS", "Quantity", "is_known_repost", "parse_chinese_number", "scan", "stated_by"]

#: Every value of :attr:`Quantity.kind`.
KINDS = ("percent", "permille", "fraction", "point_gap", "amount", "count", "rank", "date", "year", "number", "lost")


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text.

    ``value`` is a plain :class:`~decimal.Decimal` in the expression's own unit (19.8 for
    "19.8%", 1000 for "千亿级" in 亿元). It is None for lost numbers and for full dates
    ("5月27日"); test ``lost``, not ``value is None``, to find the gaps.
    """

    start: int
    end: int
    text: str
    value: Decimal | None
    unit: str
    kind: str
    qualifier: str
    lost: bool
    survives: str


# --- Numerals ---------------------------------------------------------------------------------

_FULLWIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_CN_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_CN_MULTIPLIERS = {"十": 10, "百": 100, "千": 1000, "万": 10**4, "亿": 10**8}
_CN_NUMERAL_CHARS = "零〇一二两三四五六七八九十百千万亿"


def _plain(value: Decimal) -> Decimal:
    """``value`` without trailing zeros and never in exponent form: 100, 19.8, 12000."""
    value = value.normalize()
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value


def _cn_integer(s: str) -> int:
    """Read a Chinese integer: positional (一千二百零五) or a digit string (二〇二一).

    A last digit right after 百, 千, 万 or 亿 counts in the next unit down, as spoken:
    一万二 is 12000, 两千四 is 2400, 一百五 is 150 (with 零 it stays a unit: 一万零二 is 10002).
    """
    if all(ch in _CN_DIGITS for ch in s):
        return int("".join(str(_CN_DIGITS[ch]) for ch in s))
    total = 0  # completed 亿 groups
    wan = 0  # completed 万 group inside the current 亿 group
    section = 0  # below 万
    digit: int | None = None
    last_unit = 10**4
    seen_wan = False
    after: int | None = None  # the unit just before the current digit (None after 零)
    prev = ""
    for ch in s:
        if ch in _CN_DIGITS:
            if digit:  # two non-zero digits in a row: 二三十
                raise ValueError(f"not a Chinese number: {s!r}")
            digit = _CN_DIGITS[ch]
            after = _CN_MULTIPLIERS.get(prev) if prev in _CN_MULTIPLIERS else None
        elif ch in _CN_SMALL_UNITS:
            unit = _CN_SMALL_UNITS[ch]
            if unit >= last_unit or digit == 0:
                raise ValueError(f"not a Chinese number: {s!r}")
            section += (1 if digit is None else digit) * unit
            digit, last_unit = None, unit
        elif ch == "万":
            if seen_wan:
                raise ValueError(f"not a Chinese number: {s!r}")
            wan = ((section + (digit or 0)) or 1) * 10**4
            section, digit, last_unit, seen_wan = 0, None, 10**4, True
        elif ch == "亿":
            total = (total + wan + section + (digit or 0) or 1) * 10**8
            wan = section = 0
            digit, last_unit, seen_wan = None, 10**4, False
        else:
            raise ValueError(f"not a Chinese number: {s!r}")
        prev = ch
    if digit and after and after >= 100:
        digit *= after // 10  # 一万二: the 2 is 2000
    return total + wan + section + (digit or 0)


def parse_chinese_number(s: str) -> Decimal:
    """Read a numeral written in Chinese, Arabic or full-width digits, as a plain Decimal.

    "三十" -> 30, "两百" -> 200, "一千二百零五" -> 1205, "十五" -> 15, "百" -> 100,
    "三点五" -> 3.5, "二〇二一" -> 2021, "１２．５" -> 12.5, "1.2万" -> 12000, "3,400" -> 3400.
    Raises :class:`ValueError` for anything else (qualifiers such as 余 or 上 are not numerals).
    """
    t = s.strip().translate(_FULLWIDTH)
    arabic = re.fullmatch(r"([0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?)([十百千万亿]*)", t)
    if arabic:
        value = Decimal(arabic[1].replace(",", ""))
        for ch in arabic[2]:
            value *= _CN_MULTIPLIERS[ch]
        return _plain(value)
    integer, point, fraction = t.partition("点")
    if not integer or (point and not fraction) or any(ch not in _CN_DIGITS for ch in fraction):
        raise ValueError(f"not a number: {s!r}")
    value = Decimal(_cn_integer(integer))
    if fraction:
        value += Decimal("0." + "".join(str(_CN_DIGITS[ch]) for ch in fraction))
    return _plain(value)


# --- Vocabulary -------------------------------------------------------------------------------

_AR = r"[0-9０-９]+(?:,[0-9]{3}(?![0-9])|[,，][０-９]{3}(?![0-9０-９]))*(?:[.．][0-9０-９]+)?"
_CN = r"[零〇一二两三四五六七八九十百千万亿]+(?:点[零〇一二三四五六七八九]+)?"
_NUMERAL = re.compile(rf"(?<![0-9０-９.．])(?P<ar>{_AR})|(?P<cn>{_CN})")
#: A minus sign before Arabic digits (ASCII, full-width, Unicode minus, small hyphen-minus).
_MINUS = "-－−﹣"
#: Words that say the number after them is a fall: the quantity's value is then negative.
_FALL_WORDS = ("负增长", "同比下降", "同比减少", "下降", "减少", "回落", "下滑", "下跌", "降低", "缩减", "萎缩", "降幅")
#: After a fall word these make the number a level, not a change: 下降到3% (fell to 3%).
_LEVEL_AFTER_FALL = "到至为"
#: What may follow 一月 when it is January (not 统一月报, 一月一次).
_ONE_MONTH_AFTER = "份底初中末至到起以上下"
#: Idioms made of numerals and 万/亿 that are no quantity (千万不要 "by no means").
_IDIOMS = ("千万不", "千万别", "千万要", "千万记", "千万莫", "万一", "亿万", "万万", "千千万万", "十万火急", "千万家")

_PRE_QUALIFIERS = ("将近", "接近", "超过", "大约", "不到", "不足", "近", "约", "超", "逾")
_APPROXIMATORS = ("上", "数", "几")  # only before a lone 十/百/千/万/亿: 上百, 数千, 几十
#: Characters that, just before a one-character qualifier, make it the end of a word instead.
_QUALIFIER_BLOCKERS = {"近": "最附亲靠贴就邻", "约": "签预合节制公契相邀婚条", "超": "赶高入出"}
_POST_QUALIFIERS = ("以上", "以下", "左右")

_MAGNITUDES = ("万亿", "千亿", "百亿", "千万", "百万", "亿", "万")  # after Arabic digits
_CURRENCIES = ("美元", "欧元", "港元", "英镑", "元")
_POINT_UNITS = ("个百分点", "百分点")
_MEASURES = (
    "平方公里",
    "平方千米",
    "平方米",
    "千瓦时",
    "公顷",
    "公里",
    "千米",
    "千瓦",
    "兆瓦",
    "小时",
    "分钟",
    "个月",
    "周年",
    "天",
    "亩",
    "吨",
    "米",
    "岁",
    "倍",
)
_COUNTERS = (
    "人次",
    "个",
    "家",
    "项",
    "种",
    "类",
    "大",
    "名",
    "位",
    "人",
    "所",
    "座",
    "台",
    "套",
    "条",
    "件",
    "款",
    "只",
    "支",
    "批",
    "次",
    "届",
    "场",
    "期",
    "处",
    "栋",
    "幢",
    "块",
    "户",
    "辆",
    "架",
    "部",
    "本",
    "张",
    "枚",
    "颗",
    "篇",
    "艘",
    "组",
    "轮",
    "份",
    "例",
    "宗",
    "间",
    "门",
)

_MONTH_DAY = re.compile(
    r"(?P<m>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,3})月"
    r"(?:(?P<d>[0-9０-９]{1,2}|[一二三四五六七八九十]{1,4})[日号])?"
)
_TIMESTAMP = re.compile(
    r"(?<![0-9])[0-9]{4}(?P<sep>[/-])[0-9]{1,2}(?P=sep)[0-9]{1,2}"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?![0-9])"
)
_RANK = re.compile(rf"第(?P<n>[0-9０-９]+|{_CN})[位名个家大]?")
_FIRST = re.compile(r"首[个家座台款所条位]")
_FIRST_BLOCKERS = "元回自俯昂榜部党祸匪罪"  # 元首, 自首 ...: 首 ends a word
_PERCENT_WORDS = re.compile(rf"(?P<base>[百千])分之(?P<n>{_AR}|{_CN})")
_FRACTION_WORDS = re.compile(rf"(?P<den>{_AR}|{_CN})分之(?P<num>{_AR}|{_CN})")
_FRACTION_SLASH = re.compile(r"(?<![0-9０-９A-Za-z.．/:_\-])(?P<num>[0-9]{1,3})/(?P<den>[0-9]{1,3})(?![0-9A-Za-z.．/])")
_TENTHS = re.compile(r"(?P<n>[二两三四五六七八九]|[1-9])成(?P<half>半)?")
#: Characters after 成 that make it part of a word (三成员, 八成功), not tenths.
_TENTHS_BLOCKERS = "为功立果本员都绩交型熟长就品分语年人"

_GAP_PERCENT = re.compile(r"个百分点|百分点|[%％]")
_GAP_AMOUNT = re.compile(r"(?:万亿|亿|万)(?:美元|欧元|港元|英镑|元)")
_GAP_AMOUNT_READ_AS_WRITTEN = "每上数几多余"  # 每万元, 上亿元, 10多亿元 ...
_GAP_FRACTION = re.compile(r"(?<![0-9０-９A-Za-z.．/])[.．][0-9０-９]+")
_GAP_TOP = re.compile(r"(?<=世界|全球|中国|全国|国内|全省|全市|民营)强(?=企业|榜|名单|公司|之一)")
_GAP_COUNT_NOT_BEFORE = "这那每某各整哪几多数半上下逐单真干另首第"
_GAP_YEAR_AFTER = ("预计", "计划", "将于", "截至", "力争", "争取", "确保", "预期", "于", "在", "到", "至")
#: Characters that make 年 the first half of an ordinary word (年内, 年底, 年均 ...).
_YEAR_WORDS = "内底初中末终尾头前后来间均产代轻龄会份货夜画糕薪报检化鉴限级华景味关号历月节"


def _digits(s: str) -> str:
    return s.translate(_FULLWIDTH)


def _is_boundary(ch: str) -> bool:
    """Start or end of text, whitespace or punctuation (ASCII or CJK)."""
    return not ch or ch.isspace() or unicodedata.category(ch)[0] in "PS"


def _is_han(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf")


def _char(text: str, i: int) -> str:
    """``text[i]``, or "" outside the text."""
    return text[i] if 0 <= i < len(text) else ""


def _is_latin(ch: str) -> bool:
    return bool(ch) and ch.isascii() and ch.isalpha()


def _one_of(ch: str, chars: str) -> bool:
    """Whether ``ch`` is one of ``chars`` ("" outside the text is none of them)."""
    return bool(ch) and ch in chars


def _is_numeral_char(ch: str) -> bool:
    return bool(ch) and (ch in _CN_NUMERAL_CHARS or _digits(ch).isdigit())


def _startswith_any(text: str, pos: int, words: tuple[str, ...]) -> str:
    """The first of ``words`` found at ``text[pos:]``, or ""."""
    return next((w for w in words if text.startswith(w, pos)), "")


def _pre_qualifier(text: str, start: int, words: tuple[str, ...] = _PRE_QUALIFIERS) -> str:
    """The qualifier of ``words`` that ends at ``start``, unless it ends a word there (最近)."""
    for word in words:
        if text.endswith(word, 0, start):
            blockers = _QUALIFIER_BLOCKERS.get(word, "")
            if not _one_of(_char(text, start - len(word) - 1), blockers):
                return word
    return ""


def _quantity(
    text: str,
    start: int,
    end: int,
    value: Decimal | None,
    unit: str,
    kind: str,
    qualifier: str = "",
    survives: str = "",
) -> Quantity:
    return Quantity(
        start,
        end,
        text[start:end],
        None if value is None else _plain(value),
        unit,
        kind,
        qualifier,
        kind == "lost",
        survives,
    )


def _read_unit(text: str, pos: int, magnitude: str) -> tuple[str, str, int] | None:
    """The unit at ``pos`` after a number with ``magnitude`` (万, 亿 ... or ""): unit, kind, end.

    Dates and years are read by the caller; 年 is not a unit here.
    """
    if not magnitude:
        if _char(text, pos) in ("%", "％"):
            return "%", "percent", pos + 1
        if _char(text, pos) == "‰":
            return "‰", "permille", pos + 1
        if unit := _startswith_any(text, pos, _POINT_UNITS):
            return unit, "point_gap", pos + len(unit)
    if unit := _startswith_any(text, pos, _CURRENCIES):
        return magnitude + unit, "amount", pos + len(unit)
    if magnitude and _char(text, pos) == "级":
        return magnitude + "元", "amount", pos + 1
    if unit := _startswith_any(text, pos, _MEASURES):
        return magnitude + unit, "number", pos + len(unit)
    if unit := _startswith_any(text, pos, _COUNTERS):
        return magnitude + unit, "count", pos + len(unit)
    if not magnitude and _char(text, pos) == "强":
        return "强", "rank", pos + 1
    if magnitude:
        return magnitude, "number", pos
    return None


def _month_day(text: str, pos: int) -> int | None:
    """End of a valid "M月" or "M月D日" at ``pos``, or None."""
    m = _MONTH_DAY.match(text, pos)
    if not m:
        return None
    if m["m"] == "一" and not (  # 一月 is January only where a date is plain: 今年一月, 一月份, 一月5日
        m["d"]
        or _one_of(_char(text, pos - 1), "年今去明")
        or _is_boundary(_char(text, m.end("m") + 1))
        or _one_of(_char(text, m.end("m") + 1), _ONE_MONTH_AFTER)
    ):
        return None
    try:
        month = parse_chinese_number(m["m"])
        day = parse_chinese_number(m["d"]) if m["d"] else None
    except ValueError:
        return None
    if not 1 <= month <= 12 or month != int(month):
        return None
    if day is not None and 1 <= day <= 31 and day == int(day):
        return m.end()
    return m.end("m") + 1


# --- Recognisers ------------------------------------------------------------------------------


def _split_magnitude(run: str) -> tuple[str, str]:
    """Split a trailing 万/亿/万亿 off a Chinese numeral: "千亿" -> ("千", "亿").

    Not when it multiplies more than the last group: "一亿二千万" stays whole.
    """
    for magnitude, bigger in (("万亿", "万亿"), ("亿", "亿"), ("万", "万亿")):
        if run.endswith(magnitude):
            head = run[: -len(magnitude)]
            if not any(ch in head for ch in bigger):
                return head, magnitude
    return run, ""


def _date_or_year(text: str, start: int, end: int, value: Decimal, year_like: bool) -> Quantity | None:
    """A date ("9月11日", "5月") or a year ("2021年", "2020年9月11日") at ``start``.

    ``end`` is where the numeral ends; ``year_like`` says it has four digits.
    """
    date_end = _month_day(text, start)
    if date_end is not None:
        if text[date_end - 1] in "日号":
            return _quantity(text, start, date_end, None, "date", "date")
        return _quantity(text, start, date_end, value, "月", "date")
    if year_like and _char(text, end) == "年":
        date_end = _month_day(text, end + 1)
        if date_end is None:
            return _quantity(text, start, end + 1, value, "年", "year")
        return _quantity(text, start, date_end, None, "date", "date")
    return None


def _numeral_quantity(text: str, m: re.Match[str], repost: bool = False) -> Quantity | None:
    """The quantity a numeral match starts, or None when it is no quantity (module docstring)."""
    start, pos, run = m.start(), m.end(), m.group()
    arabic = m["ar"] is not None
    if arabic and (_is_latin(_char(text, start - 1)) or _is_latin(_char(text, pos))):
        return None  # 5G, H1N1: a name
    numeral, magnitude = (run, "") if arabic else _split_magnitude(run)
    try:
        value = parse_chinese_number(numeral) if numeral else Decimal(1)
    except ValueError:
        return None  # 二三十, 万万: idioms and approximations, not one number
    lone_word = run in ("一", "零", "〇")
    lone_magnitude = run in ("百", "千", "万", "亿", "万亿")
    digit_string = not arabic and len(run) > 1 and all(ch in _CN_DIGITS for ch in run)

    one_month = run == "一" and _char(text, pos) == "月"
    if not (magnitude or (lone_word and not one_month) or lone_magnitude) and value == int(value):
        year_like = len(run) == 4 and (digit_string or (arabic and _digits(run).isdigit()))
        dated = _date_or_year(text, start, pos, value, year_like)
        if dated is not None:
            return dated
        if arabic and _char(text, pos) == "日" and 1 <= value <= 31:
            return _quantity(text, start, pos + 1, value, "日", "date")
    if digit_string:
        return None  # 华润三九, 唯一一个

    post = _char(text, pos) if _one_of(_char(text, pos), "余多") else ""
    unit_at = pos + len(post)
    if not magnitude:
        magnitude = _startswith_any(text, unit_at, _MAGNITUDES if arabic else ("万亿", "亿", "万"))
        unit_at += len(magnitude)
    if magnitude and not post and _one_of(_char(text, unit_at), "余多"):
        behind = _read_unit(text, unit_at + 1, magnitude)
        if behind is not None and behind[0] != magnitude:  # 4亿多元, 1万余人
            post, unit_at = _char(text, unit_at), unit_at + 1
    if not magnitude and _char(text, unit_at) == "年":
        read: tuple[str, str, int] | None = ("年", "number", unit_at + 1)  # a duration: 两年
    else:
        read = _read_unit(text, unit_at, magnitude)
    if read is None and not arabic and not lone_magnitude and ("万" in run or "亿" in run):
        read = ("", "number", pos)  # 一万二, 两千四百亿: a large number needs no unit to be one
    if read is None:
        if not arabic:
            return None  # bare Chinese numerals are names and idioms: 九龙坡, 两山
        post = "" if post == "多" else post  # 多 needs a unit after it: 30多个
        read = ("", "number", pos + len(post))
    unit, kind, end = read
    if not arabic and _in_idiom(text, start, max(end, pos)):
        return None  # 千万不要, 万一
    if lone_word and unit not in ("%", "个百分点", "百分点", "倍", "‰"):
        return None  # 一些, 一批, 一大批, 一年来, 零部件

    magnitude_class = bool(magnitude) and text[end - 1] == "级"  # 千亿级
    pre = _pre_qualifier(text, start)
    head_lone = not arabic and numeral in ("十", "百", "千", "")  # 数十, 上百, 几千, 上亿
    if head_lone:
        pre = pre or _pre_qualifier(text, start, _APPROXIMATORS)
    if lone_magnitude:
        if repost and unit.endswith(_CURRENCIES) and run in ("万", "亿", "万亿"):
            approximated = pre in _APPROXIMATORS or bool(post)  # in a repost 近亿元 is a gap: _gaps
        else:
            approximated = bool(pre or post)
        if not (approximated or magnitude_class):
            return None  # 千家万户
    after = _startswith_any(text, end, _POST_QUALIFIERS) if unit else ""
    if magnitude_class:
        qualifier = pre + text[start:end]
    elif head_lone and (pre or post):
        qualifier = pre + run + post + after  # 上百, 数十, 十余, 近千亿: the numeral is an order, not a count
    else:
        qualifier = pre + post + after
    begin = start - len(pre)
    if arabic and not pre and _is_sign(text, start):
        begin, value = start - 1, -value  # 增长-3.2%: an explicit sign
    elif _falls_before(text, begin) and value > 0:
        value = -value  # 下降3.2%: a fall is a negative value
    return _quantity(text, begin, end + len(after), value, unit, kind, qualifier)


def _in_idiom(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps one of :data:`_IDIOMS` (千万不要, 万一 ...)."""
    for idiom in _IDIOMS:
        i = text.find(idiom, max(0, start - len(idiom) + 1))
        while i != -1 and i < end:
            if i + len(idiom) > start:
                return True
            i = text.find(idiom, i + 1)
    return False


def _is_sign(text: str, start: int) -> bool:
    """Whether a minus sign just before ``start`` is the number's sign (not a hyphen: 2020-09, A-3)."""
    before = _char(text, start - 2)
    return _one_of(_char(text, start - 1), _MINUS) and not (
        _is_numeral_char(before) or _is_latin(before) or _one_of(before, ".．/")
    )


def _falls_before(text: str, start: int) -> bool:
    """Whether a fall word (下降, 减少, 回落, 负增长 ...) stands just before ``start`` (了 may follow it)."""
    end = start - 1 if _char(text, start - 1) == "了" else start
    return any(text.endswith(word, 0, end) for word in _FALL_WORDS)


def _numerals(text: str, repost: bool = False) -> list[Quantity]:
    """Numbers followed by a unit, a date part or (Arabic only) nothing."""
    found = (_numeral_quantity(text, m, repost) for m in _NUMERAL.finditer(text))
    return [q for q in found if q is not None]


def _ranks(text: str) -> list[Quantity]:
    """第3位, 第一, and 首个 (rank 1)."""
    found = []
    for m in _RANK.finditer(text):
        try:
            value = parse_chinese_number(m["n"])
        except ValueError:
            continue
        found.append(_quantity(text, m.start(), m.end(), value, "rank", "rank"))
    for m in _FIRST.finditer(text):
        if not _one_of(_char(text, m.start() - 1), _FIRST_BLOCKERS):
            found.append(_quantity(text, m.start(), m.end(), Decimal(1), "rank", "rank"))
    return found


def _timestamps_and_percent_words(text: str) -> list[Quantity]:
    """2024/9/15 12:49:00, 百分之十九点八 (19.8 %) and 千分之五 (5 ‰)."""
    found = [_quantity(text, m.start(), m.end(), None, "date", "date") for m in _TIMESTAMP.finditer(text)]
    for m in _PERCENT_WORDS.finditer(text):
        try:
            value = parse_chinese_number(m["n"])
        except ValueError:
            continue
        pre = _pre_qualifier(text, m.start())
        if _falls_before(text, m.start() - len(pre)):
            value = -value
        unit, kind = ("%", "percent") if m["base"] == "百" else ("‰", "permille")
        found.append(_quantity(text, m.start() - len(pre), m.end(), value, unit, kind, pre))
    return found


def _ratio(num: Decimal, den: Decimal) -> Decimal | None:
    """``num / den`` (28 significant digits when it does not terminate), None for a zero denominator."""
    return None if den == 0 else num / den


def _fractions(text: str) -> list[Quantity]:
    """三分之一, 1/3 and 三成 (3 tenths) as kind ``fraction``: the value is the fraction of one."""
    found = []
    for m in _FRACTION_WORDS.finditer(text):
        if m["den"] in ("百", "千"):
            continue  # 百分之, 千分之: percent and per mille
        try:
            value = _ratio(parse_chinese_number(m["num"]), parse_chinese_number(m["den"]))
        except ValueError:
            continue
        if value is not None:
            pre = _pre_qualifier(text, m.start())
            found.append(_quantity(text, m.start() - len(pre), m.end(), value, "分之", "fraction", pre))
    for m in _FRACTION_SLASH.finditer(text):
        value = _ratio(Decimal(m["num"]), Decimal(m["den"]))
        if value is not None and value <= 1:
            pre = _pre_qualifier(text, m.start())
            found.append(_quantity(text, m.start() - len(pre), m.end(), value, "/", "fraction", pre))
    for m in _TENTHS.finditer(text):
        before, after = _char(text, m.start() - 1), _char(text, m.end())
        if _is_numeral_char(before) or _one_of(after, _TENTHS_BLOCKERS) or _one_of(before, "第"):
            continue
        value = (parse_chinese_number(m["n"]) + (Decimal("0.5") if m["half"] else 0)) / 10
        pre = _pre_qualifier(text, m.start())
        after = _startswith_any(text, m.end(), _POST_QUALIFIERS)
        found.append(_quantity(text, m.start() - len(pre), m.end() + len(after), value, "成", "fraction", pre + after))
    return found


def _lost(text: str, start: int, end: int, unit: str, survives: str = "") -> Quantity:
    """A gap: ``text[start:end]`` is a unit (with any qualifier) whose number was dropped."""
    pre = _pre_qualifier(text, start)
    return _quantity(text, start - len(pre), end, None, unit, "lost", pre, survives)


def _gaps(text: str) -> list[Quantity]:
    """Units whose number the repost dropped (see the module docstring)."""
    found = []
    for m in _GAP_PERCENT.finditer(text):
        before = _char(text, m.start() - len(_pre_qualifier(text, m.start())) - 1)
        if not _is_numeral_char(before) and not _one_of(before, "几数多余干.．"):
            found.append(_lost(text, m.start(), m.end(), "%" if m[0] in "%％" else m[0]))
    for m in _GAP_AMOUNT.finditer(text):
        before = _char(text, m.start() - len(_pre_qualifier(text, m.start())) - 1)
        if not _is_numeral_char(before) and not _one_of(before, _GAP_AMOUNT_READ_AS_WRITTEN + ".．"):
            found.append(_lost(text, m.start(), m.end(), m[0]))
    for m in _GAP_FRACTION.finditer(text):
        if not (_is_han(_char(text, m.start() - 1)) or _is_boundary(_char(text, m.start() - 1))):
            continue
        magnitude = _startswith_any(text, m.end(), _MAGNITUDES)
        unit, _, end = _read_unit(text, m.end() + len(magnitude), magnitude) or ("", "", m.end())
        found.append(_lost(text, m.start(), end, unit, m[0]))
    for m in re.finditer("个", text):
        before, after = _char(text, m.start() - 1), _char(text, m.end())
        if (
            _is_han(before)
            and not _is_numeral_char(before)
            and not _one_of(before, _GAP_COUNT_NOT_BEFORE)
            and _is_boundary(after)
        ):
            found.append(_lost(text, m.start(), m.end(), "个"))
    found += [_lost(text, m.start(), m.end(), "强") for m in _GAP_TOP.finditer(text)]
    for m in re.finditer("年", text):
        before = _char(text, m.start() - 1)
        if _one_of(_char(text, m.end()), _YEAR_WORDS) or not (
            _is_boundary(before) or text.endswith(_GAP_YEAR_AFTER, 0, m.start())
        ):
            continue
        date_end = _month_day(text, m.end())
        if date_end is None:
            found.append(_lost(text, m.start(), m.end(), "年"))
        else:
            found.append(_lost(text, m.start(), date_end, "date", text[m.end() : date_end]))
    return found


def is_known_repost(text: str) -> bool:
    """Whether ``text`` is one of the project's seeds: its SHA-256 is listed in ``seeds/SHA256SUMS``.

    These are the damaged reposts the lost-digit rules were written for.
    """
    from . import paths  # here: the scanner itself needs nothing of the project

    try:
        listed = paths.CHECKSUMS_PATH.read_text(encoding="utf-8").split()
    except OSError:
        return False
    return hashlib.sha256(text.encode("utf-8")).hexdigest() in listed


def scan(text: str, repost: bool | None = None) -> list[Quantity]:
    """Every quantity in ``text``, sorted by start and never overlapping.

    ``repost`` turns on the lost-digit rules (module docstring), which suit a repost that
    dropped digits, not ordinary text (there 超亿元 is "over ¥100m", not damage). ``True`` or
    ``False`` decide; ``None`` (the default) turns them on only for the project's own seed
    (:func:`is_known_repost`), so ``scan(load_seed())`` reads the seed's gaps and any other text
    is read as written.

    Where recognisers disagree the leftmost match wins, then the longest: "第3位" (rank) over
    "3位", "年9月11日" (lost year) over "9月11日", "3.3个百分点" over "3.3个".
    """
    if repost is None:
        repost = is_known_repost(text)
    candidates = [*_timestamps_and_percent_words(text), *_fractions(text), *_ranks(text), *_numerals(text, repost)]
    if repost:
        candidates += _gaps(text)
    candidates.sort(key=lambda q: (q.start, -(q.end - q.start)))
    chosen: list[Quantity] = []
    for q in candidates:
        if not chosen or q.start >= chosen[-1].end:
            chosen.append(q)
    return chosen


def stated_by(quantities: list[Quantity], start: int, quote: str) -> Quantity | None:
    """The quantity a figure states: the last quantity inside its quote, or None if there is none.

    The project's one convention for tying a figure (``start``, ``quote``) to what the scanner
    finds: a quote may name other numbers first (a year, a rank), its figure comes last.
    ``quantities`` is :func:`scan`'s result (sorted by start).
    """
    end = start + len(quote)
    inside = [q for q in quantities if start <= q.start and q.end <= end]
    return inside[-1] if inside else None
