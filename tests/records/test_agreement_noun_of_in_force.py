"""「…と友好都市提携を結んでいる A町、B村」: an agreement's noun (提携) that is the object of a signing verb in
force (結んでいる) tells an agreement in force, no signing: no record."""
from tests.records.built import agreement_parties, records_of


def test_tie_up_held_in_force_is_no_signing():
    text = ("交流会議は、館山市と、館山市と友好都市提携を結んでいる北海道東川町・熊本県西原村の2町村が、"
            "それぞれの特色を生かした交流を進めるため、毎年持ち回りで開いているものです。")
    _, records = records_of(text)
    assert agreement_parties(records) == []


def test_tie_up_signed_today_still_counts():
    text = "令和5年5月10日、館山市は東川町と友好都市提携を結びました。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["館山市", "東川町"])]


def test_tie_up_carried_on_is_no_signing():
    text = "交流会議は、館山市と友好都市提携を行っている北海道東川町、熊本県西原村の2町村で構成しています。"
    _, records = records_of(text)
    assert agreement_parties(records) == []
