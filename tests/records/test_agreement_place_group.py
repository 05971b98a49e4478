"""The bodies of a kind within a named place (秋田県内信用金庫, 千葉県下金融機関) are a group, not a body: a
title that names them is no publisher's name, and the agreement's parties are the members the text lists.
Found on a real page (a subsidiary's release on its agreement with the credit unions of a prefecture);
the sentences here are invented."""
import pytest

from extractors.records.party_groups import is_group_noun
from tests.records.test_agreements import _agreements


def test_a_kind_within_a_named_place_is_a_group():
    assert is_group_noun("秋田県内信用金庫")
    assert is_group_noun("千葉県下金融機関")
    assert not is_group_noun("青森県信用保証協会")


@pytest.mark.model
def test_a_group_in_the_title_is_no_party(nlp):
    text = ("秋田県内信用金庫と事業承継の協定を結びました\n"
            "2022年9月14日(水)、秋田県内2信用金庫(東西信用金庫、南北信用金庫)と青葉信用保証協会との間で、"
            "事業承継の手助けについての協定を結びました。\n")
    assert _agreements(text, title="秋田県内信用金庫と事業承継の協定を結びました") == \
        [(["南北信用金庫", "東西信用金庫", "青葉信用保証協会"], "2022-09-14")]
