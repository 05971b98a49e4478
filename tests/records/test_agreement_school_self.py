"""A school writes itself 本校 or 当校 (a 高等専門学校, a 短期大学校, a 高等学校): on a page that names no
publisher, a signing whose subject is left out is signed by the body 本校 stands for, as 本学 is a
university's (the school of that kind the page names, else the word as written)."""
import pytest

from tests.records.built import the_record


def _parties(text: str) -> list[str]:
    return sorted(p["name"] for p in the_record(text, "agreement")["parties"])


@pytest.mark.parametrize("text, parties", [
    ("5月9日、酒田市で山形県庄内総合支庁との間の連携協定に調印しました。\n"
     "式には本校の校長が出席しました。", ["山形県庄内総合支庁", "本校"]),
    ("令和4年6月1日、当校と長野県工科短期大学校は、信州大学工学部と連携協定を締結しました。",
     ["信州大学工学部", "当校", "長野県工科短期大学校"]),
])
def test_school_writes_itself(text, parties):
    assert _parties(text) == parties
