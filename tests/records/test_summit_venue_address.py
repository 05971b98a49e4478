"""A meeting's venue key naming a hall that holds no place name, with the hall's address on the line
below: the address's municipality hosts the meeting. Each text is made up for the case it shows
(real bodies, invented events)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("below", [
    "（埼玉県川口市川口3-1-1）",       # in brackets, with the prefecture
    "所在地 川口市川口3-1-1",          # under its own key
    "川口市川口3丁目1番1号",           # bare
])
def test_the_address_under_a_hall_places_the_meeting(nlp, below):
    _, recs = records_of(f"第4回ものづくりサミット\n日時 令和2年1月30日\n会場 リリアホール\n{below}\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] == "川口市" and rec["host_code"] == "112038"
    assert [ev["quote"] for ev in field_spans(rec, "host")] == ["川口市"]


@pytest.mark.parametrize("below", [
    "川口市の市長らが出席します。",     # a sentence, not an address
    "JR川口駅から徒歩5分",             # the way there
])
def test_a_line_under_the_hall_that_is_no_address_places_nothing(nlp, below):
    _, recs = records_of(f"第4回ものづくりサミット\n日時 令和2年1月30日\n会場 リリアホール\n{below}\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["host"] is None
