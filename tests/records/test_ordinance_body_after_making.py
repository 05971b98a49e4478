"""A name without its place is the kind of ordinance a page speaks of (`_kind_only`) unless something
says whose it is. One such sign: the making's clause ends on the body that made it
(…条例を1999年に制定した帯広市). A description read before the name (全国初の) is no part of it.
Each text is made up for the case it shows (real bodies, invented ordinances)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text, name, body, enacted", [
    ("全国で早い時期に中小企業振興基本条例を1999年に制定した帯広市。市の取り組みを紹介します。\n", "中小企業振興基本条例",
     "帯広市", "1999"),
    ("ものづくり振興条例を2012年に制定した岡谷市の例を聞いた。\n", "ものづくり振興条例", "岡谷市", "2012"),
    ("「小規模企業振興条例」を制定している燕市では、相談窓口を設けました。\n", "小規模企業振興条例", "燕市", None),
    # 全国初の, 県内初の before the name describe it: no part of the name, and no reason to drop it
    ("全国初の中小企業振興基本条例を1979年に制定した墨田区。区の歩みを聞いた。\n", "中小企業振興基本条例", "墨田区", "1979"),
    ("県内初のものづくり振興条例を2016年に制定した燕市では、相談が増えた。\n", "ものづくり振興条例", "燕市", "2016"),
    # the body written with its prefecture before it: the municipality, not the prefecture
    ("2001年に中小企業地域経済振興基本条例を制定した大阪府八尾市は、その後も改正を重ねた。\n", "中小企業地域経済振興基本条例",
     "八尾市", "2001"),
    ("早くに商店街振興条例を制定した北海道帯広市の例を学んだ。\n", "商店街振興条例", "帯広市", None),
])
def test_the_body_a_making_is_said_of_after_its_verb(nlp, text, name, body, enacted):
    _, recs = records_of(text)
    ords = [r for r in recs if r["type"] == "ordinance"]
    assert [(r["name"], r["municipality"], r["enacted_date"]) for r in ords] == [(name, body, enacted)]
    assert [s["quote"] for s in field_spans(ords[0], "municipality")] == [body]


@pytest.mark.parametrize("text", [
    "中小企業振興基本条例を制定した北海道内の市町村は多い。\n",  # a region, no body
    "中小企業振興基本条例を制定した自治体は全国に広がっています。\n",  # no body at all
    "県内初の中小企業振興基本条例の制定を目指す。\n",  # a first one planned, no body
])
def test_a_region_or_no_body_after_the_verb_leaves_a_kind(nlp, text):
    _, recs = records_of(text)
    assert [r for r in recs if r["type"] == "ordinance"] == []
