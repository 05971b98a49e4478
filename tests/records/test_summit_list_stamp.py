"""A list item's stamp in brackets opening its line ([2019.07.10] 第10回…を7月4日に開催しました) is the day the
item was posted, not the meeting's: the sentence's own day is. Each text is made up for the case it shows
(real towns, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("stamp", ["[2019.07.10]", "【2019年7月10日】", "［2019/07/10］"])
def test_the_sentence_day_over_the_stamp(nlp, stamp):
    _, recs = records_of(f"{stamp} 第10回全国ダムサミットを7月4日に長井市で開催しました。\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["start_date"] == "2019-07-04"


def test_a_day_opening_the_sentence_is_no_stamp(nlp):
    _, recs = records_of("2019年7月10日、第10回全国ダムサミットを長井市で開催しました。\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["start_date"] == "2019-07-10"
