"""「市町村が同機構と協定を結ぶ例は7件目」: how a kind of signing ranks among others (例は…件目, のは…例目)
tells of signings in general, no signing of its own."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text", ["都道府県が理化学研究所と連携協定を結ぶ例は3件目となる。",
                                  "山形市が東北大学と協定を結ぶ例は4件目で、期待が高まる。",
                                  # the place of the rank between (「…締結するのは、県内では初」)
                                  "北山町が東西銀行及び南北信用金庫とそろって協定を結ぶのは、県内では初めてです。",
                                  "青葉市が北山大学と連携協定を結ぶのは、東北地方で2例目です。"])
def test_rank_of_a_signing_gives_no_record(text):
    _, records = records_of(text, title="研究支援の協定について(山形県)")
    assert agreement_parties(records) == []
