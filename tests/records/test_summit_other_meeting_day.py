"""A date whose clause tells another meeting held that day (前日の9月8日には「…フォーラム」が…開催された中、
翌9月9日に第12回…) is that meeting's day, not the numbered meeting's; a date whose clause names the
meeting itself is still its day. Each text is made up for the case it shows (real places, invented
meetings)."""
from tests.records.built import records_of


def _days(text):
    _, recs = records_of(text)
    return [(r["edition"], r["start_date"]) for r in recs if r["type"] == "summit"]


def test_the_day_of_another_meeting_in_the_sentence_is_not_its_day():
    text = (" 前日の9月8日には「北陸女性起業家フォーラム」が約150名の聴衆を集めて開催された中、"
            "翌9月9日に第12回沿同協青年部連絡会が福井で開かれ、54名が集まりました。\n「会報」 2021年 10月 1日号より\n")
    assert _days(text) == [(12, "2021-09-09")]


def test_a_day_whose_clause_names_the_meeting_is_its_day():
    text = "9月9日、第12回沿同協青年部連絡会が福井で開かれ、54名が集まりました。\n「会報」 2021年 10月 1日号より\n"
    assert _days(text) == [(12, "2021-09-09")]
