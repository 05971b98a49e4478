"""An agreement named by a topic of two words for working together (「連携協力に関する協定」, 「連携・協力に関する
協定書」) is of the kind 連携協定, as the dev gold writes every such name (連携協力協定 only some); 産学 before
them stays (産学連携協定); a word written as 連携協力協定 stays as written. On invented texts."""
import pytest

from extractors.records.agreement_fields import kind_of
from tests.records.built import records_of


@pytest.mark.parametrize("word, title, kind", [
    ("協定", "連携協力に関する協定", "連携協定"),
    ("協定書", "地域振興に向けた連携・協力に関する協定書", "連携協定"),
    ("協定", "産学連携協力に関する協定", "産学連携協定"),
    ("協定", "相互協力に関する協定", "相互協力協定"),
    ("連携協力協定", None, "連携協力協定"),
])
def test_kind_of_cooperation_topic(word, title, kind):
    assert kind_of(word, title) == kind


def test_record_kind(nlp):
    text = "2023年5月21日\n青葉商工会議所と東西銀行は、「地域振興に資する連携・協力に関する協定書」を締結した。"
    _, records = records_of(text)
    (r,) = [r for r in records if r["type"] == "agreement"]
    assert r["kind"] == "連携協定"
