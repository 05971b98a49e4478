"""「Aと提携して…する」: a bare 提携 in its て-form leads into the clause's own verb and tells how something is
done, not that a tie-up was signed; 「Aと提携した」 and 「Aと業務提携し、」 still report one. The sentences are
invented."""
from tests.records.built import agreement_parties, records_of


def test_a_tie_up_as_the_means_of_an_aim_is_no_signing(nlp):
    text = ("1970年5月に全国組織として東西中小企業家協議会が設立、各地協議会の力を合わせ、他の中小企業団体と"
            "提携して広く中小企業家の団結をはかる、などの目的に向けて動き出した。")
    _, records = records_of(text)
    assert agreement_parties(records) == []


def test_a_business_tie_up_is_still_signed(nlp):
    text = "2021年6月2日\n東西銀行は6月1日、南北信用金庫と業務提携し、創業支援で協力すると発表した。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["東西銀行", "南北信用金庫"])]
