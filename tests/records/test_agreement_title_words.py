"""Two words of an agreement's title joined by と (「連携と協力に関する協定」) are no partner when both
sides of the signing are named already; a company named before its agreement's subject matter
(「ヤマト運輸と物流に関する協定」) still is. Each text is made up for the case it shows."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, parties", [
    ("柏市と東西銀行は、連携と協力に関する協定を締結しました。", ["東西銀行", "柏市"]),
    ("柏市と千葉銀行は、防災と減災に関する協定を締結しました。", ["千葉銀行", "柏市"]),
    ("柏市は1日、ヤマト運輸と物流に関する協定を締結した。", ["ヤマト運輸", "柏市"]),
])
def test_title_words_are_no_partner(nlp, text, parties):
    _, recs = records_of(text)
    (a,) = [r for r in recs if r["type"] == "agreement"]
    assert sorted(p["name"] for p in a["parties"]) == parties
