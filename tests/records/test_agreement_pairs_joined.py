"""Pairs written one by one and joined by a conjunction (「本学と松戸市並びに、本学と市川市は」) are one agreement
per pair, on invented texts, with the real ja_ginza model, though no それぞれ follows: the body is written
again only because a new pair starts; 「東西大学と松戸市及び市川市は」 (no body written again) stays one."""
from tests.records.built import agreement_parties, records_of


def test_pairs_joined_by_narabini_are_two_agreements(nlp):
    text = ("11月20日\n本学と松戸市並びに、本学と市川市は、子育て支援と生涯学習の充実を図るため、互いの資源を生かし、"
            "連携に関する協定を結びました。")
    _, records = records_of(text, title="松戸市、市川市と連携に関する協定を結びました")
    assert sorted(agreement_parties(records)) == sorted([sorted(["本学", "市川市"]), sorted(["本学", "松戸市"])])


def test_one_body_with_two_partners_is_one_agreement(nlp):
    text = "2023年11月20日\n東西大学は、松戸市及び市川市と、子育て支援の充実を図るため、連携に関する協定を結びました。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["東西大学", "松戸市", "市川市"])]
