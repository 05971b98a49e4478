"""A news service's date line (2024年12月25日(水) 配信, …18時00分配信) is the page's own date, as a 掲載 or
投稿 line is: never the day of the meeting the page reports, and the year the page's month-days take. Each
text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["edition"], r["start_date"]) for r in recs if r["type"] == "summit"]


def test_a_delivery_line_is_no_meeting_day():
    text = ("【第9回日本海交流フォーラムin敦賀】港から地域の魅力を発信\n"
            "2024年12月25日(水) 配信\n"
            " 日本海交流機構は港町の連携を目的に活動している。11月22日(金)のフォーラムで理事長は地域の連携を訴えた。\n")
    assert _summits(text) == [(9, "2024-11-22")]


def test_a_delivery_line_with_its_hour_is_the_page_date():
    text = ("第9回日本海交流フォーラムを敦賀市で開催\n"
            "(青葉通信) 2024年12月25日(水)18時00分配信 青葉通信\n"
            " 日本海交流機構は、敦賀市において第9回日本海交流フォーラムを開催しました。\n")
    assert _summits(text) == [(9, None)]
