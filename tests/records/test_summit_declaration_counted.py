"""What a declaration word names: a counted word (3つの共同アピールが採択) is several documents, none of them the
meeting's one declaration, even where a heading below bears the word; a bare 宣言 after a clause's verb
(…を盛り込んだ宣言を採択) is the common noun, no name; and a declaration named after the meeting with its
edition (第12回青葉経済同友会大会アピール) keeps the edition mark whole. Each text is made up for the case it
shows (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


def _declaration(text: str) -> str | None:
    return the_record(text, "summit")["declaration"]


@pytest.mark.parametrize("text", [
    "令和2年5月8日、松江市で第14回山陰県境サミットが開かれ、観光と交通に関する3つの共同アピールが採択された。",
    "令和2年5月8日、松江市で第14回山陰県境サミットが開かれ、2つの共同アピールを採択した。\n\n報告事項\n\n共同アピール\n",
    "令和2年5月8日、松江市で第14回山陰県境サミットが開かれ、人材の確保などを盛り込んだ宣言を採択した。",
])
def test_no_declaration_of_its_own(nlp, text):
    assert _declaration(text) is None


def test_the_edition_opens_the_declarations_name(nlp):
    text = "令和2年5月8日、松江市で第12回青葉経済同友会大会が開かれた。最後に第12回青葉経済同友会大会アピールを採択して閉会した。"
    assert _declaration(text) in ("第12回青葉経済同友会大会アピール",)


def test_a_single_joint_appeal_stays(nlp):
    text = "令和2年5月8日、松江市で第14回山陰県境サミットが開かれ、最後に共同アピールを採択した。"
    assert _declaration(text) == "共同アピール"
