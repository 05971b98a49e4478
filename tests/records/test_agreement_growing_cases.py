"""A signing told as a kind of case that grows or spreads (「…が協定を結ぶ動きが広がっている」, 「覚書の締結事例が広がりつつある」,
「…が協定を結ぶケースが増えたことから」) is a trend, no signing: it gives no record, and a live signing
later in the sentence takes its parties from its own clause."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text", [
    "北陸でも、南北大学と東西商工会議所が協定を結ぶ動きが目立ってきた。",
    "北山大学と東西銀行の会合をきっかけに、全国で覚書の締結事例が広がりつつある。",
    "このところ、青葉大学と南北公社が連携協定を締結するケースが相次いでいる。",
])
def test_trend_is_no_signing(text):
    _, records = records_of(text)
    assert agreement_parties(records) == []


def test_signing_after_a_trend():
    text = ("青葉市は令和4年6月1日、南北銀行と包括連携協定を締結しました。\n"
            "地域の企業と大学が協定を締結する例が増えていることから、本市から同行に対し提案があり、締結に至りました。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["南北銀行", "青葉市"]]
