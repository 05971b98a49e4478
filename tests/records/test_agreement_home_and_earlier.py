"""「山形県が地盤の荘内銀行」: a place where the body after it is based (が地盤の, を地盤とする, を拠点とする) is no
party. 「AとBが2016年に結んだ包括提携にCが加わる」: an agreement word qualified by a signing in the past is an
agreement signed before: no signing of its own, and its year does not date the new one."""
from tests.records.built import agreement_parties, records_of


def test_place_a_bank_is_based_in_is_no_party():
    text = "秋田銀行と山形県が地盤の荘内銀行、岩手県を地盤とする北日本銀行の3行は12日、包括業務提携を結んだ。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["北日本銀行", "荘内銀行", "秋田銀行"])]


def test_agreement_signed_before_gives_no_date():
    text = ("千葉銀行と武蔵野銀行、東邦銀行の3行は16日、包括業務提携の契約を結んだと公表した。"
            "千葉銀と武蔵野銀が2016年に結んだ包括提携に東邦銀が加わる。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["千葉銀行", "東邦銀行", "武蔵野銀行"])]
    assert [r["signed_date"] for r in records if r["type"] == "agreement"] == [None]
