"""Editions enumerated each with its own place and no name (第1回を長井市、第2回を真室川町、第3回を十日町市で開催
してきた): each edition is hosted by its own place, not by the last one of the sentence; a mayor after the
edition (第1回は長井市長の呼びかけで) is no place. Each text is made up for the case it shows (real towns,
invented meetings)."""
from tests.records.built import records_of


def _hosts(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return sorted((r["edition"], r["host"]) for r in recs if r["type"] == "summit")


def test_each_enumerated_edition_has_its_own_place(nlp):
    text = "全国ダムサミットはこれまで、第1回を長井市、第2回を真室川町、第3回を十日町市で開催してきた。"
    assert _hosts(text) == [(1, "長井市"), (2, "真室川町"), (3, "十日町市")]


def test_a_mayor_after_the_edition_is_no_place(nlp):
    assert _hosts("全国ダムサミットは、第1回は長井市長の呼びかけで開かれた。") == [(1, None)]
