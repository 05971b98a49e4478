"""An era written once and left out after (昭和48年6月11日 … 52年5月27日 … 同年11月21日): the later year is
of that era, so a 同年 after it is that year, not the first date's. Only a year not before the era date's, inside
the era's span, with a month after it (10年ぶり is a count). Each text is made up for the case it shows (real
towns, invented meetings)."""
import pytest

from extractors.language.dates import find_dates
from tests.records.built import records_of


@pytest.mark.parametrize("text, values", [
    ("昭和48年6月11日に開いた。52年5月27日に再開を決めた。", ["1973-06-11", "1977-05-27"]),
    ("平成28年4月1日に施行した。30年3月31日に改正した。", ["2016-04-01", "2018-03-31"]),
    ("平成30年4月1日に施行した。2年3月5日に改正した。", ["2018-04-01", None]),  # before the era date: another era's
    ("平成28年4月1日に施行し、10年ぶりに3月5日に改めた。", ["2016-04-01", None]),  # a count, no year
    ("2015年4月1日に施行した。16年5月2日に改正した。", ["2015-04-01", None]),  # no era written
])
def test_the_era_carries(text, values):
    assert [d.start_date for d in find_dates(text)] == values


def test_same_year_after_the_carried_year(nlp):
    _, recs = records_of("大会は、昭和48年6月11日、佐賀市で第16回九州商工大会を開催して以来、中断していた。"
                         "連合会は、52年5月27日の理事会で再開を決めた。こうして、第17回大会は同年11月21日、唐津市で開催された。\n")
    assert sorted((r["edition"], r["start_date"]) for r in recs if r["type"] == "summit") == [
        (16, "1973-06-11"), (17, "1977-11-21")]
