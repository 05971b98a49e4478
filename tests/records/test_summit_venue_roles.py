"""The venue named by its role in a sentence: 会場は…市の…, 開催地は…県…市, …市が会場となり, …市が開催地と
なって, …市を舞台に; not the next meeting's (次回の開催地は…), nor an official (会場は…町長の挨拶で…). Each text
is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import field_spans, records_of


def _summit(text: str) -> dict:
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit" and r["edition"] == 10]
    return rec


@pytest.mark.parametrize("text", [
    "第10回全国ダムサミットが2019年7月4日に開かれた。会場は長井市の長井市民文化会館。",
    "第10回全国ダムサミットが2019年7月4日に開かれた。開催地は山形県長井市。",
    "2019年7月4日、長井市が会場となり、第10回全国ダムサミットが開かれた。",
    "2019年7月4日、長井市が開催地となって第10回全国ダムサミットが開かれた。",
    "第10回全国ダムサミットは、長井市を舞台に2019年7月4日に開かれた。",
])
def test_the_place_named_by_its_role_hosts_the_meeting(nlp, text):
    rec = _summit(text)
    assert rec["host"] == "長井市"
    assert [ev["quote"] for ev in field_spans(rec, "host")] == ["長井市"]


@pytest.mark.parametrize("text", [
    "2019年7月4日、第10回全国ダムサミットを開催し、次回の開催地は真室川町に決まった。",
    "2019年7月4日、第10回全国ダムサミットを開催した。来年の開催地は真室川町。",
    "2019年7月4日、第10回全国ダムサミットを開催した。会場は真室川町長の挨拶で盛り上がった。",
])
def test_the_next_meeting_or_an_official_is_no_host(nlp, text):
    assert _summit(text)["host"] is None
