"""A date whose clause tells another meeting held that day (前日の2月24日には「…フォーラム」が…開催された中、
翌2月25日に第19回…) is that meeting's day, not the numbered meeting's; a date whose clause names the
meeting itself is still its day. Each text is made up for the case it shows (real places, invented
meetings)."""
from tests.records.built import records_of


def _days(text):
    _, recs = records_of(text)
    return [(r["edition"], r["start_date"]) for r in recs if r["type"] == "summit"]


def test_the_day_of_another_meeting_in_the_sentence_is_not_its_day():
    text = (" 前日の2月24日には「東北若手経営者フォーラム」が200名を超える参加者で開催された中、"
            "翌2月25日に第19回沿同協青年部連絡会が宮城で開催され、68名が参加しました。\n「会報」 2018年 3月 25日号より\n")
    assert _days(text) == [(19, "2018-02-25")]


def test_a_day_whose_clause_names_the_meeting_is_its_day():
    text = "2月25日、第19回沿同協青年部連絡会が宮城で開催され、68名が参加しました。\n「会報」 2018年 3月 25日号より\n"
    assert _days(text) == [(19, "2018-02-25")]
