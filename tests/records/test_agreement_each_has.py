"""それぞれ after the subject that tells what each party has (「それぞれが持つ情報」) is no per-partner
signing, on invented texts, with the real ja_ginza model: 「東西大学と南北信用金庫、青葉市は二十七日、それぞれが
持つ…を生かし協定書を締結した」 is one agreement of the three, not one per pair."""
from tests.records.built import agreement_parties, records_of


def test_what_each_has_is_one_agreement(nlp):
    text = ("2007年9月28日\n東西大学と南北信用金庫、青葉市は二十七日、それぞれが持つ情報やノウハウを生かし、"
            "地域経済を活性化させようと「産学連携の推進にかかわる協定書」を締結した。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["東西大学", "南北信用金庫", "青葉市"])]
