"""A series' short name and this meeting's place written as one word in brackets after its name ((産研長崎),
(若全交静岡)): the place hosts it, made whole by the gazetteer; a short name with no place ((東西協主催), (若全交))
gives none. Each text is made up for the case it shows (real places, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, host", [
    ("産研の開催が近づいて\n第17回地域産業全国研究集会(産研長崎)\n実行委員長 鈴木花子\n開催まで残り十日となりました。\n", "長崎県"),
    ("第23回若手経営者全国交流会(若全交静岡)が開かれた。\n", "静岡県"),
    ("第23回若手経営者全国交流会(東西協主催)が開かれた。\n", None),
    ("第23回若手経営者全国交流会(若全交)が開かれた。\n", None),
])
def test_the_place_after_the_short_name(nlp, text, host):
    assert the_record(text, "summit")["host"] == host
