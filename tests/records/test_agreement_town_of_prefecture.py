"""A prefecture taken as a party where the signing sentence writes it again right before one of its towns
(「…東海大学北海道奥尻町包括連携協定締結」, a note that drops its particles) stands for that town; a town
written as where the signing took place (「…県X町で」) leaves the prefecture as it is."""
from tests.records.built import agreement_parties, records_of


def test_prefecture_before_its_town_names_the_town():
    text = "8月2日、北海道は道南の奥尻町役場にて、東海大学北海道奥尻町包括連携協定締結た。"
    _, records = records_of(text)
    assert agreement_parties(records) == [["奥尻町", "東海大学"]]


def test_prefecture_before_the_town_of_the_ceremony_stays():
    text = "長野県は5日、長野県信濃町で開いた式で、信州大学と包括連携協定を締結した。"
    _, records = records_of(text)
    assert agreement_parties(records) == [["信州大学", "長野県"]]
