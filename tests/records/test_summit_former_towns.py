"""A town written right after its prefecture before a venue mark (愛知県長久手町におきまして, 岐阜県藤橋村の
村民センターで) hosts the meeting though it has since merged or become a city, and the gazetteer, built from
today's postal table, no longer holds it. Each text is made up for the case it shows (real former towns,
invented meetings)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text,host", [
    ("平成17年6月3日から5日まで、愛知県長久手町におきまして第10回全国まちなか交流会を開きました。", "長久手町"),
    ("平成15年10月1日、第5回全国ダムサミットが岐阜県藤橋村で開催された。", "藤橋村"),
    ("平成15年10月1日、第5回全国ダムサミットが岐阜県藤橋村の村民センターで開催された。", "藤橋村"),
])
def test_a_former_town_after_its_prefecture_hosts_the_meeting(nlp, text, host):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] == host
    assert [ev["quote"] for ev in field_spans(rec, "host")] == [host]


@pytest.mark.parametrize("text", [
    "平成15年10月1日、第5回全国ダムサミットが岐阜県立森林文化アカデミーで開催された。",
    "平成15年10月1日、第5回全国ダムサミットが岐阜県で開催された。",
])
def test_a_prefecture_alone_stays_the_prefecture(nlp, text):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] == "岐阜県"
