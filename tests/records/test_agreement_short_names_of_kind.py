"""Bodies of one kind named by their short names and then the kind with its count (「盛岡・北上・東西の3つの信用
金庫」, 「「秋田」「羽後」の信用金庫2行」) are those bodies (short name + kind), when the count is the number of
names and the bank code table holds one of them at least; a later 「この3つの信用金庫と」 counts them, and the
count of a kind written right after it (信用金庫2行) counts that kind, not an enumeration before it. On invented
texts, with the real ja_ginza model."""
import pytest

from extractors.records.coordination import shared_ending
from extractors.records.party_groups import counted_lists
from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text, names", [
    ("青葉県には、盛岡・北上・東西の3つの信用金庫があります。", ["盛岡信用金庫", "北上信用金庫", "東西信用金庫"]),
    ("青葉県と「秋田」「羽後」の信用金庫2行は", ["秋田信用金庫", "羽後信用金庫"]),
    ("盛岡・北上・東西の2つの信用金庫", []),  # the count is not the list's
    ("東西・南北の2つの信用金庫", []),  # no name the bank code table holds: no kind of body known
])
def test_short_names_with_kind_and_count(text, names):
    assert [n.name for n in shared_ending(text, 0, len(text)) if n.rule == "agreement-shared-kind"] == names


def test_count_after_a_kind_is_not_the_lists():
    text = "青葉県と「秋田」「羽後」の信用金庫2行は"
    assert counted_lists(text, 0, len(text)) == []


def test_later_counted_group_is_the_named_bodies(nlp):
    text = ("2023年8月1日\n青葉県には、盛岡・北上・東西の3つの信用金庫があります。"
            "青葉同友会は7月30日、この3つの信用金庫と「経営支援での協力に関する覚書」を交わしました。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["青葉同友会", "盛岡信用金庫", "北上信用金庫", "東西信用金庫"])]


def test_quoted_short_names_in_the_signing_sentence(nlp):
    text = "2023年11月12日\n青葉県と「秋田」「羽後」の信用金庫2行は、地域の活性化を図るため、きょう包括連携協定を結びました。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["青葉県", "秋田信用金庫", "羽後信用金庫"])]
