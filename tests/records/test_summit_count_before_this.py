"""An edition written as a count set before the word for this meeting (10回目の今回は, 5回目の今大会には):
the count of the series the page names. Each text is made up for the case (real towns, invented meetings)."""
import pytest

from tests.records.built import records_of


def _summits(text: str) -> list[dict]:
    _, recs = records_of(text)
    return [r for r in recs if r["type"] == "summit"]


@pytest.mark.parametrize("text,series,edition", [
    ("山あいの町村でつくる「全国棚田サミット」が16日、十日町市で開幕した。3年ごとに開かれ、10回目の今回は共同宣言を"
     "まとめる予定だ。", "全国棚田サミット", 10),
    ("ダムのある市町でつくる「全国ダムサミット」が5日、長井市で開かれた。5回目の今回は6市町の首長が参加した。",
     "全国ダムサミット", 5),
    ("全国棚田大会が真室川町で開かれました。\n\n7回目の今大会には、全国から300人が集まりました。",
     "全国棚田大会", 7),
])
def test_a_count_before_this_meeting_is_its_edition(nlp, text, series, edition):
    (rec,) = _summits(text)
    assert (rec["series"], rec["edition"]) == (series, edition)


@pytest.mark.parametrize("text", [
    "長井市長は全国ダムサミットに出席した。市長の出席は3回目の今回が最後となる。",
    "全国ダムサミットが長井市で開かれた。市長は2回目の参加となった。",
])
def test_a_count_of_someone_attending_is_no_edition(nlp, text):
    assert [r["edition"] for r in _summits(text)] in ([], [None])
