"""A prefecture taken as a party where the signing sentence writes it again right before one of its towns
(「…酪農学園大学北海道厚岸町包括連携協定締結」, a note that drops its particles) stands for that town; a town
written as where the signing took place (「…県X町で」) leaves the prefecture as it is."""
from tests.records.built import agreement_parties, records_of


def test_prefecture_before_its_town_names_the_town():
    text = "10月14日、北海道は道東の厚岸町役場にて、酪農学園大学北海道厚岸町包括連携協定締結た。"
    _, records = records_of(text)
    assert agreement_parties(records) == [["厚岸町", "酪農学園大学"]]


def test_prefecture_before_the_town_of_the_ceremony_stays():
    text = "新潟県は19日、新潟県津南町で開いた式で、新潟大学と包括的な連携協定を結んだ。"
    _, records = records_of(text)
    assert agreement_parties(records) == [["新潟大学", "新潟県"]]
