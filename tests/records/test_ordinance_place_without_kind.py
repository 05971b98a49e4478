"""A 例規集 header whose name writes its body without the body's kind (やっぱり小布施のくりがいい条例): the run of
kanji between kana that, with the kind the articles use bare for their own body (町の役割, 町は), is a
municipality's name (the gazetteer's) is the enacting body, its span the word in the name. A run that is no
municipality with that kind gives none. The ordinances are invented (real towns)."""
import pytest

from tests.records.built import field_spans, records_of


def _ordinance(text: str) -> dict:
    _, records = records_of(text)
    (record,) = [r for r in records if r["type"] == "ordinance"]
    return record


def test_the_body_named_without_its_kind(nlp):
    text = ("○やっぱり小布施のくりがいい条例\n平成21年12月22日\n条例第24号\n(目的)\n"
            "第1条 この条例は、町民、事業者及び町の役割を定め、町の産業の発展を図ることを目的とします。\n")
    record = _ordinance(text)
    assert (record["municipality"], record["municipality_code"]) == ("小布施町", "205419")
    assert [s["quote"] for s in field_spans(record, "municipality")] == ["小布施"]


@pytest.mark.parametrize("text", [
    # the articles speak of 町; 青葉 with 町 is no municipality
    "○やっぱり青葉のくりがいい条例\n平成21年12月22日\n条例第24号\n(目的)\n第1条 この条例は、町の役割を定める。\n",
    # no number below the name: no 例規集 header
    "やっぱり小布施のくりがいい条例\n(目的)\n第1条 この条例は、町の役割を定める。\n",
])
def test_no_body_without_a_municipality_or_a_header(nlp, text):
    _, records = records_of(text)
    assert all(r["municipality"] is None for r in records if r["type"] == "ordinance")
