"""A declaration made (…宣言を行った, …宣言を行い) is adopted as one with 採択; a bare アピール made (魅力のアピールを
行った) or a ceremony's 開会宣言 is none. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, declaration", [
    ("全国港夜景サミットは昨年2月、第1回が函館市で開催され、4市が日本四大港夜景宣言を行った。\n", "日本四大港夜景宣言"),
    ("令和元年7月4日、長井市で第8回全国まちなか交流会が開催され、長井宣言を行い閉幕した。\n", "長井宣言"),
    ("令和元年7月4日、長井市で第8回全国まちなか交流会が開催され、参加者が魅力のアピールを行った。\n", None),
    ("令和元年7月4日、長井市で第8回全国まちなか交流会が開催され、実行委員長が開会宣言を行った。\n", None),
])
def test_a_declaration_made(nlp, text, declaration):
    assert the_record(text, "summit")["declaration"] == declaration
