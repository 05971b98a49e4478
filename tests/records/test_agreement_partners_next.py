"""Partners a later sentence names for a signing sentence that names one side only: a group word with no
count (「県内の商工会議所と」) and its members after 協定先は, a sentence that opens on the other side (「相手は…」,
a cleft 「協定を結んだのは…」) with a list of one shared ending or one body alone. Found by probing with
invented pages."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_group_with_no_count_named_after_its_sentence(nlp):
    text = ("山形県は令和5年6月1日、県内の商工会議所と創業支援に関する連携協定を締結した。"
            "協定先は、山形商工会議所、米沢商工会議所、鶴岡商工会議所。")
    assert _agreements(text) == [(["山形商工会議所", "山形県", "米沢商工会議所", "鶴岡商工会議所"], "2023-06-01")]


@pytest.mark.model
def test_partners_with_one_ending_named_after_a_single_signer(nlp):
    text = "新潟県は令和4年9月1日、事業承継に関する連携協定を締結した。相手は新潟、長岡、上越の3商工会議所。"
    assert _agreements(text) == [(["上越商工会議所", "新潟商工会議所", "新潟県", "長岡商工会議所"], "2022-09-01")]


@pytest.mark.model
def test_a_cleft_after_a_single_signer_keeps_the_date(nlp):
    text = "宮城県は令和4年5月1日、事業承継に関する協定を結んだ。協定を結んだのは仙台、石巻、気仙沼の3商工会議所。"
    assert _agreements(text) == [(["仙台商工会議所", "宮城県", "気仙沼商工会議所", "石巻商工会議所"], "2022-05-01")]


@pytest.mark.model
def test_one_partner_named_after_a_single_signer(nlp):
    text = "福島市は令和5年1月10日、創業支援に関する連携協定を締結した。相手は福島信用金庫。"
    assert _agreements(text) == [(["福島信用金庫", "福島市"], "2023-01-10")]
