"""A hall named …フォーラム where another event was held (東京国際フォーラムにて行われ) is no series: a count
of that event (今回で9回目) gives no summit. A numbered …フォーラム is still a meeting. Made up for the case."""
from tests.records.built import records_of


def _summits(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_a_hall_named_forum_is_no_series(nlp):
    assert _summits("物産展が東京国際フォーラムにて行われ、今回で9回目を迎えた。\n") == []


def test_a_numbered_forum_is_a_meeting(nlp):
    assert _summits("第9回北陸観光フォーラムが金沢市で開かれた。\n") == [("北陸観光フォーラム", 9)]
