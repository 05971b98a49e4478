"""第N回目 is an edition mark, but the 目 of 第5回目黒区… starts a place's name (目黒区), which stays
whole in the series. The texts are invented (real places, made-up meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_a_place_starting_with_me_stays_whole():
    text = "第5回目黒区商店街フォーラムが3月2日、区民センターで開かれ、約200名が参加しました。\n"
    assert _summits(text) == [("目黒区商店街フォーラム", 5)]


def test_a_place_starting_with_me_stays_whole_in_a_quote():
    text = "区内の商店会が集う「第7回目黒区商店街フォーラム」を11月20日に開催しました。\n"
    assert _summits(text) == [("目黒区商店街フォーラム", 7)]


def test_the_count_mark_is_still_read():
    text = "第3回目の青葉地域産業サミットが5月12日、盛岡市で開かれた。\n"
    assert _summits(text) == [("青葉地域産業サミット", 3)]
