"""A venue written before the meeting's quoted slogan or theme (…の地で「…」のスローガンを掲げ、…総会を
開催) is the meeting's venue: the quote and its cue stand between the place and the holding verb.
The text is invented (real places, a made-up meeting)."""
from tests.records.built import summit_hosts


def test_a_slogan_between_the_venue_and_the_verb():
    text = ("私たちは、5月9・10日の2日間、新潟県上越の地で「港の力で明日へ進もう」のスローガンを掲げ、"
            "港まち協第21回定時総会を開催しました。全国から800名が参加しました。\n")
    assert summit_hosts(text) == [(21, "上越市")]


def test_a_slogan_with_its_own_exclamation():
    text = ("私たちは、5月9・10日の2日間、新潟県上越の地で「港の力で明日へ進もう!」のスローガンを掲げ、"
            "港まち協第21回定時総会を開催しました。全国から800名が参加しました。\n")
    assert summit_hosts(text) == [(21, "上越市")]
