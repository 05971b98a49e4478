"""A bank named by the number of its old national-bank charter, under a name the bank code table no
longer holds (merged since: 十八銀行, 八十二銀行), is a party, not a count of banks; a count in one kanji
numeral (県内の三銀行) stays a count. Each text is made up for the case it shows."""
import pytest

from extractors.records.party_groups import is_group_noun
from tests.records.built import records_of


@pytest.mark.parametrize("name, group", [("八十二銀行", False), ("十八銀行", False), ("三銀行", True), ("3銀行", True)])
def test_a_numbered_bank_is_no_group(name, group):
    assert is_group_noun(name) is group


@pytest.mark.parametrize("bank", ["八十二銀行", "十八銀行", "株式会社八十二銀行"])
def test_a_numbered_bank_signs(nlp, bank):
    _, recs = records_of(f"長野市と{bank}は令和元年5月1日、連携協定を締結しました。")
    (a,) = [r for r in recs if r["type"] == "agreement"]
    assert sorted(p["name"] for p in a["parties"]) == sorted(["長野市", bank])
