"""A news headline writes a company without the last word of its trade (明治安田生命 for 明治安田生命保険,
東京海上日動 for 東京海上日動火災保険): the headline's signing and the body's are one agreement."""
import pytest

from extractors.records.agreement_splits import same_body
from tests.records.built import records_of


@pytest.mark.parametrize("short, full, same", [
    ("明治安田生命", "明治安田生命保険", True),
    ("東京海上日動", "東京海上日動火災保険", True),
    ("青葉町", "青葉町商工会", False),  # a town and its chamber are two bodies
])
def test_company_without_its_trade_word(short, full, same):
    assert same_body(short, full) is same


def test_headline_and_body_one_agreement():
    text = ("多気町、明治安田生命と包括協定\n"
            "多気町と明治安田生命保険は8日、町の健康づくりなどで包括連携協定を結んだ。")
    _, records = records_of(text)
    assert len([r for r in records if r["type"] == "agreement"]) == 1
