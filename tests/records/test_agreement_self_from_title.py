"""A self-reference (本町, 当金庫) on a page that names no publisher: the one body of that kind its title names,
when the text does not name it too (there it is the partner: 「由布市と本市で」)."""
import pytest

from tests.records.built import records_of
from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_self_reference_resolved_from_the_title(nlp):
    text = "本町は令和6年3月5日、大分銀行と連携協定を締結しました。"
    assert _agreements(text, title="九重町と大分銀行の連携協定") == [(["九重町", "大分銀行"], "2024-03-05")]


@pytest.mark.model
def test_title_body_named_in_the_text_is_the_partner_not_the_self_reference(nlp):
    text = "令和6年3月5日、由布市と本市は観光振興に関する連携協定を締結しました。"
    parties = [p["name"] for r in records_of(text, title="由布市との連携協定")[1] if r["type"] == "agreement"
               for p in r["parties"]]
    assert parties.count("由布市") == 1
