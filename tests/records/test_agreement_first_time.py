"""「AがBと協定を締結するのは初めて」, 「…結ぶのは今回で3例目」: how a signing ranks among a body's signings
is no signing of its own; the sentence that tells of the signing still gives it."""
from tests.records.built import agreement_parties, records_of


def test_ranking_of_a_signing_gives_none():
    text = ("伊予銀行と愛媛大学は十日、連携協力の協定を締結した。\n"
            "愛媛大が民間と協定を結ぶのは今回が初めてだ。")
    _, records = records_of(text)
    parties = agreement_parties(records)
    assert parties == [["伊予銀行", "愛媛大学"]]
