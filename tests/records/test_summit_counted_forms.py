"""Editions written as counts in two more forms: a bare meeting word counted (サミットは6回目, 交流会は8回目を
迎え: the series of that word named before it), and this meeting's place counted (この度の…町が9回目
となります: the place hosts it). Each text is made up for the case it shows (real towns, invented
meetings)."""
import pytest

from tests.records.built import field_spans, records_of


def _summits(text: str) -> list[dict]:
    _, recs = records_of(text)
    return [r for r in recs if r["type"] == "summit"]


@pytest.mark.parametrize("text,series,edition,host", [
    ("長井市は5日、長井市民文化会館で「全国ダムサミット」と「全国水源の森フォーラム」を開催した。サミットは6回目、"
     "フォーラムは初の開催となった。", "全国ダムサミット", 6, "長井市"),
    ("全国ダムサミットが真室川町で開かれた。大会は今年で3回目。", "全国ダムサミット", 3, "真室川町"),
    ("岩手県遠野市で「全国棚田交流会」が開かれた。交流会は8回目を迎え、全国から200人が集まった。", "全国棚田交流会", 8, "遠野市"),
])
def test_a_bare_meeting_word_counted_is_the_series_named_before(nlp, text, series, edition, host):
    (rec,) = _summits(text)
    assert (rec["series"], rec["edition"], rec["host"]) == (series, edition, host)


@pytest.mark.parametrize("text", [
    "加盟町村の持ち回りで毎年開かれる「棚田サミット」であり、この度の新潟県十日町市が9回目となります。",
    "「棚田サミット」は毎年開催されています。今回の十日町市での開催が9回目です。",
])
def test_the_place_of_this_meeting_counted_hosts_it(nlp, text):
    (rec,) = _summits(text)
    assert (rec["edition"], rec["host"]) == (9, "十日町市")
    assert [ev["quote"] for ev in field_spans(rec, "host")] == ["十日町市"]


@pytest.mark.parametrize("text", [
    "長井市長は全国ダムサミットに出席した。市長のサミットへの参加は3回目となる。",
    "全国ダムサミットが開かれた。本市の職員は大会は2回目の参加となった。",
])
def test_a_count_of_someone_attending_is_no_edition(nlp, text):
    assert [r["edition"] for r in _summits(text)] in ([], [None])


@pytest.mark.parametrize("text,edition", [
    ("「全国棚田サミット」が11日、十日町市のクロステン十日町で開かれた。関係者が交流しようと、2018年に長井市で開いたのに続き、"
     "2回目。", 2),
    ("全国棚田サミットが5日、十日町市で開かれた。昨年、真室川町で開催したのに続いて3回目となる。", 3),
])
def test_a_count_after_the_last_meeting_held_elsewhere(nlp, text, edition):
    (rec,) = _summits(text)
    assert (rec["series"], rec["edition"], rec["host"]) == ("全国棚田サミット", edition, "十日町市")


def test_a_count_at_one_place_after_the_last_meeting_is_no_edition(nlp):
    text = "十日町市での開催は、2018年に開催したのに続いて2回目。全国棚田サミットが5日、十日町市で開かれた。"
    assert [r["edition"] for r in _summits(text)] in ([], [None])


@pytest.mark.parametrize("text,edition", [
    ("全国ダムサミットが7月4日、長井市で開かれた。10回目の開催となる今回は、全国から300人が集まった。", 10),
    ("全国ダムサミットが7月4日、長井市で開かれた。第10回の開催となった今大会には300人が集まった。", 10),
    ("全国ダムサミットが7月4日、長井市で開かれた。長井市では2回目の開催となる今回は300人が集まった。", None),
])
def test_a_count_of_the_holding(nlp, text, edition):
    assert [r["edition"] for r in _summits(text)] in ([edition], [] if edition is None else [edition])
