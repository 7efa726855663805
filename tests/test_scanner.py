"""The quantity scanner: every form on text written here, then the seed itself."""

from __future__ import annotations

from decimal import Decimal

import pytest

from sciencecity.reading import seed
from sciencecity.reading.scanner import KINDS, Quantity, parse_chinese_number, scan


def rows(text: str, repost: bool = False) -> list[tuple[int, str, str, str | None, str, str]]:
    """(start, text, kind, value, unit, qualifier) of every quantity, value as a string."""
    return [
        (q.start, q.text, q.kind, None if q.value is None else str(q.value), q.unit, q.qualifier)
        for q in scan(text, repost=repost)
    ]


def only(text: str, repost: bool = False) -> Quantity:
    """The one quantity in ``text``."""
    found = scan(text, repost=repost)
    assert len(found) == 1, found
    return found[0]


# --- parse_chinese_number ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "numeral, value",
    [
        ("三十", "30"),
        ("两百", "200"),
        ("一千二百零五", "1205"),
        ("十五", "15"),
        ("百", "100"),
        ("千", "1000"),
        ("１２．５", "12.5"),
        ("二〇二一", "2021"),
        ("十万", "100000"),
        ("一亿二千万", "120000000"),
        ("三亿五千万", "350000000"),
        ("两万三千", "23000"),
        ("一万亿", "1000000000000"),
        ("三点五", "3.5"),
        ("零", "0"),
        ("1.2万", "12000"),
        ("3,400", "3400"),
        ("19.80", "19.8"),
    ],
)
def test_parse_chinese_number(numeral, value):
    parsed = parse_chinese_number(numeral)
    assert str(parsed) == value  # plain: no exponent, no trailing zeros
    assert isinstance(parsed, Decimal)


@pytest.mark.parametrize("bad", ["", "余", "百余", "二三十", "十百", "万万", "三点", "abc"])
def test_parse_chinese_number_refuses_what_is_not_one_number(bad):
    with pytest.raises(ValueError):
        parse_chinese_number(bad)


# --- Forms, on text written for the test ------------------------------------------------------


def test_percent_with_decimals_and_full_width_digits():
    assert rows("增长19.8%，占比４５．３％") == [
        (2, "19.8%", "percent", "19.8", "%", ""),
        (10, "４５．３％", "percent", "45.3", "%", ""),
    ]


def test_percent_in_words():
    assert rows("增长百分之十九点八") == [(2, "百分之十九点八", "percent", "19.8", "%", "")]


def test_point_gap_is_not_a_count_of_个():
    assert rows("高于全市3.3个百分点，高１．５个百分点") == [
        (4, "3.3个百分点", "point_gap", "3.3", "个百分点", ""),
        (13, "１．５个百分点", "point_gap", "1.5", "个百分点", ""),
    ]


def test_amounts_keep_their_magnitude_in_the_unit():
    assert rows("投资5亿元，约3.5万亿元，1,234元，一亿二千万元") == [
        (2, "5亿元", "amount", "5", "亿元", ""),
        (6, "约3.5万亿元", "amount", "3.5", "万亿元", "约"),
        (14, "1,234元", "amount", "1234", "元", ""),
        (21, "一亿二千万元", "amount", "120000000", "元", ""),
    ]


def test_magnitude_class_is_an_amount_in_亿元():
    assert rows("千亿级投资，百亿级产业") == [
        (0, "千亿级", "amount", "1000", "亿元", "千亿级"),
        (6, "百亿级", "amount", "100", "亿元", "百亿级"),
    ]


def test_counts_with_measure_words():
    assert rows("签约73个项目，15家企业，十四个园区，两种探针，三项成果") == [
        (2, "73个", "count", "73", "个", ""),
        (8, "15家", "count", "15", "家", ""),
        (14, "十四个", "count", "14", "个", ""),
        (20, "两种", "count", "2", "种", ""),
        (25, "三项", "count", "3", "项", ""),
    ]


def test_大_after_a_number_counts_the_major_ones():
    assert rows("9大产业链、四大主导产业、一大批项目") == [
        (0, "9大", "count", "9", "大", ""),
        (6, "四大", "count", "4", "大", ""),
    ]


def test_approximate_round_numbers_carry_the_numeral_in_the_qualifier():
    assert rows("上百个项目，百余个产业，上千人，数百家，近百家，两百余家") == [
        (0, "上百个", "count", "100", "个", "上百"),
        (6, "百余个", "count", "100", "个", "百余"),
        (12, "上千人", "count", "1000", "人", "上千"),
        (16, "数百家", "count", "100", "家", "数百"),
        (20, "近百家", "count", "100", "家", "近百"),
        (24, "两百余家", "count", "200", "家", "余"),
    ]


def test_qualifiers_before_between_and_after():
    assert rows("超过30个，近5%，逾20家，10余家，30多个，50个以上，约8亿元左右，10多亿元") == [
        (0, "超过30个", "count", "30", "个", "超过"),
        (6, "近5%", "percent", "5", "%", "近"),
        (10, "逾20家", "count", "20", "家", "逾"),
        (15, "10余家", "count", "10", "家", "余"),
        (20, "30多个", "count", "30", "个", "多"),
        (25, "50个以上", "count", "50", "个", "以上"),
        (31, "约8亿元左右", "amount", "8", "亿元", "约左右"),
        (38, "10多亿元", "amount", "10", "亿元", "多"),
    ]


def test_qualifier_characters_that_end_a_word_are_not_qualifiers():
    assert rows("签约5个项目，最近3年，附近2家") == [
        (2, "5个", "count", "5", "个", ""),
        (9, "3年", "number", "3", "年", ""),
        (14, "2家", "count", "2", "家", ""),
    ]


def test_ranks():
    assert rows("排第3位，列全市第一，第十二名，全市首个，首家") == [
        (1, "第3位", "rank", "3", "rank", ""),
        (8, "第一", "rank", "1", "rank", ""),
        (11, "第十二名", "rank", "12", "rank", ""),
        (18, "首个", "rank", "1", "rank", ""),
        (21, "首家", "rank", "1", "rank", ""),
    ]


def test_first_of_a_series_or_batch_is_not_a_rank():
    assert scan("召开首场大会，全国首批，首次，元首个人") == []


def test_top_n_list():
    assert rows("世界500强企业") == [(2, "500强", "rank", "500", "强", "")]


def test_years_and_dates():
    assert rows("2021年，二〇二一年，2020年9月11日，今年5月27日下午，今年5月，11日起") == [
        (0, "2021年", "year", "2021", "年", ""),
        (6, "二〇二一年", "year", "2021", "年", ""),
        (12, "2020年9月11日", "date", None, "date", ""),
        (25, "5月27日", "date", None, "date", ""),
        (35, "5月", "date", "5", "月", ""),
        (38, "11日", "date", "11", "日", ""),
    ]
    assert only("2020年9月11日").lost is False


def test_timestamp():
    assert rows("TUhjnbcbe - 2024/9/15 12:49:00") == [(12, "2024/9/15 12:49:00", "date", None, "date", "")]


def test_durations_are_numbers_in_their_time_unit():
    assert rows("两年平均增速，3个月，两周年，100平方公里，增长一倍") == [
        (0, "两年", "number", "2", "年", ""),
        (7, "3个月", "number", "3", "个月", ""),
        (11, "两周年", "number", "2", "周年", ""),
        (15, "100平方公里", "number", "100", "平方公里", ""),
        (25, "一倍", "number", "1", "倍", ""),
    ]


def test_bare_arabic_numbers_are_reported_but_not_digits_in_names():
    assert rows("http://x.com/roll/1561233.html 5G H1N1 1") == [
        (18, "1561233", "number", "1561233", "", ""),
        (39, "1", "number", "1", "", ""),
    ]


def test_function_words_names_and_idioms_are_not_quantities():
    text = (
        "一些一批一条一手抓一大批统一唯一一起一年来一周年一期这一年新一代一组数据一个"
        "华润三九九龙坡两山一二三产一核五区千万不要千家万户零部件零突破首页"
    )
    assert scan(text) == []


# --- Lost digits ------------------------------------------------------------------------------


def test_a_percent_sign_without_its_number_is_lost():
    q = only("投资额同比增长%。", repost=True)
    assert (q.start, q.text, q.kind, q.unit, q.value, q.lost, q.survives) == (7, "%", "lost", "%", None, True, "")
    assert rows("提高个百分点，增长近%", repost=True) == [
        (2, "个百分点", "lost", None, "个百分点", ""),
        (9, "近%", "lost", None, "%", "近"),
    ]


def test_an_amount_without_its_number_is_lost_but_read_as_written_ones_are_not():
    assert rows("总投资亿元，总投资近亿元，每万元GDP，上亿元", repost=True) == [
        (3, "亿元", "lost", None, "亿元", ""),
        (9, "近亿元", "lost", None, "亿元", "近"),
        (20, "上亿元", "amount", "1", "亿元", "上亿"),
    ]


def test_only_a_fraction_survives():
    q = only("规上工业总产值实现.9亿元、", repost=True)
    assert (q.start, q.end, q.text, q.kind, q.unit, q.value, q.lost, q.survives) == (
        9,
        13,
        ".9亿元",
        "lost",
        "亿元",
        None,
        True,
        ".9",
    )
    assert only("总投资达．6亿元", repost=True).survives == "．6"


def test_a_count_without_its_number_is_lost():
    assert rows("引进平安大健康产业园等项目个,总投资", repost=True) == [(13, "个", "lost", None, "个", "")]
    assert rows("这个,各个,无数个,上个月,首个,", repost=True) == [(14, "首个", "rank", "1", "rank", "")]


def test_a_top_n_list_without_its_n_is_lost():
    assert rows("其中世界强企业15家，建设世界强国", repost=True) == [
        (4, "强", "lost", None, "强", ""),
        (7, "15家", "count", "15", "家", ""),
    ]


def test_a_year_without_its_digits_is_lost_where_the_context_shows_one():
    text = "年9月11日,大会召开。一组数据足以说明,年,增长。预计年建成投用。发布《年度清单》"
    assert rows(text, repost=True) == [
        (0, "年9月11日", "lost", None, "date", ""),
        (21, "年", "lost", None, "年", ""),
        (28, "年", "lost", None, "年", ""),
        (37, "年", "lost", None, "年", ""),
    ]
    assert scan(text, repost=True)[0].survives == "9月11日"


def test_ordinary_words_with_年_are_not_lost_years():
    text = "今年上半年，一年来，两年平均，一周年，项目预计年内启动，年底，，年均增长，明年，去年"
    assert rows(text, repost=True) == [(10, "两年", "number", "2", "年", "")]


# --- Invariants -------------------------------------------------------------------------------


def test_spans_index_the_original_text_and_never_overlap():
    text = seed.load_seed()
    found = scan(text)
    assert found == sorted(found, key=lambda q: q.start)
    for before, after in zip(found, found[1:], strict=False):
        assert before.end <= after.start
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.kind in KINDS
        assert q.lost == (q.kind == "lost")
        assert q.value is None or "E" not in str(q.value)


# --- The seed ---------------------------------------------------------------------------------

#: Every quantity in the seed: (start, text, kind, value, unit, qualifier).
SEED_QUANTITIES = [
    (53, "2024/9/15 12:49:00", "date", None, "date", ""),  # boilerplate: timestamp
    (116, "1561233", "number", "1561233", "", ""),  # boilerplate: advert URL
    (203, "年9月11日", "lost", None, "date", ""),
    (298, "上百个", "count", "100", "个", "上百"),
    (446, "首个", "rank", "1", "rank", ""),
    (458, "百余个", "count", "100", "个", "百余"),
    (470, "千亿级", "amount", "1000", "亿元", "千亿级"),
    (600, "四大", "count", "4", "大", ""),
    (621, "19.8%", "percent", "19.8", "%", ""),
    (861, "四大", "count", "4", "大", ""),
    (891, "73个", "count", "73", "个", ""),
    (902, "%", "lost", None, "%", ""),
    (933, "个", "lost", None, "个", ""),
    (938, "亿元", "lost", None, "亿元", ""),
    (945, "强", "lost", None, "强", ""),
    (948, "15家", "count", "15", "家", ""),
    (956, "9大", "count", "9", "大", ""),
    (999, "45.3%", "percent", "45.3", "%", ""),
    (1016, "年", "lost", None, "年", ""),
    (1035, "9.2%", "percent", "9.2", "%", ""),
    (1048, "第3位", "rank", "3", "rank", ""),
    (1054, "第3位", "rank", "3", "rank", ""),
    (1067, ".9亿元", "lost", None, "亿元", ""),
    (1077, "11.3%", "percent", "11.3", "%", ""),
    (1085, "14.8%", "percent", "14.8", "%", ""),
    (1112, "19.8%", "percent", "19.8", "%", ""),
    (1123, "两年", "number", "2", "年", ""),
    (1133, "第一", "rank", "1", "rank", ""),
    (1147, "3.9%", "percent", "3.9", "%", ""),
    (1152, "20.2%", "percent", "20.2", "%", ""),
    (1158, "19.5%", "percent", "19.5", "%", ""),
    (1175, "22.3%", "percent", "22.3", "%", ""),
    (1187, "3.3个百分点", "point_gap", "3.3", "个百分点", ""),
    (1209, "首个", "rank", "1", "rank", ""),
    (1303, "5月27日", "date", None, "date", ""),
    (1339, ".6亿元", "lost", None, "亿元", ""),
    (1350, "首个", "rank", "1", "rank", ""),
    (1380, "两种", "count", "2", "种", ""),
    (1476, "年", "lost", None, "年", ""),
    (1518, "5月", "date", "5", "月", ""),
    (1590, "4个", "count", "4", "个", ""),
    (1624, "27个", "count", "27", "个", ""),
    (1631, "5个", "count", "5", "个", ""),
    (1777, "14个", "count", "14", "个", ""),
    (1789, "8个", "count", "8", "个", ""),
    (1820, "个", "lost", None, "个", ""),
    (1897, "年", "lost", None, "年", ""),
    (1919, "30个", "count", "30", "个", ""),
    (1924, "70个", "count", "70", "个", ""),
    (1935, "近亿元", "lost", None, "亿元", "近"),
    (1942, "千亿级", "amount", "1000", "亿元", "千亿级"),
    (2612, "1", "number", "1", "", ""),  # boilerplate: footer
]


def test_the_seed_yields_exactly_its_quantities():
    """Snapshot: the list was read off the scanner's output and checked by hand against the seed."""
    assert rows(seed.load_seed(), repost=True) == SEED_QUANTITIES


def test_the_lost_digit_rules_are_on_for_the_seed_and_off_for_other_text():
    text = seed.load_seed()
    assert scan(text) == scan(text, repost=True)
    assert not any(q.lost for q in scan(text, repost=False))
    assert scan(text + " ") == scan(text + " ", repost=False), "any other text is read as written"


def test_seed_quantities_sit_where_the_article_says():
    text = seed.load_seed()
    found = {q.start: q for q in scan(text)}
    context = {
        203: "\n年9月11日,西部",
        902: "同比增长%。",
        933: "等项目个,",
        938: "总投资亿元,",
        945: "世界强企业",
        1016: "说明,年,",
        1067: "实现.9亿元",
        1339: "达.6亿元",
        1476: "预计年建成",
        1820: "机构个,",
        1897: "《年度西部",
        1935: "总投资近亿元",
        446: "全市首个大科学",
        1209: "全市首个大科学",
        1350: "重庆首个大科学",
        1133: "全市第一",
        1518: "今年5月,",
    }
    for start, around in context.items():
        q = found[start]
        lead = around.index(q.text)
        assert text[start - lead : start - lead + len(around)] == around, (start, around)


def test_seed_lost_quantities_say_what_survives():
    lost = {q.start: q.survives for q in scan(seed.load_seed()) if q.lost}
    assert lost == {
        203: "9月11日",
        902: "",
        933: "",
        938: "",
        945: "",
        1016: "",
        1067: ".9",
        1339: ".6",
        1476: "",
        1820: "",
        1897: "",
        1935: "",
    }


def test_seed_boilerplate_quantities_are_the_timestamp_advert_and_footer():
    text = seed.load_seed()
    outside = [q.text for q in scan(text) if not seed.in_article(text, q.start, q.end)]
    assert outside == ["2024/9/15 12:49:00", "1561233", "1"]


def test_seed_年内_is_read_as_an_ordinary_word():
    text = seed.load_seed()
    at = text.index("项目预计年内启动") + len("项目预计")
    assert not any(q.start <= at < q.end for q in scan(text))


# --- Text that is not the seed: signs, elided units, approximations, new forms ---------------
# Each case is a sentence written for this test and the one quantity a reader takes from it:
# (text, quantity text, value, unit, kind, qualifier). A fall is a negative value.

ORDINARY_TEXT = [
    # signs and falls
    ("全年工业产值增长-3.2%", "-3.2%", "-3.2", "%", "percent", ""),
    ("出口额增长－4.5%", "－4.5%", "-4.5", "%", "percent", ""),
    ("利润总额增长−0.8%", "−0.8%", "-0.8", "%", "percent", ""),
    ("营业收入下降3.2%", "3.2%", "-3.2", "%", "percent", ""),
    ("规上企业减少12家", "12家", "-12", "家", "count", ""),
    ("房价指数回落1.5个百分点", "1.5个百分点", "-1.5", "个百分点", "point_gap", ""),
    ("净利润负增长7.1%", "7.1%", "-7.1", "%", "percent", ""),
    ("能耗同比下降了2.4%", "2.4%", "-2.4", "%", "percent", ""),
    ("出口下滑百分之五", "百分之五", "-5", "%", "percent", ""),
    ("投资额下跌约6%", "约6%", "-6", "%", "percent", "约"),
    ("失业率下降到3%", "3%", "3", "%", "percent", ""),  # fell TO 3 %: a level, not a fall
    ("增速比上年回落至5.5%", "5.5%", "5.5", "%", "percent", ""),
    ("温差为2020-09的记录", "2020", "2020", "", "number", ""),  # a hyphen, not a sign
    # elided units
    ("园区员工一万二", "一万二", "12000", "", "number", ""),
    ("园区员工一万二千人", "一万二千人", "12000", "人", "count", ""),
    ("规划投资两千四亿元", "两千四亿元", "2400", "亿元", "amount", ""),
    ("带动就业一千五百人", "一千五百人", "1500", "人", "count", ""),
    ("设备一百五台", "一百五台", "150", "台", "count", ""),
    ("编号一万零二个", "一万零二个", "10002", "个", "count", ""),
    ("总规模一亿二", "一亿二", "120000000", "", "number", ""),
    # approximate counts keep their qualifier
    ("聚集数十家企业", "数十家", "10", "家", "count", "数十"),
    ("储备几十个项目", "几十个", "10", "个", "count", "几十"),
    ("服务上百家单位", "上百家", "100", "家", "count", "上百"),
    ("建成十余个平台", "十余个", "10", "个", "count", "十余"),
    ("吸引数十万人", "数十万人", "10", "万人", "count", "数十万"),
    ("引进十家企业", "十家", "10", "家", "count", ""),  # exactly ten
    ("投资4亿多元", "4亿多元", "4", "亿元", "amount", "多"),
    ("吸纳1万余人就业", "1万余人", "1", "万人", "count", "余"),
    # units and forms
    ("出生率为5‰", "5‰", "5", "‰", "permille", ""),
    ("自然增长率千分之三", "千分之三", "3", "‰", "permille", ""),
    ("三成企业已复工", "三成", "0.3", "成", "fraction", ""),
    ("八成以上的订单", "八成以上", "0.8", "成", "fraction", "以上"),
    ("占总量的四分之三", "四分之三", "0.75", "分之", "fraction", ""),
    ("占全市约1/4", "约1/4", "0.25", "/", "fraction", "约"),
    ("１，０５６家企业入驻", "１，０５６家", "1056", "家", "count", ""),
    ("营收１２．５亿元", "１２．５亿元", "12.5", "亿元", "amount", ""),
    ("今年一月，项目开工", "一月", "1", "月", "date", ""),
    ("一月份完成签约", "一月", "1", "月", "date", ""),
    # Chinese numerals with 万/亿 and no unit; idioms are not numbers
    ("形成两千四百亿的产值", "两千四百亿", "2400", "亿", "number", ""),
    ("打造近千亿产业集群", "近千亿", "1000", "亿", "number", "近千亿"),
    # the lost-digit rules are off outside a repost
    ("引进超亿元项目8个", "超亿元", "1", "亿元", "amount", "超亿"),
    ("总投资近亿元的厂房", "近亿元", "1", "亿元", "amount", "近亿"),
]


@pytest.mark.parametrize(
    ("text", "found", "value", "unit", "kind", "qualifier"), ORDINARY_TEXT, ids=[c[0] for c in ORDINARY_TEXT]
)
def test_ordinary_text(text, found, value, unit, kind, qualifier):
    q = scan(text)[0]
    assert (q.text, str(q.value), q.unit, q.kind, q.qualifier) == (found, value, unit, kind, qualifier)
    assert not q.lost and text[q.start : q.end] == q.text


@pytest.mark.parametrize(
    "text",
    [
        "千万不要大意",
        "万一出现问题",
        "亿万人民",
        "千家万户",
        "统一月报",
        "一月一次",
        "增长%",
        "总投资亿元",
        "一成不变",
        "完成三成员招募",
    ],
)
def test_idioms_words_and_gaps_outside_a_repost_are_no_quantities(text):
    assert scan(text) == []


def test_a_gap_is_only_read_as_one_in_a_repost():
    assert rows("投资额同比增长%，总投资超亿元", repost=True) == [
        (7, "%", "lost", None, "%", ""),
        (12, "超亿元", "lost", None, "亿元", "超"),
    ]
