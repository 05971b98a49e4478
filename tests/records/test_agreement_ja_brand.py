"""An agricultural cooperative signs under its brand, JA and its area (JA北信州 for 北信州農業協同組合): a body
in a list of signers, while JAグループ or JA共済 are no signing body's name. Found on a real page (a village
and six institutions); the sentences here are invented."""
import pytest

from extractors.records.publisher import is_signing_body
from tests.records.test_agreements import _agreements


def test_ja_and_its_area_is_a_signing_body():
    assert is_signing_body("JA北信州")
    assert is_signing_body("JAあおば")
    assert not is_signing_body("JAグループ")
    assert not is_signing_body("JA共済")


@pytest.mark.model
def test_ja_in_a_cleft_list_keeps_the_whole_list(nlp):
    text = ("高森町は8日、県内金融機関と「地域振興に関する協定」を結んだ。"
            "協定を締結したのは東西信用金庫、JA北信州、南北銀行の3機関。")
    assert _agreements(text) == [(["JA北信州", "南北銀行", "東西信用金庫", "高森町"], None)]
