"""A bill quoted whole as the one an assembly passed (「…を推進する条例案」を可決した): the quote, less its 案,
is the ordinance's name, verbs and kana and all, and the assembly's body is its body; a bill turned down
(否決) stays a bill. Each text is made up for the case it shows (real bodies, invented ordinances)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, name, body", [
    ("奈半利町議会は9日、「奈半利町地酒で乾杯を広める条例案」を可決した。来年4月から施行される。\n",
     "奈半利町地酒で乾杯を広める条例", "奈半利町"),
    ("長崎県議会は20日、「県産の焼酎で乾杯を推進する条例案」を賛成多数で可決した。\n",
     "県産の焼酎で乾杯を推進する条例", "長崎県"),
])
def test_a_quoted_bill_passed_is_the_ordinance(nlp, text, name, body):
    _, recs = records_of(text)
    assert [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"] == [(name, body)]


def test_a_quoted_bill_turned_down_is_no_ordinance(nlp):
    _, recs = records_of("長崎県議会は20日、「県産の焼酎で乾杯を推進する条例案」を否決した。\n")
    assert not [r for r in recs if r["type"] == "ordinance"]
