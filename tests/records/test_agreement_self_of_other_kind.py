"""A page whose title names one of its offices (【地域連携センター】, a university's centre) and whose text writes
itself 本学: the self-reference stands for a body of its own kind (a 学, a university), never for the office the
title names, so 本学 signs, not the centre."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("title, text, parties", [
    ("【地域連携センター】本学と東西商工会議所との連携協定の締結について",
     "令和2年4月1日、本学は東西商工会議所と連携協定を締結しました。", ["東西商工会議所", "本学"]),
    ("【産学連携推進センター】南北信用金庫と連携協定を締結しました",
     "本学は、令和3年9月9日、南北信用金庫と連携協力に関する協定を締結しました。", ["南北信用金庫", "本学"]),
])
def test_self_word_is_not_the_titled_office(title, text, parties):
    _, records = records_of(title + "\n" + text, title=title)
    assert agreement_parties(records) == [sorted(parties)]
