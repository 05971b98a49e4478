"""Tests for extractors.language.dates: table-driven cases plus hypothesis properties."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extractors.language.dates import (
    DateMention,
    document_year,
    era_to_year,
    find_dates,
    kanji_to_int,
    parse_date,
    parse_wareki_year,
)

ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def summary(text: str, m: DateMention) -> tuple:
    return (text[m.start:m.end], m.start_date, m.end_date, m.precision)


# (text, expected expression, start_date, end_date, precision)
SINGLE = [
    # era dates
    ("平成16年5月27日", "平成16年5月27日", "2004-05-27", "2004-05-27", "day"),
    ("令和元年", "令和元年", "2019", "2019", "year"),
    ("令和2年3月30日", "令和2年3月30日", "2020-03-30", "2020-03-30", "day"),
    ("昭和54年3月14日", "昭和54年3月14日", "1979-03-14", "1979-03-14", "day"),
    ("昭和五十八年三月十七日", "昭和五十八年三月十七日", "1983-03-17", "1983-03-17", "day"),
    ("平成元年", "平成元年", "1989", "1989", "year"),
    ("平成 16 年 7 月", "平成 16 年 7 月", "2004-07", "2004-07", "month"),
    ("大正10年", "大正10年", "1921", "1921", "year"),
    ("明治33年", "明治33年", "1900", "1900", "year"),
    ("平成32年度", "平成32年度", "2020", "2020", "year"),
    # abbreviations
    ("(平12条51・一部改正)", "平12", "2000", "2000", "year"),
    ("H14年度", "H14年度", "2002", "2002", "year"),
    ("H16.5.27", "H16.5.27", "2004-05-27", "2004-05-27", "day"),
    ("R2.3.30", "R2.3.30", "2020-03-30", "2020-03-30", "day"),
    ("S59.4.20", "S59.4.20", "1984-04-20", "1984-04-20", "day"),
    # western
    ("2004年5月27日", "2004年5月27日", "2004-05-27", "2004-05-27", "day"),
    ("2016年4月", "2016年4月", "2016-04", "2016-04", "month"),
    ("2009年", "2009年", "2009", "2009", "year"),
    ("2014/11/28", "2014/11/28", "2014-11-28", "2014-11-28", "day"),
    ("2003.5.29", "2003.5.29", "2003-05-29", "2003-05-29", "day"),
    ("2016-04-01", "2016-04-01", "2016-04-01", "2016-04-01", "day"),
    ("二〇〇四年五月", "二〇〇四年五月", "2004-05", "2004-05", "month"),
    ("2020年03月27日", "2020年03月27日", "2020-03-27", "2020-03-27", "day"),
    # era year with the western year in parentheses
    ("平成29年(2017年)7月11日", "平成29年(2017年)7月11日", "2017-07-11", "2017-07-11", "day"),
    ("昭和59年(1984)4月20日", "昭和59年(1984)4月20日", "1984-04-20", "1984-04-20", "day"),
    ("平成25年(2013)6月", "平成25年(2013)6月", "2013-06", "2013-06", "month"),
    ("平成29(2017)年7月", "平成29(2017)年7月", "2017-07", "2017-07", "month"),
    ("2017年(平成29年)7月11日", "2017年(平成29年)7月11日", "2017-07-11", "2017-07-11", "day"),
    ("2024(令和6)年5月10日", "2024(令和6)年5月10日", "2024-05-10", "2024-05-10", "day"),  # the era in brackets before 年
    ("2019(令和元)年6月", "2019(令和元)年6月", "2019-06", "2019-06", "month"),
    # two-day spans and ranges
    ("平成16年5月27、28日", "平成16年5月27、28日", "2004-05-27", "2004-05-28", "day"),
    ("平成16年5月27日、28日", "平成16年5月27日、28日", "2004-05-27", "2004-05-28", "day"),
    ("平成30年10月25日、26日", "平成30年10月25日、26日", "2018-10-25", "2018-10-26", "day"),
    ("2004年5月22日〜23日", "2004年5月22日〜23日", "2004-05-22", "2004-05-23", "day"),
    ("2003.5.29~30", "2003.5.29~30", "2003-05-29", "2003-05-30", "day"),
    ("2003.5.29-30", "2003.5.29-30", "2003-05-29", "2003-05-30", "day"),
    ("2004年10月31日〜11月1日", "2004年10月31日〜11月1日", "2004-10-31", "2004-11-01", "day"),
    ("2004年12月31日〜1月1日", "2004年12月31日〜1月1日", "2004-12-31", "2005-01-01", "day"),
    ("2004年5月27日(木)・28日(金)", "2004年5月27日(木)・28日(金)", "2004-05-27", "2004-05-28", "day"),
    # weekdays are part of the expression, not of the value
    ("平成29年7月11日(火曜日)", "平成29年7月11日(火曜日)", "2017-07-11", "2017-07-11", "day"),
    ("平成28年1月19日火曜日", "平成28年1月19日火曜日", "2016-01-19", "2016-01-19", "day"),
    ("2014/11/28(金)", "2014/11/28(金)", "2014-11-28", "2014-11-28", "day"),
    ("2016年5月2日(月・祝)", "2016年5月2日(月・祝)", "2016-05-02", "2016-05-02", "day"),
    # year-month, year, fiscal year, month-day
    ("平成17年6月", "平成17年6月", "2005-06", "2005-06", "month"),
    ("平成9年度", "平成9年度", "1997", "1997", "year"),
    ("2009年度", "2009年度", "2009", "2009", "year"),
    ("11月22日", "11月22日", None, None, "day"),
    ("5月22日〜23日", "5月22日〜23日", None, None, "day"),
    ("10月31日〜11月1日", "10月31日〜11月1日", None, None, "day"),
    ("11月28日(金)", "11月28日(金)", None, None, "day"),
    # embedded in running text
    ("会議は2004年5月27日に開催", "2004年5月27日", "2004-05-27", "2004-05-27", "day"),
    ("平成16年法律第154号", "平成16年", "2004", "2004", "year"),
    ("2004年5月の会議", "2004年5月", "2004-05", "2004-05", "month"),
    ("更新日:2020年03月27日", "2020年03月27日", "2020-03-27", "2020-03-27", "day"),
    # a list, not a span: only the first date is kept as a span-less day
    ("5月1日、15日", "5月1日", None, None, "day"),
    # a malformed range end is ignored, the start stays
    ("2004年5月31日〜十十月1日", "2004年5月31日", "2004-05-31", "2004-05-31", "day"),
    # a time after a date is not a range end
    ("2016/4/1~13:00", "2016/4/1", "2016-04-01", "2016-04-01", "day"),
    # a range whose end writes its own year gives two mentions; the first is checked here
    ("平成16年4月1日〜平成17年3月31日", "平成16年4月1日", "2004-04-01", "2004-04-01", "day"),
]


@pytest.mark.parametrize("text, expr, start_date, end_date, precision", SINGLE)
def test_first_mention(text, expr, start_date, end_date, precision):
    mentions = find_dates(text)
    assert mentions, text
    assert summary(text, mentions[0]) == (expr, start_date, end_date, precision)


@pytest.mark.parametrize("text, year_given, fiscal, era", [
    ("平成16年5月27日", True, False, "平成"),
    ("H14年度", True, True, "平成"),
    ("平成9年度", True, True, "平成"),
    ("2016-04-01", True, False, None),
    ("令和元年", True, False, "令和"),
    ("S59.4.20", True, False, "昭和"),
    ("2017年(平成29年)7月11日", True, False, "平成"),
    ("11月22日", False, False, None),
])
def test_flags(text, year_given, fiscal, era):
    (m,) = find_dates(text)
    assert (m.year_given, m.fiscal_year, m.era) == (year_given, fiscal, era)


@pytest.mark.parametrize("text", [
    "13:00~13:45", "17:00", "0979-22-1111", "〒871-8501", "TEL 097-506-3226",
    "法律第154号", "条例第17号", "約10年", "40周年", "11年ぶり", "3回目", "1日目", "2日間", "4年間",
    "10年", "1990年代", "10月の", "毎月1日", "2月30日", "2004年2月30日", "13月", "2004年13月",
    "令和2年13月1日", "22日〜23日", "ISO14001", "第3月曜日", "3か月", "1234年", "3000年",
    "H14", "平成", "", "十十月", "五五月一日", "2004年十十月", "十百月十十日",
])
def test_not_dates(text):
    assert find_dates(text) == []


@pytest.mark.parametrize("text, default_year, start_date, end_date", [
    ("11月22日", None, None, None),
    ("11月22日", 2014, "2014-11-22", "2014-11-22"),
    ("11月28日(金)", None, None, None),            # a weekday alone never picks a year
    ("11月28日(金)", 2014, "2014-11-28", "2014-11-28"),
    ("11月28日(金)", 2013, "2014-11-28", "2014-11-28"),  # 2013-11-28 is a Thursday; +1 matches
    ("11月28日(金)", 2015, "2014-11-28", "2014-11-28"),  # 2015 and 2016 miss; -1 matches
    ("11月28日(土)", 2014, "2015-11-28", "2015-11-28"),
    ("11月28日(水)", 2014, "2014-11-28", "2014-11-28"),  # no candidate matches: default_year
    ("5月22日〜23日", 2004, "2004-05-22", "2004-05-23"),
    ("12月31日〜1月1日", 2004, "2004-12-31", "2005-01-01"),
    ("2月29日", 2004, "2004-02-29", "2004-02-29"),
    ("2009年5月1日", 2020, "2009-05-01", "2009-05-01"),  # a written year beats the default
])
def test_default_year(text, default_year, start_date, end_date):
    (m,) = find_dates(text, default_year=default_year)
    assert (m.start_date, m.end_date) == (start_date, end_date)
    assert m.year_given is False or text.startswith("2009")


def test_month_alone_is_skipped_even_with_default_year():
    assert find_dates("10月の会議", default_year=2004) == []


def test_invalid_day_for_the_default_year_is_dropped():
    assert find_dates("2月29日", default_year=2005) == []


def test_several_mentions_in_one_text():
    text = "平成16年4月1日〜平成17年3月31日、会議は5月22日(土)・23日(日)。電話0979-22-1111 13:00~"
    got = [summary(text, m) for m in find_dates(text, default_year=2004)]
    assert got == [
        ("平成16年4月1日", "2004-04-01", "2004-04-01", "day"),
        ("平成17年3月31日", "2005-03-31", "2005-03-31", "day"),
        ("5月22日(土)・23日(日)", "2004-05-22", "2004-05-23", "day"),
    ]


@pytest.mark.parametrize("s, expected", [
    ("五十八", 58), ("十", 10), ("三十一", 31), ("元", 1), ("二〇〇四", 2004), ("百五十四", 154),
    ("十二", 12), ("二十", 20), ("千九百八十九", 1989), ("一", 1), ("16", 16), ("2004", 2004),
    ("", None), ("x", None), ("十十", None), ("五五十", None), ("十百", None), ("元年", None),
])
def test_kanji_to_int(s, expected):
    assert kanji_to_int(s) == expected


@pytest.mark.parametrize("era, n, year", [
    ("明治", 1, 1868), ("大正", 1, 1912), ("昭和", 1, 1926), ("昭和", 64, 1989), ("平成", 1, 1989),
    ("平成", 16, 2004), ("平成", 31, 2019), ("令和", 1, 2019), ("令和", 2, 2020), ("H", 16, 2004),
    ("R", 2, 2020), ("平", 12, 2000),
])
def test_era_to_year(era, n, year):
    assert era_to_year(era, n) == year


def test_era_to_year_unknown_era():
    with pytest.raises(KeyError):
        era_to_year("天保", 1)


@pytest.mark.parametrize("era, n, year", [
    ("平成", "16", 2004), ("令和", "元", 2019), ("昭和", "五十八", 1983), ("平成", "0", None),
    ("平成", "100", None), ("平成", "x", None),
])
def test_parse_wareki_year(era, n, year):
    assert parse_wareki_year(era, n) == year


@pytest.mark.parametrize("s, start_date, end_date", [
    ("平成16年5月27日", "2004-05-27", "2004-05-27"),
    ("  2016年4月 ", "2016-04", "2016-04"),
    ("平成16年5月27、28日", "2004-05-27", "2004-05-28"),
    ("令和元年", "2019", "2019"),
])
def test_parse_date_whole_string(s, start_date, end_date):
    m = parse_date(s)
    assert m is not None and (m.start_date, m.end_date) == (start_date, end_date)
    assert s[m.start:m.end] == s.strip()


@pytest.mark.parametrize("s", ["平成16年5月27日に", "会議 2004年", "10月", "", "  ", "2004年と2005年", "約10年"])
def test_parse_date_rejects_non_whole(s):
    assert parse_date(s) is None


def test_parse_date_uses_default_year():
    assert parse_date("11月22日", default_year=2010).start_date == "2010-11-22"


@pytest.mark.parametrize("text, year", [
    ("お知らせ\n本文です。\n更新日:2020年03月27日", 2020),
    ("ページ本文\n公開日 2016年01月19日\n更新日 2018年02月01日", 2016),  # publication beats update
    ("更新日 2018年02月01日\n掲載日:平成28年1月19日", 2016),
    ("取材・撮影 2014/11/28\n本文", 2014),
    ("作成日:令和2年3月30日", 2020),
    ("発行日 2003.5.29", 2003),
    ("見出し\n[2011年7月12日]\n本文", 2011),
    ("見出し\n【2011年7月12日】\n本文", 2011),
    ("2019年4月1日\n中小企業振興基本条例について", 2019),
    ("令和2年3月 発行\n報告書", 2020),
    ("大分県中小企業振興条例\n平成28年1月19日\n", 2016),
    # conservative: a date inside a sentence or below the top is not the document's date
    ("条例(平成16年5月27日制定)について説明します。", None),
    ("本文" * 600 + "\n2004年5月27日\n", None),
    ("40周年記念式典を開催しました。", None),
    ("平成9年度\n事業報告", None),  # a fiscal year is a period, not a dating
    ("更新日:未定", None),
    ("", None),
])
def test_document_year(text, year):
    assert document_year(text) == year


# --- properties --------------------------------------------------------------

FRAGMENTS = ["平成", "令和", "昭和", "大正", "明治", "元", "年", "度", "月", "日", "、", "・", "〜", "~", "-",
             ".", "/", "(", ")", " ", "\n", "金", "曜", "H", "R", "平", "一", "二", "三", "十", "五", "〇",
             "0", "1", "2", "3", "9", "12", "16", "29", "31", "2004", "2017", "1868", "2100", "間", "目"]

fragment_texts = st.lists(st.sampled_from(FRAGMENTS), max_size=30).map("".join)
any_texts = st.one_of(st.text(max_size=80), fragment_texts)


def check_mentions(text: str, mentions: list[DateMention]) -> None:
    previous_end = 0
    for m in mentions:
        assert 0 <= m.start < m.end <= len(text)
        assert m.start >= previous_end, "mentions overlap or are out of order"
        previous_end = m.end
        assert m.precision in ("year", "month", "day")
        for value in (m.start_date, m.end_date):
            assert value is None or ISO.match(value)
        assert (m.start_date is None) == (m.end_date is None)
        if m.start_date is not None and len(m.start_date) == len(m.end_date):
            assert m.end_date >= m.start_date
        if m.start_date is not None:
            assert len(m.start_date) == {"year": 4, "month": 7, "day": 10}[m.precision]


@settings(max_examples=1000)
@given(any_texts, st.one_of(st.none(), st.integers(1900, 2100)))
def test_find_dates_properties(text, default_year):
    check_mentions(text, find_dates(text, default_year=default_year))


@settings(max_examples=200)
@given(any_texts)
def test_parse_date_agrees_with_offsets(text):
    m = parse_date(text)
    if m is not None:
        assert text[m.start:m.end] == text.strip()
        check_mentions(text, [m])


@settings(max_examples=200)
@given(st.sampled_from(list({"平成": 31, "令和": 10, "昭和": 64}.items())).flatmap(
    lambda era: st.tuples(st.just(era[0]), st.integers(1, era[1]))),
    st.integers(1, 12), st.integers(1, 28))
def test_era_dates_round_trip(era_n, month, day):
    era, n = era_n
    text = f"{era}{'元' if n == 1 else n}年{month}月{day}日"
    (m,) = find_dates(text)
    assert m.start_date == f"{era_to_year(era, n):04d}-{month:02d}-{day:02d}"
    assert (m.start, m.end) == (0, len(text))


@settings(max_examples=200)
@given(st.integers(1, 99))
def test_kanji_numerals_match_digits(n):
    tens, ones = divmod(n, 10)
    digits = "〇一二三四五六七八九"
    kanji = ("" if tens == 0 else ("十" if tens == 1 else digits[tens] + "十")) + ("" if ones == 0 else digits[ones])
    assert kanji_to_int(kanji) == n


@pytest.mark.parametrize("text, start, end", [
    ("2021年6月3日(木)4日(金)に開きます", "2021-06-03", "2021-06-04"),  # two days, each with its weekday
    ("会期は令和3年7月8―9日です", "2021-07-08", "2021-07-09"),  # horizontal bar as range mark
    ("先週、6/3・4 に総会がありました", "2021-06-03", "2021-06-04"),  # month/day of a post
    ("6/3(木)に説明会", "2021-06-03", "2021-06-03"),
    ("8月2日(月)・3日(火)の二日間", "2021-08-02", "2021-08-03"),
])
def test_two_day_spans_and_slash_month_day(text, start, end):
    (d,) = find_dates(text, default_year=2021)
    assert (d.start_date, d.end_date) == (start, end)


@pytest.mark.parametrize("text", ["割合は3/4です", "21/06/03", "6月3日(木)9日(水)"])
def test_no_span_from_fractions_or_far_days(text):
    assert all(d.end_date == d.start_date for d in find_dates(text, default_year=2021))


@pytest.mark.parametrize("text, start_date, end_date", [
    ("9月3、4の両日に開く", "2019-09-03", "2019-09-04"),
    ("9月3、4両日", "2019-09-03", "2019-09-04"),
    ("9月3、4の2日間", "2019-09-03", "2019-09-04"),
])
def test_two_days_joined_by_ryoujitsu(text, start_date, end_date):
    (d,) = find_dates(text, default_year=2019)
    assert (d.start_date, d.end_date, d.precision) == (start_date, end_date, "day")


def test_days_that_do_not_follow_each_other_are_no_pair_of_days():
    assert find_dates("9月3、14の両日", default_year=2019) == []
