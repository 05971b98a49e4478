"""A page whose agreement comes from its headline and whose dated sentence has the parties' officials for
its subject (「…知事と…頭取が…日、協定書に署名した」): that sentence's day is the signing date."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_officials_signing_date_the_headline_agreement(nlp):
    text = ("宮城県と七十七銀行 包括連携協定締結\n"
            "宮城県知事と七十七銀行頭取が令和5年3月3日、協定書に署名した。県と同行は観光振興で連携する。")
    assert _agreements(text) == [(["七十七銀行", "宮城県"], "2023-03-03")]
