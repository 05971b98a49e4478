"""Where a series began (…は2010年に長井市で始まり、今年で3回目) is no venue of this meeting: the venue the page
gives for this one is. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text", [
    "全国ダムサミットは平成22年に長井市で始まり、今年で3回目を迎えた。今回は十日町市が会場となった。",
    "全国ダムサミットは2010年に長井市で始まり、今年で3回目。今回は十日町市で7月3日に開かれた。",
])
def test_the_founding_place_is_no_host(nlp, text):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["edition"], rec["host"]) == (3, "十日町市")


def test_a_meeting_that_began_on_a_day_there_is_hosted_there(nlp):
    _, recs = records_of("2019年7月4日、長井市で第3回全国ダムサミットが始まった。")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] == "長井市"
