"""Editions written as the count a sentence ends on: 今年で44回を数えます (a count with 数える), and an
organiser's count (青葉信用金庫の主催で6回目。) of the meeting named before; a hall named …フォーラム
with its address in brackets before the verb (…フォーラム(横浜市西区)で始まった) is the place of the
meeting, not its series. Our own sentences; real towns, invented meetings."""
import pytest

from tests.records.built import records_of


def _summits(text: str) -> list[dict]:
    _, recs = records_of(text)
    return [r for r in recs if r["type"] == "summit"]


@pytest.mark.parametrize("text,series,edition", [
    ("2月6日、7日の2日間、松江市で全国木工技術研究集会が開催されました。各県の持ち回りで毎年開いているもので、"
     "今年で31回を数えます。", "全国木工技術研究集会", 31),
    ("信用金庫の取引先が集まる商談会「みのりの商談フェア」が8日、みなと国際フォーラム(横浜市西区)で始まった。"
     "多摩中央信用金庫の主催で9回目。", "みのりの商談フェア", 9),
])
def test_a_count_the_sentence_ends_on(text, series, edition):
    (rec,) = _summits(text)
    assert (rec["series"], rec["edition"]) == (series, edition)


def test_a_count_of_taking_part_is_no_edition():
    assert _summits("青葉信用金庫が主催で3回目の参加となった。") == []
