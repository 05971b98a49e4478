"""A top line of links parted by > that files the page under a calendar year (ホーム > お知らせ2013年 > …) gives the
page's year: a meeting's month and day written without one take it; a fiscal year (平成22年度) runs over two
years and gives none. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["edition"], r["start_date"]) for r in recs if r["type"] == "summit"]


def test_a_breadcrumb_year_dates_the_meetings_day():
    text = ("青年部のお知らせ\n"
            "ホームお知らせ2016年 > 第12回東北商工会議所青年部連合会山形大会を開催\n"
            "第12回東北商工会議所青年部連合会山形大会を開催\n"
            " 東北商工会議所青年部連合会は10月8日、山形市で「第12回東北商工会議所青年部連合会山形大会」を開催した。\n")
    assert _summits(text) == [(12, "2016-10-08")]


def test_a_breadcrumb_year_between_links():
    text = ("ホーム > 活動報告 > 2016年 > 山形大会\n"
            "第12回東北商工会議所青年部連合会山形大会を開催\n"
            " 東北商工会議所青年部連合会は10月8日、山形市で「第12回東北商工会議所青年部連合会山形大会」を開催した。\n")
    assert _summits(text) == [(12, "2016-10-08")]


def test_a_fiscal_year_breadcrumb_gives_no_year():
    text = ("ホーム > 平成28年度 活動報告 > 山形大会\n"
            "第12回東北商工会議所青年部連合会山形大会を開催\n"
            " 東北商工会議所青年部連合会は10月8日、山形市で「第12回東北商工会議所青年部連合会山形大会」を開催した。\n")
    assert _summits(text) == [(12, None)]
