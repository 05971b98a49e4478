"""An ordinance the page only names is dropped (`_named_in_passing`) unless something says it exists.
These are ways of saying so that the rule once missed: a body's ordinance said to be in place
(X条例を定めています), and a page whose title opens with the quoted name. Each text is made up for the
case it shows (real bodies, invented ordinances)."""
import pytest

from tests.records.built import records_of


def _ordinances(text: str, title: str | None = None) -> list[tuple[str, str | None]]:
    _, recs = records_of(text, title=title)
    return [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"]


@pytest.mark.parametrize("text, name, body", [
    ("都内の区にも同じ趣旨の条例があります。台東区のページには、区は『東京都台東区中小企業振興に関する基本条例』を"
     "定めています、とあります。\n", "東京都台東区中小企業振興に関する基本条例", "台東区"),
    ("品川区は品川区中小企業振興基本条例を定めている。区内の事業者を支える仕組みです。\n", "品川区中小企業振興基本条例",
     "品川区"),
    ("府中市では「府中市産業振興条例」を定めています。\n", "府中市産業振興条例", "府中市"),
])
def test_a_bodys_ordinance_said_to_be_in_place(nlp, text, name, body):
    assert _ordinances(text) == [(name, body)]


@pytest.mark.parametrize("text", [
    "多くの自治体が中小企業振興基本条例を定めています。\n",  # a kind of ordinance, no body
    "燕市は燕市ものづくり振興条例を定めていません。\n",  # said not to be in place
    "燕市は燕市ものづくり振興条例を定めていく考えです。\n",  # a plan
])
def test_a_kind_an_absence_or_a_plan_is_no_ordinance_in_place(nlp, text):
    assert _ordinances(text) == []


@pytest.mark.parametrize("title, text, name, body", [
    ("「燕市中小企業・小規模企業振興基本条例」を読む会", "燕市中小企業・小規模企業振興基本条例について報告がありました。参加者は30名でした。\n",
     "燕市中小企業・小規模企業振興基本条例", "燕市"),
    ("「小松市ものづくり振興条例」ってなに?", "「小松市ものづくり振興条例」を知っていますか。地域の産業を支える条例です。\n",
     "小松市ものづくり振興条例", "小松市"),
    ("○『帯広市中小企業振興基本条例』を学ぶ", "例会では『帯広市中小企業振興基本条例』の話を聞きました。\n", "帯広市中小企業振興基本条例",
     "帯広市"),
])
def test_a_title_opening_with_the_quoted_name_is_about_it(nlp, title, text, name, body):
    assert _ordinances(text, title) == [(name, body)]


@pytest.mark.parametrize("title, text", [
    # a draft asked for: the title quotes it too, and it is still no ordinance
    ("「青葉市中小企業振興基本条例」の制定を求める請願", "「青葉市中小企業振興基本条例」の制定を求める請願が出されました。\n"),
    # the title quotes something else first: the name in the text stays a passing one
    ("「地域の力」を考えるつどい", "例会では帯広市中小企業振興基本条例の話も出ました。\n"),
])
def test_a_title_quoting_a_draft_or_another_thing_says_nothing(nlp, title, text):
    assert _ordinances(text, title) == []
