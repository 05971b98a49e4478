"""標記会議, 上記会議, 標記の会議: a release's reference to the meeting its title names is that meeting,
no series of its own. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("title,sentence", [
    ("第3回全国ダムサミットの開催結果について", "令和元年7月4日(木)に第3回目となる標記会議を山形県長井市で開催しました。"),
    ("第3回全国ダムサミットの開催について", "上記会議を令和元年7月4日(木)に長井市において開催します。"),
    ("第3回全国ダムサミットの開催結果", "令和元年7月4日に第3回となる標記の会議を長井市で開催しました。"),
])
def test_a_reference_to_the_title_is_the_titled_meeting(nlp, title, sentence):
    _, recs = records_of(f"{title}\n{sentence}\n", title=title)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["series"], rec["edition"], rec["start_date"], rec["host"]) == ("全国ダムサミット", 3, "2019-07-04", "長井市")
