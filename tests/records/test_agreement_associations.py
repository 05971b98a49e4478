"""An association of municipalities or of their heads (…県市長会, 県町村会, 特別区長会, 全国市議会議長会) is read as a
body where the tokenizer cuts it (市長|会) and no model names it, after a place word (都内で特別区長会と) or with
its chair in brackets after it. The sentences are invented."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text, parties", [
    ("長野県市長会は10日、特別区長会と交流に関する連携協定を結んだ。", ["特別区長会", "長野県市長会"]),
    ("長野県市長会(会長、山田一郎松本市長)と県町村会(会長、鈴木二郎小布施町長)は10日、都内で特別区長会"
     "(会長、佐藤三郎新宿区長)と連携協定を結んだ。", ["特別区長会", "長野県市長会", "長野県町村会"]),
])
def test_associations_of_municipalities_are_parties(nlp, text, parties):
    _, records = records_of(text)
    assert agreement_parties(records) == [parties]
