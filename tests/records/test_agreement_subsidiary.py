"""「A銀行の子会社・Bと…」: the dot follows what B is to A, so B alone is the party and A none (a headline's
「A銀子会社と」 names no party either); a katakana word the name's tokens cut short (…キャピタル|サポート)
belongs to the name."""
from tests.records.built import agreement_parties, records_of


def test_subsidiary_after_a_dot_is_the_party():
    text = ("伊予銀行の子会社・伊予ビジネスパートナーズ(IBP)と愛媛銀行は22日、"
            "事業承継の分野で業務提携を締結したと明らかにした。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["伊予ビジネスパートナーズ", "愛媛銀行"]]


def test_headline_subsidiary_short_form_is_no_party():
    text = ("常陽銀子会社と筑波銀が業務提携を締結\n"
            "常陽銀行の関連会社・常陽マネジメントリサーチと筑波銀行は8日、業務提携を結んだ。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["常陽マネジメントリサーチ", "筑波銀行"]]


def test_katakana_word_cut_short_belongs_to_the_name():
    text = ("山形県内の地銀が取引先の情報を共有し、後継者探しを支える。荘内銀行の子会社・荘内キャピタル"
            "サポート(SCS)と山形銀行は5日、業務提携を締結したと公表した。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["山形銀行", "荘内キャピタルサポート"]]
