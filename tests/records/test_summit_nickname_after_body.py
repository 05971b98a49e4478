"""A meeting named by its organiser and a place's nickname written as one word (…連合会松江総会, no space
between the body's name and the place): the place is the host, the city of that name (the page need not
write it), the prefecture where no city has the name or the same-named city is not the prefecture's seat. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_general_meeting_named_after_its_city():
    text = ("去る5月20日に第31回全国商店街女性会連合会松江総会が開催されました。\n"
            "松江市の市長からも祝辞がありました。\n")
    assert _summits(text) == [(31, "松江市")]


def test_a_convention_named_after_a_prefecture_and_its_seat():
    text = "第12回全国商店街女性会連合会秋田大会が盛大に開かれ、当会から5名が参加しました。\n"
    assert _summits(text) == [(12, "秋田市")]


def test_a_convention_named_after_a_prefecture_only():
    text = "第12回全国商店街女性会連合会埼玉大会が盛大に開かれ、当会から5名が参加しました。\n"
    assert _summits(text) == [(12, "埼玉県")]


def test_a_word_that_is_no_place_names_no_host():
    text = "第8回全国商店街女性会連合会通常総会が開かれ、当会から5名が参加しました。\n"
    assert _summits(text) == [(8, None)]
