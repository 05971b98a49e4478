"""A news report's venue, then the day, then the meeting's quoted name and the holding verb (…(新潟県三条市…)で
10月14日(土)、「第7回…」が開かれる): the place before で is the venue, as with the day alone between them
(三条市で7月3日に開かれた). A quote may hold a quote of the other kind (「第7回全国『…』大会」). The texts are
invented (real places, made-up meetings)."""
from tests.records.built import summit_hosts


def test_the_day_and_the_quoted_name_between_the_place_and_the_verb():
    text = "「こけし館」(宮城県白石市福岡蔵本1-2)で10月14日(土)、「第7回全国『こけし』サミット」が開かれる。\n"
    assert summit_hosts(text) == [(7, "白石市")]


def test_the_day_alone_between_them():
    text = "白石市の中央公民館で9月27日に開かれた第7回全国こけしサミットには500人が集まった。\n"
    assert summit_hosts(text) == [(7, "白石市")]
