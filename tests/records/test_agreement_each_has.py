"""それぞれ after the subject that tells what each party has (「それぞれが培った技術」) is no per-partner
signing, on invented texts, with the real ja_ginza model: 「青葉工業大学と東西銀行、南北町は十二日、それぞれが
培った…を持ち寄り協定書を結んだ」 is one agreement of the three, not one per pair."""
from tests.records.built import agreement_parties, records_of


def test_what_each_has_is_one_agreement(nlp):
    text = ("2011年5月13日\n青葉工業大学と東西銀行、南北町は十二日、それぞれが培ってきた技術や人脈を持ち寄り、"
            "若い人の働く場を増やそうと「ものづくり人材の育成に関する協定書」を結んだ。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["青葉工業大学", "東西銀行", "南北町"])]
