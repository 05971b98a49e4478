"""The signing date from a ceremony told as a relative clause, on invented texts, with the real ja_ginza
model: 「10日に東西大学で行われた協定締結式では、…」 holds the verb of holding before the ceremony, so a
dated news item whose signing sentence gives no day is dated by that day, not by the item's own date; a
ceremony only to be held (「行われる締結式」) dates nothing."""
import pytest

from tests.records.built import field_spans, records_of


def _dated(text: str) -> list[tuple[str | None, list[str]]]:
    _, records = records_of(text)
    return [(r["signed_date"], [ev["quote"] for ev in field_spans(r, "signed_date")])
            for r in records if r["type"] == "agreement"]


@pytest.mark.parametrize("text, expected", [
    ("『青葉新報』2009年11月13日付\n\n東西信用金庫と東西大学は、地域活性化を目的とした連携協定を締結した。\n\n"
     "10日に東西大学で行われた協定締結式では、理事長と学長が調印を交わした。",
     [("2009-11-10", ["10日"])]),
    ("2019年6月3日\n青葉市と南北銀行は、産業振興に関する協定を結んだ。5月31日に市役所で開かれた調印式には関係者が出席した。",
     [("2019-05-31", ["5月31日"])]),
])
def test_the_day_of_a_ceremony_held_dates_the_signing(nlp, text, expected):
    assert _dated(text) == expected


def test_a_ceremony_to_be_held_leaves_the_pages_date(nlp):
    text = ("2019年6月3日\n青葉市と南北銀行は、産業振興に関する協定を結んだ。"
            "10日に市役所で行われる締結式には関係者が出席する。")
    assert [d for d, _ in _dated(text)] == ["2019-06-03"]
