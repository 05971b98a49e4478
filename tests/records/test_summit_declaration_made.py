"""A declaration made (…宣言を行った, …宣言を行い) is adopted as one with 採択; a bare アピール made (魅力のアピールを
行った) or a ceremony's 開会宣言 is none. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, declaration", [
    ("全国星空サミットは昨年8月、第1回が井原市で開かれ、5市町が星空保護宣言を行った。\n", "星空保護宣言"),
    ("令和4年9月15日、遠野市で第6回全国まちなか交流会が開かれ、遠野宣言を行い幕を閉じた。\n", "遠野宣言"),
    ("令和4年9月15日、遠野市で第6回全国まちなか交流会が開かれ、各地の代表が魅力のアピールを行った。\n", None),
    ("令和4年9月15日、遠野市で第6回全国まちなか交流会が開かれ、市長が開会宣言を行った。\n", None),
])
def test_a_declaration_made(nlp, text, declaration):
    assert the_record(text, "summit")["declaration"] == declaration
