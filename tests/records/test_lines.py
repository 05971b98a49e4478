"""The line-structure pass: key–value lines, list rows and table cells (no model)."""
import pytest

from extractors.records.lines import Line, cells, doc_lines, is_list_row, key_value, line_index

KEYS = ("開催日", "日時", "会場", "開催地", "テーマ", "メインテーマ", "スローガン")


@pytest.mark.parametrize("text, key, value", [
    ("開催日 令和4年10月6日(木)", "開催日", "令和4年10月6日(木)"),
    ("会場:富山市総合体育館", "会場", "富山市総合体育館"),
    ("■開催地\t別府市", "開催地", "別府市"),
    ("【メインテーマ】「ものづくりの未来」", "メインテーマ", "「ものづくりの未来」"),
    ("・日時: 5月20日", "日時", "5月20日"),
    ("テーマ:地域の力", "テーマ", "地域の力"),  # the longest key that fits wins over a shorter one
])
def test_key_value_lines(text, key, value):
    line = Line(10, 10 + len(text), text)
    found = key_value(line, KEYS)
    assert found is not None and found[0] == key
    assert text[found[1] - 10:] == value


@pytest.mark.parametrize("text", [
    "会場の準備が進んでいます。",  # a sentence that starts with the word
    "テーマパークに行きました",
    "開催日",  # a key with no value
])
def test_not_key_value(text):
    assert key_value(Line(0, len(text), text), KEYS) is None


@pytest.mark.parametrize("text, row", [
    (" 「北見市中小企業振興基本条例」", True),
    ("・第3回 2015年 岡崎市", True),
    ("1. 開会", True),
    ("第5回\t2009年11月\t岡谷市", True),
    ("本市では、中小企業の振興に関する条例を制定しました。今後も取り組みます。", False),
    ("", False),
])
def test_list_rows(text, row):
    assert is_list_row(Line(0, len(text), text)) is row


def test_cells_and_line_index_keep_offsets():
    text = "見出し\n第5回\t 2009年11月 \t岡谷市\n"
    lines = doc_lines(text)
    i = line_index(lines, text.index("岡谷"))
    assert i == 1
    assert [(text[s:e], c) for s, e, c in cells(lines[i])] == [("第5回", "第5回"), ("2009年11月", "2009年11月"),
                                                               ("岡谷市", "岡谷市")]
