"""A signing with a counted group of any kind (「計4団体と」) whose members a later sentence names after
締結先 (「締結先は…」, 「締結先:…」): the members are the partners, as many as the count says. Each text
is made up for the case it shows (real bodies, invented agreements)."""
import pytest

from extractors.records.party_groups import cleft_list, fits_group
from tests.records.built import records_of

_SIGNING = "青森県は令和5年2月1日、県内の計4団体と観光振興に関する連携協定を締結した。"
_FOUR = ["青森商工会議所", "弘前商工会議所", "八戸商工会議所", "むつ商工会議所"]


@pytest.mark.parametrize("text", ["締結先は青森商工会議所、弘前商工会議所です。", "締結先:青森商工会議所、弘前商工会議所"])
def test_the_list_after_a_partners_key(text):
    assert [n.name for n in cleft_list(text, 0, len(text))] == ["青森商工会議所", "弘前商工会議所"]


@pytest.mark.parametrize("group, names, fits", [
    ("4団体", _FOUR, True), ("4団体", _FOUR[:2], False), ("団体", _FOUR[:2], True), ("2機関", ["青森銀行", "青森市"], True),
])
def test_a_group_of_any_kind_fits_as_many_bodies_as_it_counts(group, names, fits):
    assert fits_group(group, names) is fits


@pytest.mark.parametrize("later", ["締結先:" + "、".join(_FOUR), "締結先は" + "、".join(_FOUR) + "。",
                                   "締結したのは" + "、".join(_FOUR) + "。"])
def test_members_named_after_the_signing(nlp, later):
    _, recs = records_of(_SIGNING + later)
    (a,) = [r for r in recs if r["type"] == "agreement"]
    assert sorted(p["name"] for p in a["parties"]) == sorted(["青森県"] + _FOUR)


def test_a_list_short_of_the_count_names_no_partners(nlp):
    _, recs = records_of(_SIGNING + "締結先は青森商工会議所、青森銀行です。")
    assert [r for r in recs if r["type"] == "agreement"] == []
