"""A cleft on the agreement (「協定を締結したのは…」) names the parties of a signing sentence that names one
side or none: it may come a sentence or two after that sentence (a sentence on the signing's background
between), and a signing sentence with no party at all takes both sides from it. Found on real pages
(a village with its banks, two professional bodies); the sentences here are invented."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_a_cleft_two_sentences_after_the_signing_names_its_partners(nlp):
    text = ("県内の司法書士と行政書士の団体が相続支援で連携する。令和4年6月30日に協定を締結した。"
            "両会は相談会を共同で開く。会員向けの研修も行う。"
            "協定を結んだのは山梨県司法書士会と山梨県行政書士会。")
    assert _agreements(text) == [(["山梨県司法書士会", "山梨県行政書士会"], "2022-06-30")]


@pytest.mark.model
def test_a_signing_sentence_with_no_party_takes_both_sides_from_the_cleft(nlp):
    text = ("県内の司法書士と行政書士の団体が相続支援で連携する。令和4年6月30日に協定を締結した。"
            "協定を結んだのは山梨県司法書士会と山梨県行政書士会。")
    assert _agreements(text) == [(["山梨県司法書士会", "山梨県行政書士会"], "2022-06-30")]


@pytest.mark.model
def test_a_cleft_far_after_does_not_open_on_the_other_side(nlp):
    # 「相手は…」 two sentences on is no cleft on the agreement: it is read only right after the signing
    text = ("青葉市は令和5年2月1日、東西銀行と連携協定を締結した。市内の事業者を支援する。"
            "相手は南北信用金庫とも協議を続ける。")
    assert _agreements(text) == [(["東西銀行", "青葉市"], "2023-02-01")]
