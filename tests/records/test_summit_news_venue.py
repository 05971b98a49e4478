"""A news report's way of saying where a meeting was held: 「…」が11日、青葉市の青葉会館であった (was held at),
…で…であり、: the place before であった hosts the meeting. Each text is made up for the case it shows
(real towns, invented meetings)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text,host", [
    ("「第2回全国棚田サミット」が11日、十日町市のクロステン十日町であった。全国から200人が集まった。", "十日町市"),
    ("第2回全国棚田サミットが5日、新潟県十日町市であり、約300人が参加した。", "十日町市"),
])
def test_the_place_before_was_held_hosts_the_meeting(nlp, text, host):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] == host
    assert [ev["quote"] for ev in field_spans(rec, "host")] == [host]


def test_a_copula_sentence_about_a_place_is_no_venue(nlp):
    _, recs = records_of("第2回全国棚田サミットが5日に開かれた。議論の中心は十日町市の事例であった。")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] is None
