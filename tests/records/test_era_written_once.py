"""An era written once and left out after (昭和46年9月8日 … 54年2月14日 … 同年10月3日): the later year is
of that era, so a 同年 after it is that year, not the first date's. Only a year not before the era date's, inside
the era's span, with a month after it (10年ぶり is a count). Each text is made up for the case it shows (real
towns, invented meetings)."""
import pytest

from extractors.language.dates import find_dates
from tests.records.built import records_of


@pytest.mark.parametrize("text, values", [
    ("昭和46年9月8日に開いた。54年2月14日に再び開くと決めた。", ["1971-09-08", "1979-02-14"]),
    ("平成28年4月1日に施行した。30年3月31日に改正した。", ["2016-04-01", "2018-03-31"]),
    ("平成30年4月1日に施行した。2年3月5日に改正した。", ["2018-04-01", None]),  # before the era date: another era's
    ("平成28年4月1日に施行し、10年ぶりに3月5日に改めた。", ["2016-04-01", None]),  # a count, no year
    ("2015年4月1日に施行した。16年5月2日に改正した。", ["2015-04-01", None]),  # no era written
])
def test_the_era_carries(text, values):
    assert [d.start_date for d in find_dates(text)] == values


def test_same_year_after_the_carried_year(nlp):
    _, recs = records_of("物産展は、昭和46年9月8日、富山市で第9回北陸物産大会を催したのち、休んでいた。"
                         "協議会は54年2月14日の総会で再び開くと決め、第10回大会は同年10月3日、高岡市で開かれた。\n")
    assert sorted((r["edition"], r["start_date"]) for r in recs if r["type"] == "summit") == [
        (9, "1971-09-08"), (10, "1979-10-03")]
