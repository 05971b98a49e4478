"""A meeting named for the work it does (…作成会議, …準備会議) or for the working group that holds it
(…グループ会議, …チーム会議) is a working meeting, no summit, numbered or not; a gathering of bodies
named for who meets (…市長会議, …交流会議) stays one. Our own sentences; real towns, invented meetings."""
import pytest

from tests.records.built import records_of


def _summits(text: str) -> list[dict]:
    _, recs = records_of(text)
    return [r for r in recs if r["type"] == "summit"]


@pytest.mark.parametrize("text", [
    "来月9日には町と商工会の二者による第一回目の計画書作成会議が開かれます。",
    "テーマごとに第1回目のプロジェクトグループ会議を開き、進め方を話し合いました。",
    "第2回大会準備会議を公民館で開催した。",
    "第3回支援チーム会議を市役所で開いた。",
])
def test_a_working_meeting_is_no_summit(text):
    assert _summits(text) == []


def test_a_gathering_named_for_who_meets_stays_a_summit():
    (rec,) = _summits("第12回北海道東部市長会議が釧路市で開かれた。")
    assert (rec["series"], rec["edition"]) == ("北海道東部市長会議", 12)
