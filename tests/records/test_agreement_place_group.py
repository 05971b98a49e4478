"""The bodies of a kind within a named place (青森県内信用金庫, 千葉県下金融機関) are a group, not a body: a
title that names them is no publisher's name, and the agreement's parties are the members the text lists.
Found on a real page (a subsidiary's release on its agreement with the credit unions of a prefecture);
the sentences here are invented."""
import pytest

from extractors.records.party_groups import is_group_noun
from tests.records.test_agreements import _agreements


def test_a_kind_within_a_named_place_is_a_group():
    assert is_group_noun("青森県内信用金庫")
    assert is_group_noun("千葉県下金融機関")
    assert not is_group_noun("青森県信用保証協会")


@pytest.mark.model
def test_a_group_in_the_title_is_no_party(nlp):
    text = ("青森県内信用金庫と創業支援に関する協定書を締結しました\n"
            "2021年6月10日(木)に、青森県内2信用金庫(東西信用金庫、南北信用金庫)と信金中央金庫との間で、"
            "創業支援に関する協定書を締結しました。\n")
    assert _agreements(text, title="青森県内信用金庫と創業支援に関する協定書を締結しました") == \
        [(["信金中央金庫", "南北信用金庫", "東西信用金庫"], "2021-06-10")]
