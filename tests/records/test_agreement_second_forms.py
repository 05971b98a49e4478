"""One party written twice in an agreement's list, on invented texts, with the real ja_ginza model: a
release's 締結者 row that gives the bank with its brand in Latin letters (「ABC東西銀行」) beside the
sentence's 「東西銀行」, or a caption's news short form (「青国大」) run into the sentence that names
「青葉国際大学」, is one party with the other form as its alias; two bodies whose names merely share
characters (東西銀行 and 東西信託銀行) stay two."""
import pytest

from extractors.records.agreement_splits import fold_short_forms
from extractors.records.spans import field_span
from tests.records.built import agreement_parties, records_of


def _agreements(text: str) -> list[dict]:
    _, records = records_of(text)
    return [r for r in records if r["type"] == "agreement"]


def test_a_brand_before_the_name_in_the_block_is_the_same_bank(nlp):
    text = ("令和5年4月10日\n各位\n株式会社東西銀行\n青葉市との「子育てしやすいまちづくりに関する協定」の締結\n"
            "東西銀行(頭取 山田一郎)は本日、青葉市(市長 川田二郎)と、下記により「子育てしやすいまちづくりに関する協定」を締結いたしました。\n"
            "記\n協定締結日\t令和5年4月10日(月)\n締結者\t青葉市、ABC東西銀行\n以上")
    (record,) = _agreements(text)
    assert agreement_parties([record]) == [sorted(["東西銀行", "青葉市"])]
    assert "ABC東西銀行" in record["party_aliases"]["東西銀行"]


@pytest.mark.parametrize("parties, kept, alias", [
    (["青葉信用金庫", "青葉国際大学", "青国大"], ["青葉信用金庫", "青葉国際大学"], ("青葉国際大学", "青国大")),
    (["東西銀", "青葉市", "東西銀行"], ["青葉市", "東西銀行"], ("東西銀行", "東西銀")),
    (["ABC東西銀行", "青葉市", "東西銀行"], ["青葉市", "東西銀行"], ("東西銀行", "ABC東西銀行")),
])
def test_a_second_form_in_one_list_folds_into_the_full_name(parties, kept, alias):
    # a caption's news short form run into the sentence (「あおしん 青国大1月31日、…」) reaches the list
    short = alias[1]
    d = {"parties": list(parties), "party_aliases": {},
         "evidence": [field_span(0, len(short), "agr-dep-partner", "parties", short)]}
    fold_short_forms(d)
    assert d["parties"] == kept
    assert d["party_aliases"] == {alias[0]: [alias[1]]}
    assert d["evidence"][0].value == alias[0]


@pytest.mark.parametrize("parties", [
    ["東西銀行", "東西信託銀行", "青葉市"],   # two banks
    ["青葉県", "青葉県信用保証協会"],          # a prefecture and its association
    ["東大", "東西大学", "青葉市"],            # two characters: too short to say
])
def test_names_that_only_share_characters_stay(parties):
    d = {"parties": list(parties), "party_aliases": {}, "evidence": []}
    fold_short_forms(d)
    assert d["parties"] == parties


def test_bodies_sharing_characters_stay_two(nlp):
    text = "令和5年4月10日\n東西銀行、東西信託銀行及び青葉市は、本日、移住の促進に向けた協定を締結しました。"
    records = _agreements(text)
    assert agreement_parties(records) == [sorted(["東西銀行", "東西信託銀行", "青葉市"])]
