"""The document's own date (`language.dates.document_date`): one reader for every form a page
dates itself by. Table-driven, no model; the texts are made up for the case they show."""
import pytest

from extractors.language.dates import document_date, document_year


@pytest.mark.parametrize("text, date, kind", [
    # a date alone on a top line, in the forms pages write it
    ("お知らせ\n2019.03.18 Mon\n青葉市で説明会を開きました。", "2019-03-18", "date line"),
    ("記事\n2023 / 01 / 31 19:09\n本文です。", "2023-01-31", "date line"),
    ("第5回青葉大会開かれる\n18/9/27\n本文です。", "2018-09-27", "date line"),
    ("見出し\n(令和3年4月1日)\n本文", "2021-04-01", "date line"),
    ("広報誌\n令和2年3月 発行\n報告書です。", "2020-03", "date line"),
    # a date bracketed at the edge of a heading (a members' news page)
    ("活動報告\n2019年度 青葉交流サミット【19.07.17】\n本文です。", "2019-07-17", "date line"),
    ("【12.12.28】各地で振興条例が制定される\n本文です。", "2012-12-28", "date line"),
    # markers, the value on the same line or the next
    ("本文\n公開日 2016年01月19日\n更新日 2018年02月01日", "2016-01-19", "published"),
    ("見出し\n更新日:\n2019/08/21\n本文です。", "2019-08-21", "date line"),  # (alone on its line too)
    ("見出し\n" + "本文の行です。\n" * 13 + "最終更新日 2019年8月21日", "2019-08-21", "updated"),
    # a citation closing the text: a paper's name and its date in brackets
    ("青葉市で大会が開かれた。\n\n(青葉新報 09年11月10日号)", "2009-11-10", "citation"),
    ("本文。\n(ニュース青葉/2021年11月20日更新)", "2021-11-20", "citation"),
    ("協定を結んだ (2019/10/30 青葉出版)\n本文です。", "2019-10-30", "citation"),
    # a paper's credit line closing the text, no brackets: its name, the date and a time
    ("青葉市で大会が始まった。\n\n青葉新報WEB 2018.3.20 22:41\nhttp://example.jp/news/1\n", "2018-03-20", "citation"),
    # an issue line closing the text, with no bracket: the paper's name, the date of its issue
    ("本文です。\n\n「青葉新報」 2014年 11月 15日号より", "2014-11-15", "citation"),
    # a weekly's double issue on a top line: its first day
    ("東西大学と提携\n\n週刊青葉2021年8月9日・16日合併号\n\n本文です。", "2021-08-09", "citation"),
    # markers written in English, or as a table's cells with bars beside them
    ("見出し\n   Posted on 2021年 3月 18日   \n本文です。", "2021-03-18", "published"),
    ("報道年月日 |\n2021/08/31 |\n報道機関名 |\n青葉新聞 |", "2021-08-31", "published"),
    # a news item's date before its headline on the first line
    ("2017.12.07 東西銀行と南北商工会が協定を締結\n\n本文です。", "2017-12-07", "date line"),
    ("現在の場所\n\n平成30年2月5日(月)青葉県柏市\n\n目的\n本文です。", "2018-02-05", "date line"),
    # a 公布文: the date below 「…をここに公布する。」
    ("第1条 目的を定める。\n" * 13 + "青葉市中小企業振興条例をここに公布する。\n令和5年12月25日\n青葉市長 山田一郎",
     "2023-12-25", "公布文"),
    # a post's stamp: the date opens a top line and a clock time follows it (the rest: an update, a category)
    ("見出し\n\n2020年8月26日 05時00分 (8月26日 10時02分更新)\n本文です。", "2020-08-26", "date line"),
    ("見出し\n2016年03月24日 19時44分 経済, 地域\n本文です。", "2016-03-24", "date line"),
    # a stamp in brackets with a weekday and a clock time inside, the date's parts spaced
    ("見出し\n[ 2022年 5月 9日 月曜日 09時15分 ]\n本文です。", "2022-05-09", "date line"),
    ("見出し\n2022年5月9日 月曜日 9時\n本文です。", "2022-05-09", "date line"),
    # a release's header written as list items: 「• ニュースリリース」 over 「• 令和4年5月9日」
    ("東西銀行\n  • ニュースリリース\n  • 令和4年5月9日\n  • 東西銀行\n本文です。", "2022-05-09", "date line"),
    # a newspaper's dateline: the paper's name and the date of the article with 付, on a line of its own
    ("『青葉新聞』2006年12月27日付\n\n見出し\n本文です。", "2006-12-27", "citation"),
    ("本文です。\n=2010/01/31付 青葉新報朝刊=", "2010-01-31", "citation"),
    # a breadcrumb line filing the page under a calendar year: the year only (a fiscal year: none)
    ("ホーム > 活動報告 > 2018年 > 第3回総会\n\n第3回総会を開催\n本文です。", "2018", "breadcrumb"),
    ("ホーム活動報告令和2年 > 第3回総会\n\n本文です。", "2020", "breadcrumb"),
    ("見出し\n\n【2025年6月4日付 地域経済面 北陸新報デジタル版】\n\n" + "本文です。\n" * 6, "2025-06-04", "citation"),
    # the year in the name of the event the page opens with: the year only
    ("青葉観光フォーラム in あおば2008\n9月25日に開かれた。", "2008", "event name"),
    ("「中核都市サミット2020in青葉」に出席します\n本文", "2020", "event name"),
])
def test_document_date_forms(text, date, kind):
    found = document_date(text)
    assert found is not None and (found.date, found.kind) == (date, kind)
    assert found.year == int(date[:4])
    quote = text[found.start:found.end]  # the span is the expression as written
    assert quote[:2].isdigit() or quote[:2] in ("令和", "平成")


@pytest.mark.parametrize("text", [
    "本文は2019年4月1日に始まった。",  # a date inside a sentence is what the text is about
    "条例(平成16年5月27日制定)について説明します。",
    "【日 時】\n平成25年2月5日(火)~6日(水)\n【会 場】青葉市民会館",  # a key's value: the event's date
    "割合は1/2です。\n第3回の会合",
    "大会の記録\n第10回 2019年5月1日",  # a list row at the end, not a credit: its name holds a digit
    "青葉市は協定を結んだ(令和2年4月1日施行)",  # a note on a fact, not a citation
    "2017年4月1日に青葉市で協定を結んだ。\n本文です。",  # a sentence that opens with a date: no headline
    "本文です。\n2019年度の計画は5月号に載せる。",  # an issue named in a sentence
    "日時\n2020年8月26日 13時30分~15時00分\n会場 青葉市民会館",  # an event's time range under its key
    "本文です。\n2019年4月1日付で就任した。",  # 付で: a date in a sentence, not the article's dateline
    # a blog's calendar drawn as text: its month is the calendar's, not the page's date
    "ニュース\n2022年6月\n« 5月\n    12\n3456789\n見出し\n本文です。",
    "ニュース\n2022年6月\n日 月 火 水 木 金 土\n1 2 3 4 5 6 7\n本文です。",
    "",
])
def test_no_document_date(text):
    assert document_date(text) is None


def test_year_is_the_dates_year():
    assert document_year("お知らせ\n18/9/27\n本文") == 2018
    assert document_year("本文だけの文書です。") is None


@pytest.mark.parametrize("text, date", [
    ("見出し\n98/4/1\n本文", "1998-04-01"),  # two-digit years: 70-99 are the 1900s
    ("見出し\n05/4/1\n本文", "2005-04-01"),
])
def test_two_digit_years(text, date):
    assert document_date(text).date == date


# --- a year stated once for a run of dates (carry_years) ----------------------

from extractors.language.dates import YEAR_OF_SENTENCE, carry_years, find_dates  # noqa: E402


@pytest.mark.parametrize("text, default_year, expected", [
    ("平成30年第3回定例会で可決され、10月1日より施行された。", None, ["2018", "2018-10-01"]),
    ("平成29年10月2日に可決され、同10月6日に公布された。", None, ["2017-10-02", "2017-10-06"]),
    ("令和4年12月15日に始め、1月15日に締め切った。", None, ["2022-12-15", "2023-01-15"]),  # across the year's end
    ("平成28年度は5月10日と2月3日に開いた。", None, ["2016", "2016-05-10", "2017-02-03"]),  # a fiscal year
    ("平成30年に始まった。10月1日に施行した。", 2020, ["2018", "2020-10-01"]),  # not across a sentence end
    ("平成30年に始まった事業の報告です。10月1日", None, ["2018", None]),
])
def test_carry_years(text, default_year, expected):
    found = carry_years(text, find_dates(text, default_year=default_year))
    assert [d.start_date for d in found] == expected
    for d in found:
        carried = not d.year_given and d.start_date is not None and default_year is None
        assert (d.year_source == YEAR_OF_SENTENCE) is carried


def test_that_year_takes_the_year_named_before():
    """その年の5月19日 / 同年6月1日: the year the text named last, across a sentence end."""
    from extractors.language.dates import YEAR_NAMED_BEFORE

    text = "1985年当時、協会はまだ小さかった。その年の5月19日、20日に青葉市で集まった。同年6月1日に報告した。"
    found = carry_years(text, find_dates(text))
    assert [d.start_date for d in found] == ["1985", "1985-05-19", "1985-06-01"]
    assert [d.year_source for d in found[1:]] == [YEAR_NAMED_BEFORE, YEAR_NAMED_BEFORE]
    other = "1985年に始まった。5月19日に集まった。"  # no その年: the year stays unknown
    assert [d.start_date for d in carry_years(other, find_dates(other))] == ["1985", None]


@pytest.mark.parametrize("text, expected", [
    # 同月N日: the month of the dated day before it on its line, across a sentence end
    ("令和3年10月4日に可決されました。条例は同月8日に公布されました。", ["2021-10-04", "2021-10-08"]),
    ("平成30年6月の総会で決め、同月 20日に届けた。", ["2018-06", "2018-06-20"]),  # a month is anchor enough
    ("平成30年の総会で決め、同月20日に届けた。", ["2018"]),  # a year is not
    ("令和3年10月4日に可決されました。\n同月8日に公布されました。", ["2021-10-04"]),  # not across a line
])
def test_same_month_days(text, expected):
    from extractors.language.dates import YEAR_OF_SAME_MONTH

    found = carry_years(text, find_dates(text))
    assert [d.start_date for d in found] == expected
    assert all((d.year_source == YEAR_OF_SAME_MONTH) == text[d.start:d.end].startswith("同") for d in found)


@pytest.mark.parametrize("text, expected", [
    ("11月8日と9日の両日に開いた。", ("11月8日と9日", "2019-11-08", "2019-11-09")),
    ("7月14日から15日にかけて開いた。", ("7月14日から15日", "2019-07-14", "2019-07-15")),
    ("5月1日と15日に開いた。", ("5月1日", "2019-05-01", "2019-05-01")),  # two days apart: a list
    ("3月1日から3日間開いた。", ("3月1日", "2019-03-01", "2019-03-01")),  # a count of days
])
def test_two_day_spans_with_to_and_kara(text, expected):
    first = find_dates(text, default_year=2019)[0]
    assert (text[first.start:first.end], first.start_date, first.end_date) == expected


def test_a_persons_joining_year_in_brackets_is_no_citation():
    """(a line made up for the case: a member's name with the year they joined, closing a top line)"""
    from extractors.language.dates import document_date
    text = "総会に招かれて\n山田一郎(株)山田工務店(青葉地区・入会1967年)\n今年7月の総会に参加しました。"
    assert document_date(text) is None
