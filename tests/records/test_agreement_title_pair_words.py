"""Words of an agreement's subject matter joined by と are no partner, on invented texts, with the real
ja_ginza model: with both sides named (「青葉市と東西信用金庫(南北市)は」), 「観光振興と子育て環境の充実に向けた
包括連携協定」 names what the agreement is for, not a third party."""
from tests.records.built import agreement_parties, records_of


def test_subject_matter_words_are_no_party(nlp):
    text = ("2021年3月17日\n青葉市と東西信用金庫(南北市)は16日、同金庫の本店で、観光振興と子育て環境の充実に向けた"
            "包括連携協定を結んだ。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["青葉市", "東西信用金庫"])]
