"""A numbered シンポジウム or フェア is a meeting of a series as a フォーラム is (第3回地域再生シンポジウム,
第1回ものづくり青葉フェア), with a point after the mark read through (第一回・…フェア). Each text is made
up for the case it shows (real places, invented events)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_numbered_symposium_is_a_meeting():
    text = "11月8日、第3回地域再生シンポジウムを大垣市の市民会館で開催しました。\n"
    assert _summits(text) == [("地域再生シンポジウム", 3, "大垣市")]


def test_a_numbered_fair_is_a_meeting():
    text = "第1回ものづくり高岡フェアが10日、高岡市の文化会館で始まった。\n"
    assert _summits(text) == [("ものづくり高岡フェア", 1, "高岡市")]


def test_a_point_after_the_edition_mark_is_no_part_of_the_name():
    text = "「第一回・鶴ヶ島市産業フェア」を鶴ヶ島市役所にて開催しました。\n"
    assert [s[:2] for s in _summits(text)] == [("鶴ヶ島市産業フェア", 1)]


def test_a_word_that_runs_on_after_fair_is_no_meeting():
    text = "第2回フェアトレード講座を開きました。\n"
    assert _summits(text) == []
