"""A count of the meeting's holdings before its name (10回目の開催となる「…」, 第7回開催を迎えた…): the count's verb
after 開催 is the one of 8回目となる…, and the name follows it. Each text is made up for the case it shows (real
towns, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text", [
    "2025年2月3日\n10回目の開催となる「みなと企業交流サミット」が、1月31日に函館市で開かれた。",
    "2025年2月3日\n10回目の開催となるみなと企業交流サミットが、1月31日に函館市で開かれた。",
])
def test_the_name_after_a_counted_holding(nlp, text):
    _, recs = records_of(text)
    assert [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"] == [
        ("みなと企業交流サミット", 10, "函館市")]
