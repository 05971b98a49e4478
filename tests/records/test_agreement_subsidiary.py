"""「A銀行の子会社・Bと…」: the dot follows what B is to A, so B alone is the party and A none (a headline's
「A銀子会社と」 names no party either); a katakana word the name's tokens cut short (…コンサルティング|パートナーズ)
belongs to the name."""
from tests.records.built import agreement_parties, records_of


def test_subsidiary_after_a_dot_is_the_party():
    text = ("常陽銀行の子会社・常陽コンサルティングパートナーズ(JCP)と筑波銀行は10日、"
            "事業承継に関する業務提携を締結したと公表した。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["常陽コンサルティングパートナーズ", "筑波銀行"]]


def test_headline_subsidiary_short_form_is_no_party():
    text = ("常陽銀子会社と筑波銀が業務提携を締結\n"
            "常陽銀行の関連会社・常陽リサーチアンドコンサルティングと筑波銀行は2日、業務提携を締結した。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["常陽リサーチアンドコンサルティング", "筑波銀行"]]


def test_katakana_word_cut_short_belongs_to_the_name():
    text = ("山形県内の地銀が顧客の情報を持ち寄り、事業承継を支える。荘内銀行の子会社・荘内コンサルティング"
            "パートナーズ(SCP)と山形銀行は5日、業務提携を締結したと発表した。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["山形銀行", "荘内コンサルティングパートナーズ"]]
