"""A meeting named after its place with in (…大会in佐賀) names the city where the name is both a prefecture's and
its seat's (佐賀市), as a nickname does; a prefecture whose seat is another city keeps the prefecture
(in栃木: 栃木県). Each text is made up for the case it shows (real places, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text,host", [
    ("第8回青葉経済同友会大会in佐賀 開催\n青葉経済同友会は、第8回大会を開き、約200名が参加した。\n", "佐賀市"),
    ("第8回青葉経済同友会大会in栃木 開催\n青葉経済同友会は、第8回大会を開き、約200名が参加した。\n", "栃木県"),
])
def test_in_a_place_names_the_seat_city(nlp, text, host):
    _, recs = records_of(text)
    assert [(r["edition"], r["host"]) for r in recs if r["type"] == "summit"] == [(8, host)]


def test_in_a_town_the_page_writes_stays_that_town(nlp):
    text = "第16回青葉まつりサミット in 富岡\n会場 富岡町文化交流センター\n主催 富岡町\n"
    _, recs = records_of(text)
    assert [r["host"] for r in recs if r["type"] == "summit"] == ["富岡町"]
