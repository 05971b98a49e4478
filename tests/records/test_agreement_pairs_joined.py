"""Pairs written one by one and joined by a conjunction (「本学と柏市並びに、本学と船橋市は」) are one agreement
per pair, on invented texts, with the real ja_ginza model, though no それぞれ follows: the body is written
again only because a new pair starts; 「東西大学と柏市及び船橋市は」 (no body written again) stays one."""
from tests.records.built import agreement_parties, records_of


def test_pairs_joined_by_narabini_are_two_agreements(nlp):
    text = ("2月24日\n本学と柏市並びに、本学と船橋市は、地域社会の発展と産業振興に寄与するため、相互に協力すべく、"
            "連携協力協定を締結しました。")
    _, records = records_of(text, title="柏市、船橋市と連携協力協定を締結しました")
    assert sorted(agreement_parties(records)) == sorted([sorted(["本学", "船橋市"]), sorted(["本学", "柏市"])])


def test_one_body_with_two_partners_is_one_agreement(nlp):
    text = "2023年2月24日\n東西大学は、柏市及び船橋市と、地域社会の発展に寄与するため、連携協力協定を締結しました。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["東西大学", "柏市", "船橋市"])]
