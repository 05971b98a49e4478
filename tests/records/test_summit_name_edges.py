"""The edges of a meeting's name in plain text (no model): a month before it (7月全国町村長大会: the
month it meets) is no part of it, and a verb after it (…サミット始まる, …大会開幕) does not make it a
longer word. Every text is made up for the case it shows."""
import pytest

from extractors.language import meetings


@pytest.mark.parametrize("text, names", [
    ("7月全国町村長大会を開催しました", ["全国町村長大会"]),
    ("令和元年11月東北市長会議の報告", ["東北市長会議"]),
    ("十一月全国町村長大会の案内", ["全国町村長大会"]),
])
def test_a_leading_month_is_no_part_of_the_name(text, names):
    assert [f.text for f in meetings.names_in(text, 0, len(text))] == names


@pytest.mark.parametrize("text, name", [
    ("第5回信州産直サミット始まる", "信州産直サミット"),
    ("第12回東北観光大会開幕へ", "東北観光大会"),
    ("第3回港まちフォーラム閉幕", "港まちフォーラム"),
])
def test_a_verb_after_the_name_ends_it(text, name):
    at = text.index("回") + 1
    assert meetings.name_after(text, at).text == name
