"""A meeting adopts a declaration it may not name (最後にアピールを採択), or its programme lists the
adoption as a line with no particle (■共同宣言文採択); a 『開会宣言』 opens the ceremony and is no
declaration the meeting adopts. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


def _summit(text: str) -> dict:
    return the_record(text, "summit")


@pytest.mark.parametrize("text, declaration", [
    ("令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。討論のあと、最後にアピールを採択しました。", "アピール"),
    ("令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。閉会にあたり宣言を採択した。", "宣言"),
])
def test_an_unnamed_declaration_adopted(nlp, text, declaration):
    assert _summit(text)["declaration"] == declaration


@pytest.mark.parametrize("line, declaration", [
    ("■共同宣言文採択・次回開催地の発表", "共同宣言文"),
    ("・長井宣言採択", "長井宣言"),
])
def test_a_programme_line_adopts_without_a_particle(nlp, line, declaration):
    rec = _summit(f"第8回全国まちなか交流会\n■日時\n令和元年7月4日\n■会場\n長井市民文化会館\n■内容\n■基調講演\n{line}\n")
    assert rec["declaration"] == declaration


@pytest.mark.parametrize("text", [
    "令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。式典では、実行委員長が『開会宣言』。",
    "令和元年7月4日、長井市で第8回全国まちなか交流会が開催されました。実行委員長の閉会宣言で幕を閉じた。",
])
def test_a_ceremony_declaration_is_none(nlp, text):
    assert _summit(text)["declaration"] is None
