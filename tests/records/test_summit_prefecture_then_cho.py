"""A town whose name starts with 長 written after its prefecture (新潟県長岡の地で) is the venue: 長 right after a
prefecture names no official (a prefecture's head is its 知事), while 長 after a town still does (長岡市長が出席).
Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import summit_hosts


def test_a_town_starting_with_cho_after_its_prefecture(nlp):
    assert summit_hosts("2024年10月2日\n第20回全国みのり技術サミットが、新潟県長岡の地で9月30日に開かれた。") == [(20, "長岡市")]


def test_a_mayor_after_the_town_is_still_no_venue(nlp):
    assert summit_hosts("2024年10月2日\n第20回全国みのり技術サミットが9月30日に開かれ、長岡市長があいさつした。") == [(20, None)]
