"""A quote may open on a remark, not on a name (会長は「山形県では中小企業振興条例が施行され…」): its topic
(山形県では, 米沢市では) is no part of the name, and names the body whose ordinance it is though it stands in the
quote. Each text is made up for the case it shows (real places, invented remarks)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, name, place", [
    ("協定の調印後、会長は「山形県では中小企業・小規模企業振興条例が施行され、計画が進んでいる。今後も支えたい」と語った。\n",
     "中小企業・小規模企業振興条例", "山形県"),
    ("市長は「米沢市では中小企業振興基本条例が制定され、事業者を支えてきた」と振り返った。\n", "中小企業振興基本条例", "米沢市"),
])
def test_the_remark_topic_is_the_body(nlp, text, name, place):
    _, recs = records_of(text)
    assert [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"] == [(name, place)]


def test_a_quoted_name_is_read_as_quoted(nlp):
    _, recs = records_of("米沢市は「米沢市中小企業振興基本条例」を平成28年4月1日に施行しました。\n")
    assert [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"] == [
        ("米沢市中小企業振興基本条例", "米沢市")]
