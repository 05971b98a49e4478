"""An item of a list of parties that no rule or model tagged (a holding company, a college, a
university's short form) is a party like the items beside it; a word beside a party that is no
name (a topic, a place written before a body) is none."""
import pytest

from extractors.records.coordination import name_start
from tests.records.test_agreements import _agreements


def test_a_holding_company_before_its_bank_is_a_name_of_its_own():
    text = "ミライホールディングス・東西銀行"
    assert name_start(text, text.index("東西銀行")) == text.index("東西銀行")


@pytest.mark.model
def test_untagged_items_of_a_dotted_list(nlp):
    text = ("2024年6月3日、青葉大学は、ミライホールディングス・東西銀行・南北銀行・青葉工業高等専門学校・"
            "港工業高等専門学校と連携協定を締結しました。")
    assert _agreements(text) == [(["ミライホールディングス", "南北銀行", "東西銀行", "港工業高等専門学校",
                                   "青葉大学", "青葉工業高等専門学校"], "2024-06-03")]


@pytest.mark.model
def test_a_short_form_joined_to_a_listed_group(nlp):
    text = "2024年6月3日、南北工大(山田一郎学長)と柏市、松戸市、野田市の三市は包括連携協定を結んだ。"
    assert _agreements(text) == [(["南北工大", "松戸市", "柏市", "野田市"], "2024-06-03")]


@pytest.mark.model
def test_a_topic_after_a_party_is_no_sibling(nlp):
    text = "2024年6月3日、柏市(市長 山田太郎)と、産業・観光の振興に向けて東西銀行が連携協定を締結しました。"
    assert _agreements(text) == [(["東西銀行", "柏市"], "2024-06-03")]
