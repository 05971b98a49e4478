"""A quote may open on a remark, not on a name (会長は「秋田県では地場産業応援条例が施行され…」): its topic
(秋田県では, 酒田市では) is no part of the name, and names the body whose ordinance it is though it stands in the
quote. Each text is made up for the case it shows (real places, invented remarks)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, name, place", [
    ("覚書を交わしたあと、会長は「秋田県では地場産業・小さな商いの応援条例が施行され、店が増えた。これからも力を貸す」と話した。\n",
     "地場産業・小さな商いの応援条例", "秋田県"),
    ("市長は「酒田市では港町のにぎわい条例が制定され、商店を後押ししてきた」と語った。\n", "港町のにぎわい条例", "酒田市"),
])
def test_the_remark_topic_is_the_body(nlp, text, name, place):
    _, recs = records_of(text)
    assert [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"] == [(name, place)]


def test_a_quoted_name_is_read_as_quoted(nlp):
    _, recs = records_of("酒田市は「酒田市港町のにぎわい条例」を令和3年10月1日に施行した。\n")
    assert [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"] == [
        ("酒田市港町のにぎわい条例", "酒田市")]
