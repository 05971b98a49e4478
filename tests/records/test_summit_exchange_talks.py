"""交流懇談会 is a 交流会's longer word: a numbered 交流懇談会 of bodies is a meeting of a series (第28回「四国地区
経済同友会交流懇談会」); a 集い is not a meeting word (第30回市民の集い is a town's festival). Each text is made up
for the case it shows (real bodies and towns, invented meetings)."""
import pytest

from tests.records.built import records_of


def _summits(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_numbered_exchange_talk(nlp):
    text = ("第28回「四国地区経済同友会交流懇談会」(幹事:愛媛経済同友会)\n令和元年9月6日(金)今回で第28回目となる"
            "「四国地区経済同友会交流懇談会」が、松山市総合コミュニティセンターにおいて開催された。\n")
    assert _summits(text) == [("四国地区経済同友会交流懇談会", 28, "松山市")]


@pytest.mark.parametrize("text", ["市民の集い\n第30回市民の集いを10月1日に松山市で開きます。\n"])
def test_a_gathering_is_no_meeting_word(nlp, text):
    assert _summits(text) == []
