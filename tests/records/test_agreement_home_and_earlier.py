"""「長野県が地盤の八十二銀行」: a place where the body after it is based (が地盤の, を地盤とする, を拠点とする) is no
party. 「AとBが2020年に結んだ包括提携にCが参画」: an agreement word qualified by a signing in the past is an
agreement signed before: no signing of its own, and its year does not date the new one."""
from tests.records.built import agreement_parties, records_of


def test_place_a_bank_is_based_in_is_no_party():
    text = "青森銀行と岩手県が地盤の岩手銀行、秋田県を地盤とする北都銀行の3行は5日、包括業務提携を締結した。"
    _, records = records_of(text)
    assert agreement_parties(records) == [["北都銀行", "岩手銀行", "青森銀行"]]


def test_agreement_signed_before_gives_no_date():
    text = ("群馬銀行と第四北越銀行、東和銀行の3行は9日、包括業務提携の契約を結んだと発表した。"
            "群馬銀と第四北越銀が2019年に結んだ包括提携に東和銀が加わる。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["群馬銀行", "東和銀行", "第四北越銀行"])]
    assert [r["signed_date"] for r in records if r["type"] == "agreement"] == [None]
