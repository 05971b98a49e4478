"""「A、B、Cと協定を締結し、今回のDでN例目となる」: the bodies listed are the signings before this one,
counted with it: that clause gives no agreement; the sentence that tells of this one still does."""
from tests.records.built import agreement_parties, records_of


def test_signings_counted_before_this_one_give_none():
    text = ("旭川市と北洋銀行は5月10日、連携協定を締結した。\n"
            "同行は、釧路市、帯広市、北見市と連携協定を締結し、今回の旭川市で4例目となる。")
    _, records = records_of(text)
    parties = agreement_parties(records)
    assert parties == [["北洋銀行", "旭川市"]]
