"""交流懇談会 is a 交流会's longer word: a numbered 交流懇談会 of bodies is a meeting of a series (第15回「北陸三県
商工会議所交流懇談会」); a 集い is not a meeting word (第21回区民の集い is a town's festival). Each text is made up
for the case it shows (real towns, invented bodies and meetings)."""
import pytest

from tests.records.built import records_of


def _summits(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_numbered_exchange_talk(nlp):
    text = ("第15回「北陸三県商工会議所交流懇談会」(当番:東西商工会議所)\n令和4年11月18日(金)、15回目を迎えた"
            "「北陸三県商工会議所交流懇談会」が、富山市民プラザにおいて開かれた。\n")
    assert _summits(text) == [("北陸三県商工会議所交流懇談会", 15, "富山市")]


@pytest.mark.parametrize("text", ["区民の集い\n第21回区民の集いを6月4日に富山市で開きます。\n"])
def test_a_gathering_is_no_meeting_word(nlp, text):
    assert _summits(text) == []
