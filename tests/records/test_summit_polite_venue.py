"""A report's polite venue mark: …におきまして (the polite form of において) names where the meeting was
held, as にて and において do. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text,host", [
    ("令和3年10月5日から6日にかけて、埼玉県川口市におきまして、第7回中小企業都市サミットを開催しました。", "川口市"),
    ("平成30年8月1日、新潟県十日町市におきまして第7回中小企業都市サミットが開催されました。", "十日町市"),
    ("第7回中小企業都市サミットは、令和3年10月5日に長野県岡谷市におきまして開催いたしました。", "岡谷市"),
])
def test_a_place_before_the_polite_mark_hosts_the_meeting(nlp, text, host):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["edition"], rec["host"]) == (7, host)
    assert [ev["quote"] for ev in field_spans(rec, "host")] == [host]


def test_a_mayor_before_the_polite_mark_is_no_venue(nlp):
    _, recs = records_of("第7回中小企業都市サミットを開催しました。川口市長におきましては、ご挨拶を頂きました。")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] is None
