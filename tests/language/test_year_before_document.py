"""A month-day written without its year, on a page that dates itself: the page's year, except when that
puts it more than half a year after the page's day while the year before puts it within a quarter before
(a page of 15 January reporting 「12月15日に開催」: December of the year before); and a month-day after the
page's day told as done (開催しました, 施行された) is of the year before, however far. A year written, carried
from the sentence or chosen by a written weekday stays. Every text is made up for the case it shows."""
import pytest

from extractors.language.dates import YEAR_BEFORE_DOCUMENT, before_document_day, carry_years, find_dates


def _read(text: str, day: str | None):
    year = int(day[:4]) if day else None
    return before_document_day(text, carry_years(text, find_dates(text, default_year=year)), day)


@pytest.mark.parametrize("text, day, expected", [
    ("12月15日に総会を開きました。", "2018-01-15", "2017-12-15"),  # just before the page's day
    ("11月20日、21日の両日に開催", "2018-02-10", "2017-11-20"),
    ("10月1日から施行します。", "2018-03-31", "2018-10-01"),  # half a year ahead: the page's year
    ("3月1日に開催します。", "2018-01-15", "2018-03-01"),  # ahead, but not far, and told as ahead
    ("3月1日から施行される。", "2018-01-15", "2018-03-01"),
    # after the page's day but told as done: it cannot be of the page's year, however far
    ("3月1日に開催しました。", "2018-01-15", "2017-03-01"),
    ("7月3日に青葉市の商店街条例が施行されたので、説明会を設けた。", "2019-01-15", "2018-07-03"),
    ("6月10日に協定を締結した。", "2018-02-01", "2017-06-10"),
    ("6月10日に締結した協定に基づき、来月から始めます。", "2018-02-01", "2017-06-10"),
    ("6月10日に締結する予定でしたが延期しました。", "2018-02-01", "2018-06-10"),  # ahead first
    ("3月1日に開催しました。", "2018-03-20", "2018-03-01"),  # before the page's day: the page's year
    ("6月10日に開催いたします。", "2018-02-01", "2018-06-10"),  # (いたします, いただきます: no past)
    ("6月10日にご参加いただきます。", "2018-02-01", "2018-06-10"),
    ("6月10日に開催いたしました。", "2018-02-01", "2017-06-10"),
    ("12月15日(土)に開催", "2018-01-15", "2018-12-15"),  # the weekday chose the year
    ("2017年12月1日に締結し、12月15日に公表", "2018-01-15", "2017-12-15"),  # carried from the sentence
    ("2018年12月15日に開催予定", "2018-01-15", "2018-12-15"),  # written
])
def test_the_year_of_a_month_day(text, day, expected):
    assert _read(text, day)[-1].start_date == expected


def test_the_year_before_says_where_it_came_from():
    (m,) = _read("12月15日に総会を開きました。", "2018-01-15")
    assert (m.start_date, m.end_date, m.year_source) == ("2017-12-15", "2017-12-15", YEAR_BEFORE_DOCUMENT)


def test_a_page_dated_only_by_its_year_keeps_it():
    assert [m.start_date for m in _read("12月15日に総会を開きました。", None)] == [None]
    text = "12月15日に総会を開きました。"
    assert [m.start_date for m in before_document_day(text, find_dates(text, default_year=2018), "2018")] == \
        ["2018-12-15"]
