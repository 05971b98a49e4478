"""「東西銀行は…南北大学の前身の北川短期大学と協定を締結しましたが」: a body named as what the partner became
(Aの前身のB, Aの前身であるB) is no party of that signing; its own signing later on the page stays apart."""
from tests.records.built import agreement_parties, records_of


def test_body_the_partner_became_is_no_party():
    text = ("令和4年5月10日、東西銀行と南北大学は地域活性化に向けて連携協定を結びました。"
            "東西銀行は平成20年に南北大学の前身の北川短期大学と協定を締結しましたが、"
            "連携をさらに深めるため新たに協定を結び直しました。")
    _, records = records_of(text)
    assert sorted(agreement_parties(records)) == [sorted(["北川短期大学", "東西銀行"]), sorted(["南北大学", "東西銀行"])]
