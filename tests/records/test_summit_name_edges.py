"""The edges of a meeting's name in plain text (no model): a month before it (7月全国町村長大会: the
month it meets) is no part of it. Every text is made up for the case it shows."""
import pytest

from extractors.language import meetings


@pytest.mark.parametrize("text, names", [
    ("7月全国町村長大会を開催しました", ["全国町村長大会"]),
    ("令和元年11月東北市長会議の報告", ["東北市長会議"]),
    ("十一月全国町村長大会の案内", ["全国町村長大会"]),
])
def test_a_leading_month_is_no_part_of_the_name(text, names):
    assert [f.text for f in meetings.names_in(text, 0, len(text))] == names
