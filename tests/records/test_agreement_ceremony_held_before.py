"""The signing date from a ceremony told as a relative clause, on invented texts, with the real ja_ginza
model: 「4日に青葉短期大学の講堂で行われた締結式には、…」 holds the verb of holding before the ceremony, so a
dated news item whose signing sentence gives no day is dated by that day, not by the item's own date; a
ceremony only to be held (「行われる締結式」) dates nothing."""
import pytest

from tests.records.built import field_spans, records_of


def _dated(text: str) -> list[tuple[str | None, list[str]]]:
    _, records = records_of(text)
    return [(r["signed_date"], [ev["quote"] for ev in field_spans(r, "signed_date")])
            for r in records if r["type"] == "agreement"]


@pytest.mark.parametrize("text, expected", [
    ("『青葉新報』2012年2月8日付\n\n南北信用金庫と青葉短期大学は、人材の育成で協力する協定を結んだ。\n\n"
     "4日に青葉短期大学の講堂で行われた締結式には、双方の代表が臨んだ。",
     [("2012-02-04", ["4日"])]),
    ("2019年6月3日\n青葉市と南北銀行は、産業振興に関する協定を結んだ。5月31日に市役所で開かれた調印式には関係者が出席した。",
     [("2019-05-31", ["5月31日"])]),
])
def test_the_day_of_a_ceremony_held_dates_the_signing(nlp, text, expected):
    assert _dated(text) == expected


def test_a_ceremony_to_be_held_leaves_the_pages_date(nlp):
    text = ("2019年6月3日\n青葉市と南北銀行は、産業振興に関する協定を結んだ。"
            "10日に市役所で行われる締結式には関係者が出席する。")
    assert [d for d, _ in _dated(text)] == ["2019-06-03"]
