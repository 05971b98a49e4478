"""A page whose only signing sentence opens with the ceremony (「協定締結式があり、…」) and has the
bodies' officials sign later in it (「Aの山田社長とB市の鈴木市長が協定書に署名した」): the bodies the
officials sign for are the parties. Our own sentences; real bodies, invented people."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
@pytest.mark.parametrize("text,parties", [
    ("長門市役所で協定締結式があり、株式会社丸久の山田一郎社長と長門市の鈴木二郎市長が協定書に署名した。",
     ["株式会社丸久", "長門市"]),
    ("協定締結式が市役所であり、鳥取銀行の田中一郎頭取、鳥取大学の佐藤二郎学長、米子市の高橋三郎市長が協定書に署名した。",
     ["米子市", "鳥取大学", "鳥取銀行"]),
])
def test_the_bodies_of_the_signers_after_the_ceremony_are_the_parties(nlp, text, parties):
    assert [sorted(p) for p, _ in _agreements(text)] == [sorted(parties)]


@pytest.mark.model
def test_a_ceremony_with_one_body_signing_gives_no_agreement(nlp):
    text = "長門市役所で協定締結式があり、長門市の鈴木二郎市長が協定書に署名した。"
    assert _agreements(text) == []
