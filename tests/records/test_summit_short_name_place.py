"""A series' short name and this meeting's place written as one word in brackets after its name ((全研岡山),
(青全交岐阜)): the place hosts it, made whole by the gazetteer; a short name with no place ((中同協主催), (全研))
gives none. Each text is made up for the case it shows (real places, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, host", [
    ("全研開催を目前にして\n第41回中小企業問題全国研究集会(全研岡山)\n実行委員長 山田太郎\nいよいよ開催まで一週間となりました。\n", "岡山県"),
    ("第49回青年経営者全国交流会(青全交岐阜)が開かれた。\n", "岐阜県"),
    ("第49回青年経営者全国交流会(中同協主催)が開かれた。\n", None),
    ("第49回青年経営者全国交流会(青全交)が開かれた。\n", None),
])
def test_the_place_after_the_short_name(nlp, text, host):
    assert the_record(text, "summit")["host"] == host
