"""A declaration's name is more than the bare word: …をアピールとしてまとめる uses アピール as a verb-noun,
and a heading line (第8回…交流会 大会アピール) names the declaration. Each text is made up for the case it
shows (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


def _summit(text: str) -> dict:
    return the_record(text, "summit")


@pytest.mark.parametrize("text", [
    "令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。私たちは、以下の点をアピールとしてまとめる。",
    "令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。参加者の思いを宣言としてまとめた。",
])
def test_the_bare_word_is_no_declaration(nlp, text):
    assert _summit(text)["declaration"] is None


def test_the_heading_names_the_declaration_over_the_bare_word(nlp):
    rec = _summit("令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。\n\n第8回全国まちなか交流会 大会アピール\n\n"
                  "私たちは、以下の点をアピールとしてまとめる。\n")
    assert rec["declaration"] == "大会アピール"


def test_a_named_declaration_with_the_verb_stays(nlp):
    rec = _summit("令和元年7月4日、長井市で第8回全国まちなか交流会が開催され、長井宣言を採択した。")
    assert rec["declaration"] == "長井宣言"


@pytest.mark.parametrize("line", ["宣言:ダムと共に生きる長井宣言", "採択宣言: ダムと共に生きる長井宣言", "■宣言：ダムと共に生きる長井宣言"])
def test_a_declaration_key_is_no_part_of_the_name(nlp, line):
    rec = _summit(f"令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。\n{line}\n")
    assert rec["declaration"] == "ダムと共に生きる長井宣言"
