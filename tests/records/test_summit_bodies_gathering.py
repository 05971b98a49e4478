"""A committee-ended meeting (…推進会議) named after two bodies joined by ・ (山形県・山形大学連携推進会議) or
after a region of several prefectures (四国地域発展推進会議) is a gathering of those bodies held as a
numbered series, not one body's working committee; one city's own 推進会議 stays a committee. Each
text is made up for the case it shows (real places and bodies, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_two_bodies_joined_by_a_point():
    text = "第8回山形県・山形大学連携推進会議が11月2日、山形市で開かれ、知事と学長が意見を交わした。\n"
    assert _summits(text) == [("山形県・山形大学連携推進会議", 8)]


def test_a_region_of_several_prefectures():
    text = "令和5年度第2回四国地域発展推進会議が7月10日、高松市で開催され、4県の知事と経済界の代表が出席した。\n"
    assert _summits(text) == [("四国地域発展推進会議", 2)]


def test_one_citys_own_committee_stays_a_committee():
    text = "令和4年度第1回盛岡市商工業振興推進会議を11月8日に市役所で開催しました。委員10名が出席しました。\n"
    assert _summits(text) == []
