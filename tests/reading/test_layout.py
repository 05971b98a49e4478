"""Page layouts of issue 13 on the committed layout samples (scripts/samplegen/layouts.py made them):
a banner over both columns, tables as rows, vertical writing; and the line starts that open a row.
The column layouts of issue 23 are tests/reading/test_columns.py's.

The round trip (test_roundtrip.py) checks that all the text comes out in order; these check
the structure: a heading is one line in its place, a table row is one line of tab-separated
cells, a vertical paragraph is one line.
"""
from __future__ import annotations


import pytest

from extractors.reading.pdf import _MARKER, extract_pdf

from .sample_pdfs import SAMPLES, expected_lines, lines_of, text_of


# ---------------------------------------------------------------- headings over columns

def test_banner_over_the_gutter_is_one_line_without_doubled_characters():
    lines = lines_of(text_of("layout_spanning.pdf"))
    assert lines[0] == "産業振興フォーラム北浜市で開きました"  # drawn four times, spaces over the gutter
    assert "産産" not in lines[0] and "ししまま" not in lines[0]


def test_spanning_sample_reads_paragraph_by_paragraph():
    """Each paragraph of either column comes out whole, the heading between the sections in its place."""
    assert lines_of(text_of("layout_spanning.pdf")) == expected_lines("layout_spanning.pdf")


# ---------------------------------------------------------------- tables

@pytest.mark.parametrize("name", ["layout_tables.pdf", "layout_ruled_table.pdf"])
def test_table_rows_are_lines_of_tab_separated_cells(name):
    got = lines_of(text_of(name))
    rows = [line for line in expected_lines(name) if "\t" in line]
    assert len(rows) >= 8
    assert [line for line in got if "\t" in line] == rows
    assert "第2回\t平成29年11月11、12日\t南原町\t地域の技を磨き、外へ伝える-職人と若者が出会う場づくり-" in got


def test_unruled_and_ruled_samples_read_line_by_line():
    for name in ("layout_tables.pdf", "layout_ruled_table.pdf"):
        assert lines_of(text_of(name)) == expected_lines(name)


def test_agreement_list_keeps_its_columns():
    got = lines_of(text_of("layout_tables.pdf"))
    assert "締結日\t相手方\t内容" in got
    assert "令和元年7月10日\t港北大学\t人材の育成や地域産業の振興など六つの分野の連携協力に関する協定" in got


# ---------------------------------------------------------------- vertical writing

@pytest.mark.parametrize("name", ["layout_vertical.pdf", "layout_vertical_cid.pdf", "layout_vertical_numbers.pdf"])
def test_vertical_paragraphs_read_top_to_bottom_right_to_left(name):
    """Title (horizontal), each vertical paragraph as one line, the horizontal note last; a number
    set side by side in one cell (縦中横) and a last column of two characters in their places."""
    assert lines_of(text_of(name)) == expected_lines(name)


def test_vertical_page_gives_no_warning():
    _, _, _, warnings = extract_pdf((SAMPLES / "layout_vertical.pdf").read_bytes(), "v.pdf")
    assert warnings == []


# ---------------------------------------------------------------- line starts

@pytest.mark.parametrize("line,opens", [
    ("第3回 平成30年10月20日 北浜市", True),  # a row of a list of meetings
    ("平成30年4月1日 北浜信用金庫", True),  # a date at the line start
    ("令和2年10月1日に締結", True),
    ("2016年1月19日", True),
    ("(1)販路の開拓", True),
    ("・条例の理念", True),
    ("○山田委員", True),
    ("1. 協定書の名称", True),
    ("を市政の大切な課題の一つに", False),
    ("回開催された", False),
    ("年度の事業報告", False),
    ("28年ぶり", False),
])
def test_line_starts_that_open_a_new_line(line, opens):
    assert bool(_MARKER.match(line)) is opens
