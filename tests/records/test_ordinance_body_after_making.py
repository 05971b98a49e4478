"""A name without its place is the kind of ordinance a page speaks of (`_kind_only`) unless something
says whose it is. One such sign: the making's clause ends on the body that made it
(…条例を1999年に制定した帯広市). Each text is made up for the case it shows (real bodies, invented
ordinances)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text, name, body, enacted", [
    ("全国で早い時期に中小企業振興基本条例を1999年に制定した帯広市。市の取り組みを紹介します。\n", "中小企業振興基本条例",
     "帯広市", "1999"),
    ("ものづくり振興条例を2012年に制定した岡谷市の例を聞いた。\n", "ものづくり振興条例", "岡谷市", "2012"),
    ("「小規模企業振興条例」を制定している燕市では、相談窓口を設けました。\n", "小規模企業振興条例", "燕市", None),
])
def test_the_body_a_making_is_said_of_after_its_verb(nlp, text, name, body, enacted):
    _, recs = records_of(text)
    ords = [r for r in recs if r["type"] == "ordinance"]
    assert [(r["name"], r["municipality"], r["enacted_date"]) for r in ords] == [(name, body, enacted)]
    assert [s["quote"] for s in field_spans(ords[0], "municipality")] == [body]


@pytest.mark.parametrize("text", [
    "中小企業振興基本条例を制定した北海道内の市町村は多い。\n",  # a region, no body
    "中小企業振興基本条例を制定した自治体は全国に広がっています。\n",  # no body at all
])
def test_a_region_or_no_body_after_the_verb_leaves_a_kind(nlp, text):
    _, recs = records_of(text)
    assert [r for r in recs if r["type"] == "ordinance"] == []
