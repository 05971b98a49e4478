"""「Aと提携して…する」: a bare 提携 in its て-form leads into the clause's own verb and tells how something is
done, not that a tie-up was signed; 「Aと提携した」 and 「Aと業務提携し、」 still report one. The sentences are
invented."""
from tests.records.built import agreement_parties, records_of


def test_a_tie_up_as_the_means_of_an_aim_is_no_signing(nlp):
    text = ("1975年4月に全県の組織として青葉商店街連合会が発足、各地連合会の力を結集し、近隣の商業団体と提携して"
            "地域の買い物客の呼び込みを進める、といった方針のもとで活動を始めた。")
    _, records = records_of(text)
    assert agreement_parties(records) == []


def test_a_business_tie_up_is_still_signed(nlp):
    text = "2021年6月2日\n東西銀行は6月1日、南北信用金庫と業務提携し、創業支援で協力すると発表した。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["東西銀行", "南北信用金庫"])]
