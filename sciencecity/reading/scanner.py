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
- **Ranks and ordinals** (:func:`_ordinal`): 第N is a rank with 位/名/大 after it (第3位, 第一名,
  第二大) or where it closes a phrase after a word (全市第一, 排名第一的); ``首`` + 个/家/座/台/款/所/条/位
  (全市首个 = the city's first of its kind) is rank 1. 第一季度 and 一季度 are quarters (kind
  ``"date"``, unit ``"季度"``; 前三季度 is the range 1 to 3). 第二批, 第十四届, 第3个 number an item of a series:
  kind ``"ordinal"``, unit the counter. 第一产业, 第三方, 第一时间, 第一梯队, 第十四个五年规划 and 第一
  opening a clause ("firstly") are no quantity, nor is a numeral after 第 read as a count. 首批,
  首场, 首次, 首届 label the first of a series or batch and are not ranks. ``N强`` (世界500强) is kind
  ``"rank"`` with unit ``"强"``.
- **Dates**: ``2020年9月11日``, ``5月27日`` (unit ``"date"``, value None: a date is not one number;
  read it from ``text``), ``5月`` (unit ``"月"``, value 5), ``11日`` (unit ``"日"``), ``2021年``
  (kind ``"year"``), timestamps ``2024/9/15 12:49:00``, ``2021-09-15`` and ``2021.09.15`` (a valid
  month and day). ``2021.09`` with no unit after it is a date marked uncertain (it may be a
  decimal). Other numbers before 年/个月/天 are durations: kind ``"number"``, unit ``"年"``
  (两年平均增速 -> 2).
- **Amounts** keep their magnitude in the unit: "3.5万亿元" -> 3.5 ``万亿元``. ``千亿级`` (a class of
  magnitude, used of money in economic writing) -> 1000, unit ``亿元``, qualifier ``千亿级``.
  After Arabic digits 千 and 百 are magnitudes too (5千人 -> 5 ``千人``), except in a unit (3千米).
- **Units** are kept whole: 微克/立方米, 吨标准煤, 万标准箱, ℃; a unit per unit (元/平方米, 公里/小时,
  万元/亩) is kind ``"number"`` with the whole unit.
- **Qualifiers** as written: before the number 近, 将近, 接近, 约, 大约, 超, 超过, 逾, 不到, 不足
  至少 (not where they end a word: 最近, 附近, 签约, 赶超); between number and unit 余, 多 (also
  after the magnitude: 4亿多元, 1万余人); after the unit 以上, 以下, 以内, 左右. Several are joined in reading order.
- **Approximate counts** keep the numeral in the qualifier: 数十, 几十, 上百, 十余, 十几, 近千亿 (value
  10, 10, 100, 10, 10, 1000: an order, never an exact count); a plain 十家 is ten; 二十几家 is 20
  with qualifier 几. 两三个 and 三四十家 are not read (a miss, not a guess).
- **Falls are negative values** (:func:`_change_sign`). A sign before Arabic digits (-, －, −, ﹣;
  not a hyphen after a digit or letter: 2020-09) is the number's: 增长-3.2% gives -3.2. A fall
  word right before the number (:data:`_FALL_WORDS`: 下降, 减少, 回落, 降幅, 负增长, 减产 ...; 了 may
  follow it), or a comparison (比全国低0.2个百分点, 少3家, 慢0.3个百分点, 低于全国0.2个百分点), makes
  the value negative, in every form: 下降3.2%, 下降三分之一, 减少了两成, 下降百分之五. A fall subject
  makes its level negative (降幅为3.2%, 降幅收窄至1.8%) and its widening too (降幅扩大0.5个百分点);
  降幅收窄1.5个百分点 is a rise. 收窄/缩小 of anything else is positive and marked uncertain (增速收窄
  is a fall of the rate, 差距缩小 of a gap); 低于 X n% is marked uncertain (X's level or the gap).
  After 到/至/为 a fall verb gives a level (下降到3% is 3). A fall carries along a list that shares
  its verb (分别下降3.2%和5.1%: both negative).
- **Ranges** (:func:`_range`) are one quantity: 5%-8%, 15.1%-20%, 5～8%, 3至5倍, 1-8月, 一至八月,
  2021—2025年, 50万-200万元, 1至2成. ``value`` is None; ``low`` and ``high`` are the bounds
  (``low <= high``), the unit and kind those of the second end. A dash between two numbers is
  never a minus sign; a fall makes both bounds negative (下降5%-8%: -8 to -5). Ends that are not
  in increasing order are no range (2020-09), and a dash right after a quantity that makes no
  range is marked uncertain. 到 does not make a range (从5%提高到8% is two levels).
- **Uncertain** (``uncertain`` not empty): the quantity is returned but its sign or form is not
  settled by the words; the field says why. Besides the cases above: a number with no unit but
  its magnitude followed by a word that may be a unit the scanner does not read (5号线, 10时).
- **Elided units**, as spoken: 一万二 is 12000, 两千四 is 2400 (两千四亿元 is 2400 亿元), 一百五 is 150;
  with 零 the digit stays a unit (一万零二 is 10002). A Chinese numeral with 万 or 亿 is a number
  without a unit too (一万二, 两千四百亿 in 亿), except in a short list of idioms (:data:`_IDIOMS`:
  千万不要, 万一, 亿万, 十万火急 ...).
- **Shares other than %**: ‰ and 千分之 are kind ``"permille"`` (value in ‰); 三成, 三分之一 and
  1/3 are kind ``"fraction"`` with the value as a fraction of one (0.3, 1/3 to 28 digits), unit
  ``"成"``, ``"分之"`` or ``"/"``; 八成五 is 0.85, 三成半 0.35, 一半 0.5 (unit ``"半"``).
  Full-width digits and separators (１，０５６家) read as ASCII ones;
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
from dataclasses import dataclass, replace
from decimal import Decimal

from sciencecity.reading import paths
from sciencecity.reading.text import is_han

__all__ = ["KINDS", "Quantity", "is_known_repost", "parse_chinese_number", "scan", "stated_by"]

#: Every value of :attr:`Quantity.kind`.
KINDS = (
    "percent",
    "permille",
    "fraction",
    "point_gap",
    "amount",
    "count",
    "rank",
    "ordinal",
    "date",
    "year",
    "number",
    "lost",
)


@dataclass(frozen=True)
class Quantity:
    """One quantity found in a text.

    ``value`` is a plain :class:`~decimal.Decimal` in the expression's own unit (19.8 for
    "19.8%", 1000 for "千亿级" in 亿元). It is None for lost numbers, for full dates
    ("5月27日") and for ranges; test ``lost``, not ``value is None``, to find the gaps.
    A range ("5%-8%", "3至5倍", "1-8月") has ``low`` and ``high`` instead (``low <= high``);
    other quantities have neither. ``uncertain`` is empty, or says why the value or its sign
    may not be what the writer meant (a reader must check it before use).
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
    low: Decimal | None = None
    high: Decimal | None = None
    uncertain: str = ""


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
#: Words that say the number right after them is a fall: the quantity's value is then negative.
#: (After 到/至/为 the number is a level: 下降到3% fell to 3 %, and is positive.)
_FALL_WORDS = (
    "负增长",
    "下降",
    "减少",
    "回落",
    "下滑",
    "下跌",
    "降低",
    "缩减",
    "萎缩",
    "降幅",
    "跌幅",
    "减幅",
    "下调",
    "放缓",
    "收缩",
    "递减",
    "压减",
    "下行",
    "减产",
    "减收",
    "压缩",
)
#: One-character falls and comparisons, unless the character before makes another word:
#: 降0.3%, 跌2%, 减5家, 比全国低0.2个百分点, 偏低1.2℃, 少3家, 慢0.5个百分点 (not 最低, 至少, 涨跌, 增减).
_FALL_CHARS = {"降": "升", "跌": "涨", "减": "增加", "低": "最较", "少": "至最多不缺稀很", "慢": "缓快"}
#: Subjects that are themselves a fall, so their level is negative: 降幅为3.2%, 降幅收窄至3.2%.
_FALL_SUBJECTS = ("降幅", "跌幅", "减幅", "下降幅度", "降速")
#: Words of a narrowing or widening change: their sign depends on what narrows (降幅收窄 is a rise).
_NARROW_WORDS = ("收窄", "缩小")
_WIDEN_WORDS = ("扩大",)
#: Verbs that introduce a level after a subject: 降幅为, 降幅达到.
_LEVEL_VERBS = ("为", "是", "达到", "达", "至", "到", "在")
#: Where a clause ends, for the words that set a number's sign.
_CLAUSE_BREAKS = "，。；：、,;:！？!?\n（）()"
#: 低于 a comparator, then the gap: 低于全国0.2个百分点 (at most this many characters between).
_LOWER_THAN = re.compile(r"低于[^0-9０-９，。；：、,;:的]{1,12}$")
#: What may follow 一月 when it is January (not 统一月报, 一月一次).
_ONE_MONTH_AFTER = "份底初中末至到起以上下"
#: Idioms made of numerals and 万/亿 that are no quantity (千万不要 "by no means").
_IDIOMS = ("千万不", "千万别", "千万要", "千万记", "千万莫", "万一", "亿万", "万万", "千千万万", "十万火急", "千万家")

_PRE_QUALIFIERS = ("将近", "接近", "超过", "大约", "不到", "不足", "至少", "近", "约", "超", "逾")
_APPROXIMATORS = ("上", "数", "几")  # only before a lone 十/百/千/万/亿: 上百, 数千, 几十
#: Characters that, just before a one-character qualifier, make it the end of a word instead.
_QUALIFIER_BLOCKERS = {"近": "最附亲靠贴就邻", "约": "签预合节制公契相邀婚条", "超": "赶高入出"}
#: Characters that may follow a number without being its unit (:func:`_unread_unit`).
_NOT_A_UNIT = "的和与及或至到是为在比较以之等同了将后前内外中起并而增提降减扩缩升达占居"
_POST_QUALIFIERS = ("以上", "以下", "以内", "左右")

_MAGNITUDES = ("万亿", "千亿", "百亿", "千万", "百万", "亿", "万", "千", "百")  # after Arabic digits
_CURRENCIES = ("美元", "欧元", "港元", "英镑", "元")
_POINT_UNITS = ("个百分点", "百分点")
_MEASURES = (
    "微克/立方米",
    "毫克/立方米",
    "吨标准煤",
    "立方米",
    "平方公里",
    "平方千米",
    "平方米",
    "千瓦时",
    "千公顷",
    "公顷",
    "千克",
    "公斤",
    "毫米",
    "厘米",
    "摄氏度",
    "℃",
    "标准箱",
    "标箱",
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
    "斤",
    "米",
    "岁",
    "倍",
)
_COUNTERS = (
    "人次",
    "场次",
    "乘次",
    "车次",
    "班次",
    "架次",
    "艘次",
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
    "头",
    "列",
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
    r"(?<![0-9.．])[0-9]{4}(?P<sep>[/.-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})"
    r"(?:[ T][0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?)?(?![0-9])"
)
#: A year and month written with a dot (2021.09), which a decimal can also be: marked uncertain.
_YEAR_DOT_MONTH = re.compile(r"(?<![0-9.．])(?:19|20)[0-9]{2}\.(?P<m>0?[1-9]|1[0-2])(?![0-9.])")
_RANK = re.compile(rf"(?P<di>第)(?P<n>[0-9０-９]+|{_CN})|(?P<n4>[1-4一二两三四])(?=季度)")
#: More ordinals after the first, in a list: 第一、第二产业, 第一至三季度.
_ORDINAL_LIST = re.compile(r"(?:[、和及与至到~～\-—]第?(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}))+")
#: Counters after 第N that number an item of a series (not a rank): 第二批, 第十四届, 第3个.
_ORDINAL_COUNTERS = ("阶段", "批", "届", "次", "期", "轮", "个", "家", "座", "条", "项", "号线", "号", "款", "章", "节")
_FIRST = re.compile(r"首[个家座台款所条位]")
_FIRST_BLOCKERS = "元回自俯昂榜部党祸匪罪"  # 元首, 自首 ...: 首 ends a word
_PERCENT_WORDS = re.compile(rf"(?P<base>[百千])分之(?P<n>{_AR}|{_CN})")
#: The dash or word between the two ends of a range: 5%-8%, 2021—2025年, 3至5倍, 5%～8%.
_RANGE_DASH = re.compile(r"(?:[-－−﹣–—―~～〜]{1,2}|至)\s*$")
#: A Chinese numeral right before a range's dash: 一至八月, 三至五倍.
_CN_BEFORE_DASH = re.compile(r"[一二两三四五六七八九十百千]+\s*$")
#: What joins the items of a list that share a verb: 分别下降3.2%和5.1%.
_LIST_JOINS = ("和", "、", "与", "及", "以及")
_FRACTION_WORDS = re.compile(rf"(?P<den>{_AR}|{_CN})分之(?P<num>{_AR}|{_CN})")
_FRACTION_SLASH = re.compile(r"(?<![0-9０-９A-Za-z.．/:_\-])(?P<num>[0-9]{1,3})/(?P<den>[0-9]{1,3})(?![0-9A-Za-z.．/])")
_TENTHS = re.compile(
    r"(?P<n>[二两三四五六七八九]|[1-9])成"
    r"(?:(?P<half>半)|(?P<tail>[一二三四五六七八九])(?![零〇一二两三四五六七八九十百千万亿个家项种名人次]))?"
)
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
    uncertain: str = "",
    bounds: tuple[Decimal, Decimal] | None = None,
) -> Quantity:
    low, high = (None, None) if bounds is None else (_plain(bounds[0]), _plain(bounds[1]))
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
        low,
        high,
        uncertain,
    )


def _read_unit(text: str, pos: int, magnitude: str) -> tuple[str, str, int] | None:
    """The unit at ``pos`` after a number with ``magnitude`` (万, 亿 ... or ""): unit, kind, end.

    A unit per unit (元/平方米, 公里/小时, 万元/亩) is kept whole, as kind ``number``.
    Dates and years are read by the caller; 年 is not a unit here.
    """
    read = _read_simple_unit(text, pos, magnitude)
    if (
        read is None
        or not read[0]
        or read[1] in ("percent", "permille", "point_gap")
        or not _one_of(_char(text, read[2]), "/／")
    ):
        return read
    per = _startswith_any(text, read[2] + 1, (*_MEASURES, *_COUNTERS, "年", "月", "日", "桶", "秒"))
    if not per:
        return read
    return f"{read[0]}/{per}", "number", read[2] + 1 + len(per)


def _read_simple_unit(text: str, pos: int, magnitude: str) -> tuple[str, str, int] | None:
    """:func:`_read_unit` without a unit per unit."""
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
    if (unit := _startswith_any(text, pos, _COUNTERS)) and not text.startswith("大关", pos):
        return magnitude + unit, "count", pos + len(unit)  # not 突破1万大关 (a threshold)
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
    if (arabic and (_is_latin(_char(text, start - 1)) or _is_latin(_char(text, pos)))) or _char(
        text, start - 1
    ) == "第":
        return None  # 5G, H1N1: a name; 第十四个: an ordinal (_ranks)
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
        dated = _numeral_date(text, start, pos, value, arabic, digit_string)
        if dated is not None:
            return dated
    if digit_string:
        return None  # 华润三九, 唯一一个
    read = _numeral_unit(text, start, pos, magnitude, arabic, lone_magnitude)
    if read is None:
        return None
    unit, kind, end, post, magnitude = read
    if lone_word and unit not in ("%", "个百分点", "百分点", "倍", "‰"):
        return None  # 一些, 一批, 一大批, 一年来, 零部件
    return _qualified_quantity(text, m, numeral, value, (unit, kind, end, post, magnitude), repost)


def _numeral_date(text: str, start: int, pos: int, value: Decimal, arabic: bool, digit_string: bool) -> Quantity | None:
    """The date or year a whole numeral at ``start:pos`` is (2021年, 二〇二一年, 27日), or None."""
    run = text[start:pos]
    year_like = len(run) == 4 and (digit_string or (arabic and _digits(run).isdigit()))
    dated = _date_or_year(text, start, pos, value, year_like)
    if dated is not None:
        return dated
    if arabic and _char(text, pos) == "日" and 1 <= value <= 31:
        return _quantity(text, start, pos + 1, value, "日", "date")
    return None


def _numeral_unit(
    text: str, start: int, pos: int, magnitude: str, arabic: bool, lone_magnitude: bool
) -> tuple[str, str, int, str, str] | None:
    """``(unit, kind, end, post, magnitude)`` after the numeral at ``start:pos``, or None when it is no quantity.

    ``post`` is an approximator after the numeral (余, 多, 几), ``magnitude`` the 万/亿 read with it.
    """
    run = text[start:pos]
    post = _char(text, pos) if _one_of(_char(text, pos), "余多") or _approximate_几(text, pos, run) else ""
    unit_at = pos + len(post)
    if not magnitude:
        magnitude = _magnitude_at(text, unit_at, arabic)
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
    return unit, kind, end, post, magnitude


def _qualified_quantity(
    text: str, m: re.Match[str], numeral: str, value: Decimal, read: tuple[str, str, int, str, str], repost: bool
) -> Quantity | None:
    """The quantity with its qualifiers (近, 上百, 千亿级, 以上) and sign, or None for a lone 万 or 亿 unqualified."""
    start, run, arabic = m.start(), m.group(), m["ar"] is not None
    unit, kind, end, post, magnitude = read
    lone_magnitude = run in ("百", "千", "万", "亿", "万亿")
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
    begin, value, uncertain = _signed(text, start, start - len(pre), value, unit, arabic and not pre)
    uncertain = uncertain or _unread_unit(text, end + len(after), unit, magnitude)
    return _quantity(text, begin, end + len(after), value, unit, kind, qualifier, uncertain=uncertain)


def _unread_unit(text: str, end: int, unit: str, magnitude: str) -> str:
    """Why a number with no unit but its magnitude may have a unit the scanner cannot read (or "").

    400万乘次, 52立升: the character after it is a Chinese word, not a particle or verb (的, 和, 至 ...).
    """
    ch = _char(text, end)
    if unit not in ("", magnitude) or not is_han(ch) or ch in _NOT_A_UNIT:
        return ""
    return f"followed by {ch}, which may be a unit the scanner does not read"


def _signed(text: str, start: int, begin: int, value: Decimal, unit: str, may_sign: bool) -> tuple[int, Decimal, str]:
    """Where a quantity begins, its signed value and why the sign is unsure (or "").

    An explicit sign (增长-3.2%, when ``may_sign``) moves the start back one character; else the
    words before ``begin`` decide (:func:`_change_sign`): 下降3.2% is -3.2.
    """
    if may_sign and _is_sign(text, start):
        return start - 1, -value, ""
    sign, uncertain = _change_sign(text, begin, unit)
    return begin, value * sign if value > 0 else value, uncertain


def _approximate_几(text: str, pos: int, run: str) -> bool:
    """Whether 几 at ``pos`` makes a round Chinese numeral approximate: 十几个, 二十几家, 几百 is elsewhere."""
    return _char(text, pos) == "几" and run[-1:] in ("十", "百", "千", "万")


def _magnitude_at(text: str, pos: int, arabic: bool) -> str:
    """万, 亿, 万亿 (and after Arabic digits 千万, 千, 百 ...) at ``pos``; not the 千 of 千米 or the 百 of 百分点."""
    magnitude = _startswith_any(text, pos, _MAGNITUDES if arabic else ("万亿", "亿", "万"))
    if magnitude in ("千", "百") and _startswith_any(text, pos, (*_MEASURES, *_POINT_UNITS, "百分", "千分")):
        return ""
    return magnitude


def _in_idiom(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` overlaps one of :data:`_IDIOMS` (千万不要, 万一 ...)."""
    for idiom in _IDIOMS:
        stop = end + len(idiom) - 1  # an occurrence that starts before ``end``, and no further (linear time)
        i = text.find(idiom, max(0, start - len(idiom) + 1), stop)
        while i != -1:
            if i + len(idiom) > start:
                return True
            i = text.find(idiom, i + 1, stop)
    return False


def _is_sign(text: str, start: int) -> bool:
    """Whether a minus sign just before ``start`` is the number's sign (not a hyphen: 2020-09, A-3)."""
    before = _char(text, start - 2)
    return _one_of(_char(text, start - 1), _MINUS) and not (
        _is_numeral_char(before) or _is_latin(before) or _one_of(before, ".．/")
    )


def _clause_before(text: str, start: int, size: int = 24) -> str:
    """The words of the clause that lead to ``start`` (at most ``size`` characters)."""
    lead = text[max(0, start - size) : start]
    cut = max(lead.rfind(ch) for ch in _CLAUSE_BREAKS)
    return lead[cut + 1 :]


def _change_sign(text: str, start: int, unit: str = "") -> tuple[int, str]:
    """The sign the words before ``start`` give the number there, and why it is uncertain (or "").

    -1 for a fall (下降3.2%, 减少了两成, 降幅为3.2%, 比全国低0.2个百分点, 降幅扩大0.5个百分点);
    +1 otherwise, with a reason where the sign is unsure: 收窄/缩小 of something that is not a
    fall (增速收窄 is a fall of the rate, 差距缩小 of a gap), 低于 X followed by a percentage
    (a gap below X or X's own level).
    """
    lead = _clause_before(text, start)
    verb = lead[:-1] if lead.endswith("了") else lead
    falling_subject = any(word in lead for word in _FALL_SUBJECTS)
    if verb.endswith(_NARROW_WORDS):
        return 1, "" if falling_subject else f"{verb[-2:]}: the sign depends on what narrowed"
    if verb.endswith(_WIDEN_WORDS):
        return (-1, "") if falling_subject else (1, "")
    if verb.endswith(_FALL_WORDS):
        return -1, ""
    if verb and verb[-1] in _FALL_CHARS and not verb.endswith(tuple(_FALL_CHARS[verb[-1]]), 0, len(verb) - 1):
        return -1, ""
    if falling_subject and lead.endswith(_LEVEL_VERBS):
        return -1, ""
    if _LOWER_THAN.search(lead):
        if unit in _POINT_UNITS:
            return -1, ""
        return 1, "低于: a gap below the comparator or the comparator's own level"
    return 1, ""


def _numerals(text: str, repost: bool = False) -> list[Quantity]:
    """Numbers followed by a unit, a date part or (Arabic only) nothing."""
    found = (_numeral_quantity(text, m, repost) for m in _NUMERAL.finditer(text))
    return [q for q in found if q is not None]


def _ordinal(text: str, m: re.Match[str], value: Decimal) -> Quantity | None:
    """What 第N (or N季度) at ``m`` is, from the words after it (and after a list: 第一、第二产业).

    A rank (第3位, 第一名, 第二大, 全市第一), a quarter (第一季度: a date in 季度), the number of an
    item of a series (第二批, 第十四届: kind ``ordinal``), or nothing (第一产业, 第三方, 第一时间,
    第十四个五年规划, and 第一 opening a clause: "firstly").
    """
    end = m.end()
    listed = _ORDINAL_LIST.match(text, end)
    after = listed.end() if listed else end
    if text.startswith("季度", after):
        return _quantity(text, m.start(), end + (2 if not listed else 0), value, "季度", "date")
    if not m["di"]:
        return None
    if _one_of(_char(text, after), "位名大"):
        return _quantity(text, m.start(), end + (0 if listed else 1), value, "rank", "rank")
    counter = _startswith_any(text, after, _ORDINAL_COUNTERS)
    if counter and not text.startswith("个五年", after):
        return None if listed else _quantity(text, m.start(), end + len(counter), value, counter, "ordinal")
    closes = _is_boundary(_char(text, after)) or _char(text, after) == "的"
    if closes and is_han(_char(text, m.start() - 1)):
        return _quantity(text, m.start(), end, value, "rank", "rank")
    return None


def _ranks(text: str) -> list[Quantity]:
    """第3位, 第一, 首个 (rank 1); 第一季度 and 一季度 (quarters); 第二批 (ordinals). See :func:`_ordinal`."""
    found = []
    for m in _RANK.finditer(text):
        try:
            value = parse_chinese_number(m["n"] or m["n4"])
        except ValueError:
            continue
        before = _char(text, m.start() - 1)
        if not m["di"] and before == "前" and value > 1:  # 前三季度: quarters 1 to 3 (前一季度 is the last one)
            found.append(_quantity(text, m.start() - 1, m.end() + 2, None, "季度", "date", bounds=(Decimal(1), value)))
        elif not m["di"] and (_one_of(before, "前后近每") or _is_numeral_char(before)):
            continue  # 前一季度, 近两季度, 每季度
        elif (q := _ordinal(text, m, value)) is not None:
            found.append(q)
    for m in _FIRST.finditer(text):
        if not _one_of(_char(text, m.start() - 1), _FIRST_BLOCKERS):
            found.append(_quantity(text, m.start(), m.end(), Decimal(1), "rank", "rank"))
    return found


def _timestamps_and_percent_words(text: str) -> list[Quantity]:
    """2024/9/15 12:49:00, 百分之十九点八 (19.8 %) and 千分之五 (5 ‰)."""
    found = [
        _quantity(text, m.start(), m.end(), None, "date", "date")
        for m in _TIMESTAMP.finditer(text)
        if 1 <= int(m["m"]) <= 12 and 1 <= int(m["d"]) <= 31
    ]
    for m in _YEAR_DOT_MONTH.finditer(text):
        if _read_unit(text, m.end(), _magnitude_at(text, m.end(), True)) is None and not _is_latin(
            _char(text, m.end())
        ):
            why = "a year and month written with a dot, or a decimal"
            found.append(_quantity(text, m.start(), m.end(), None, "date", "date", uncertain=why))
    for m in _PERCENT_WORDS.finditer(text):
        try:
            value = parse_chinese_number(m["n"])
        except ValueError:
            continue
        pre = _pre_qualifier(text, m.start())
        unit, kind = ("%", "percent") if m["base"] == "百" else ("‰", "permille")
        begin, value, uncertain = _signed(text, m.start(), m.start() - len(pre), value, unit, False)
        found.append(_quantity(text, begin, m.end(), value, unit, kind, pre, uncertain=uncertain))
    return found


def _ratio(num: Decimal, den: Decimal) -> Decimal | None:
    """``num / den`` (28 significant digits when it does not terminate), None for a zero denominator."""
    return None if den == 0 else num / den


def _fraction(text: str, start: int, end: int, value: Decimal, unit: str) -> Quantity:
    """A fraction at ``text[start:end]`` with its qualifiers and sign (下降三分之一 is -1/3)."""
    pre = _pre_qualifier(text, start)
    after = _startswith_any(text, end, _POST_QUALIFIERS)
    begin, value, uncertain = _signed(text, start, start - len(pre), value, unit, False)
    return _quantity(text, begin, end + len(after), value, unit, "fraction", pre + after, uncertain=uncertain)


def _fractions(text: str) -> list[Quantity]:
    """三分之一, 1/3, 三成 (3 tenths), 八成五 (0.85) and 一半 as kind ``fraction``: the fraction of one."""
    found = []
    for m in _FRACTION_WORDS.finditer(text):
        if m["den"] in ("百", "千"):
            continue  # 百分之, 千分之: percent and per mille
        try:
            value = _ratio(parse_chinese_number(m["num"]), parse_chinese_number(m["den"]))
        except ValueError:
            continue
        if value is not None:
            found.append(_fraction(text, m.start(), m.end(), value, "分之"))
    for m in _FRACTION_SLASH.finditer(text):
        value = _ratio(Decimal(m["num"]), Decimal(m["den"]))
        if value is not None and value <= 1:
            found.append(_fraction(text, m.start(), m.end(), value, "/"))
    for m in _TENTHS.finditer(text):
        before, after = _char(text, m.start() - 1), _char(text, m.end())
        if _is_numeral_char(before) or _one_of(after, _TENTHS_BLOCKERS) or _one_of(before, "第"):
            continue
        value = parse_chinese_number(m["n"]) / 10
        if m["half"] or m["tail"]:
            value += (Decimal(5) if m["half"] else parse_chinese_number(m["tail"])) / 100
        found.append(_fraction(text, m.start(), m.end(), value, "成"))
    for m in re.finditer("(?<![一统多大])一半(?![一二两三四五六七八九十])", text):
        found.append(_fraction(text, m.start(), m.end(), Decimal("0.5"), "半"))
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
        if not (is_han(_char(text, m.start() - 1)) or _is_boundary(_char(text, m.start() - 1))):
            continue
        magnitude = _startswith_any(text, m.end(), _MAGNITUDES)
        unit, _, end = _read_unit(text, m.end() + len(magnitude), magnitude) or ("", "", m.end())
        found.append(_lost(text, m.start(), end, unit, m[0]))
    for m in re.finditer("个", text):
        before, after = _char(text, m.start() - 1), _char(text, m.end())
        if (
            is_han(before)
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


def _range_dash(text: str, prev: Quantity | None, q: Quantity) -> tuple[int, Decimal] | None:
    """Where the dash or 至 before ``q`` starts, and ``q``'s value as the high end of a range."""
    if prev is not None and prev.end == q.start and q.text[0] in _MINUS and q.value is not None:
        return q.start, -q.value  # 5%-8%: the dash was read as the sign of 8
    m = _RANGE_DASH.search(text, max(0, q.start - 4), q.start)
    return None if m is None or q.value is None else (m.start(), q.value)


def _range_low(text: str, prev: Quantity | None, q: Quantity, dash: int) -> tuple[int, Decimal, Quantity | None] | None:
    """The low end of a range that ends with ``q``: its start, value and quantity (None for 一至八月)."""
    if prev is not None and prev.end == dash and prev.value is not None and prev.low is None:
        same = prev.unit == q.unit and prev.kind == q.kind
        bare = prev.kind == "number" and (
            prev.unit == "" or (prev.unit in ("万", "亿", "万亿") and q.unit.startswith(prev.unit))
        )
        return (prev.start, prev.value, prev) if same or bare else None
    m = _CN_BEFORE_DASH.search(text, max(0, dash - 4), dash)
    if m is None or (prev is not None and prev.end > m.start()) or not _one_of(text[q.start], _CN_NUMERAL_CHARS):
        return None  # a Chinese low end only before a Chinese high end: 三至五倍
    if _one_of(_char(text, m.start() - 1), "统唯之第"):
        return None  # 统一至, 唯一
    try:
        return m.start(), parse_chinese_number(m[0]), None
    except ValueError:
        return None


def _range(text: str, prev: Quantity | None, q: Quantity) -> Quantity | None:
    """``prev``, a dash or 至, and ``q`` as one range (5%-8%, 3至5倍, 1-8月, 2021—2025年, 一至八月), or None.

    The range has no ``value``, and ``low <= high``; a fall (下降5%-8%) makes both bounds negative.
    None when they are no range: the units differ, or the first is not below the second (2020-09).
    """
    if q.lost or q.value is None or not q.unit or q.kind in ("rank", "ordinal") or q.low is not None:
        return None
    if q.kind == "fraction" and q.unit != "成":
        return None
    dash = _range_dash(text, prev, q)
    low = None if dash is None else _range_low(text, prev, q, dash[0])
    if dash is None or low is None:
        return None
    start, a, first = low
    b = dash[1]
    if q.unit == "成" and (first is None or first.kind == "number"):
        a /= 10  # 1至2成: the low end counts tenths too
    if first is not None and first.text[0] not in _MINUS and a < 0 < b:  # 下降5%-8%: the fall is both
        b = -b
    if not (abs(a) < abs(b) if a < 0 and b < 0 else a < b):
        return None
    qualifier = (first.qualifier if first else "") + q.qualifier
    uncertain = (first.uncertain if first else "") or q.uncertain
    return _quantity(
        text, start, q.end, None, q.unit, q.kind, qualifier, uncertain=uncertain, bounds=(min(a, b), max(a, b))
    )


def _broken_range(text: str, prev: Quantity | None, q: Quantity) -> bool:
    """Whether ``prev``, a dash or 至, and ``q`` look like a range but are none (12-2月, 2020-09)."""
    if prev is None or prev.value is None or q.value is None or prev.unit not in ("", q.unit):
        return False
    return q.start - prev.end <= 2 and _RANGE_DASH.fullmatch(text, prev.end, q.start) is not None


def _join(text: str, found: list[Quantity]) -> list[Quantity]:
    """Ranges joined into one quantity (:func:`_range`); a fall carried along a list (分别下降3%和5%)."""
    joined: list[Quantity] = []
    for q in found:
        prev = joined[-1] if joined else None
        if (r := _range(text, prev, q)) is not None:
            if prev is not None and r.start <= prev.start:
                joined.pop()
            joined.append(r)
            continue
        if prev is not None and prev.end == q.start and q.text[0] in _MINUS:
            q = replace(q, uncertain="a dash right after a quantity: a minus sign or a range")
        elif _broken_range(text, prev, q):
            q = replace(q, uncertain="after a dash or 至 that makes no range (12-2月): one end of a span?")
        elif (
            prev is not None
            and text[prev.end : q.start] in _LIST_JOINS
            and prev.value is not None
            and prev.value < 0
            and prev.text[0] not in _MINUS
            and prev.unit == q.unit
            and q.value is not None
            and q.value > 0
        ):
            q = replace(q, value=-q.value)  # 分别下降3.2%和5.1%: both fell
        joined.append(q)
    return joined


def is_known_repost(text: str) -> bool:
    """Whether ``text`` is one of the project's seeds: its SHA-256 is listed in ``seeds/SHA256SUMS``.

    These are the damaged reposts the lost-digit rules were written for.
    """
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
    return _join(text, chosen)


def stated_by(quantities: list[Quantity], start: int, quote: str) -> Quantity | None:
    """The quantity a figure states: the last quantity inside its quote, or None if there is none.

    The project's one convention for tying a figure (``start``, ``quote``) to what the scanner
    finds: a quote may name other numbers first (a year, a rank), its figure comes last.
    ``quantities`` is :func:`scan`'s result (sorted by start).
    """
    end = start + len(quote)
    inside = [q for q in quantities if start <= q.start and q.end <= end]
    return inside[-1] if inside else None
