"""A meeting's day and place in brackets right after its name (第10回…サミット(2019年7月4日、長井市)): the
place hosts it. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text,host", [
    ("第10回全国ダムサミット(2019年7月4日、長井市)で「ダムと地域の共生」をキャッチフレーズに議論した。", "長井市"),
    ("第10回全国ダムサミット(2019年7月4日(木)・山形県長井市)に出席しました。", "長井市"),
    ("第10回全国ダムサミット(7月4日 真室川)で報告した。", "真室川町"),
])
def test_the_place_after_the_day_in_brackets_hosts_the_meeting(nlp, text, host):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] == host
    assert len(field_spans(rec, "host")) == 1


def test_a_person_after_the_day_in_brackets_is_no_host(nlp):
    _, recs = records_of("第10回全国ダムサミット(2019年7月4日、山田太郎氏)で報告した。")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] is None
