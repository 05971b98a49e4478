"""Columns found from the page's whitespace, and lines joined without spaces in Japanese (issue 23).

On the committed layout samples (scripts/samplegen/layouts.py made them from our own text):
a short second column, a second column under a full-width block, three columns, tables inside
a column, a body-size heading over the gutter, a date set flush right on the title's line (one
column), items (1) … (7) at line starts. The round trip (test_roundtrip.py) checks that all the
text comes out in order; these check the structure: each paragraph one line, in its place.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from extractors.reading.layout import group_rows, reading_regions, row_unit
from extractors.reading.pdf import _join, extract_pdf, read_pdf_pages

from .sample_pdfs import SAMPLES, expected_lines, lines_of, text_of


def slots(name: str) -> list[list[str]]:
    """Per page, the slots of its blocks in reading order (single, full, left, right, colN.i, table)."""
    pages = read_pdf_pages((SAMPLES / name).read_bytes(), name).pages
    return [[block[0].slot for block in p.lines.blocks] for p in pages]


# ---------------------------------------------------------------- columns

@pytest.mark.parametrize("name", [
    "layout_short_column.pdf",  # two pages: the second column of the last one is three lines long
    "layout_below_block.pdf",  # a title and a lead over the full width, a contact block under both columns
    "layout_three_columns.pdf",
    "layout_table_in_column.pdf",
    "layout_body_heading.pdf",
])
def test_columns_read_paragraph_by_paragraph(name):
    """Every paragraph comes out whole and in order: no line of one column paired with the line
    beside it in the other, a full-width block above or under the columns in its place."""
    assert lines_of(text_of(name)) == expected_lines(name)


def test_a_short_second_column_is_read_after_the_first():
    assert slots("layout_short_column.pdf") == [["full", "left", "right", "full"], ["left", "right", "full"]]


def test_columns_start_under_a_full_width_block_and_end_over_one():
    assert slots("layout_below_block.pdf") == [["full", "left", "right", "full"]]
    lines = lines_of(text_of("layout_below_block.pdf"))
    assert lines[0] == "設備の導入を補助します" and lines[-1].startswith("問い合わせ先")


def test_three_columns_are_read_left_to_right():
    assert [s for s in slots("layout_three_columns.pdf")[0] if s.startswith("col3")][-3:] == ["col3.0", "col3.1", "col3.2"]


def test_a_table_inside_a_column_stays_in_it():
    got = lines_of(text_of("layout_table_in_column.pdf"))
    assert "5月15日\t北浜公民館\t午後" in got  # the unruled one, in the left column
    assert "専門家の派遣\t2回まで無料" in got  # the ruled one, in the right column
    assert slots("layout_table_in_column.pdf") == [["full", "left", "table", "left", "right", "table", "right", "full"]]


def test_a_body_size_heading_over_the_gutter_parts_the_sections():
    got = lines_of(text_of("layout_body_heading.pdf"))
    heading = [line for line in got if line.startswith("◇")]
    assert heading == ["◇午後の部商店街と工場が一緒に作った土産物の報告と、会場との意見交換◇"]
    assert slots("layout_body_heading.pdf") == [["full", "left", "right", "full", "left", "right", "full"]]


def test_lines_far_apart_on_a_title_line_are_not_columns():
    """A date flush right on the title's line, a signature line: one column, each a line of its own."""
    assert slots("layout_date_line.pdf") == [["single"]]
    got = lines_of(text_of("layout_date_line.pdf"))
    assert got[:2] == ["経営相談の窓口のお知らせ令和6年4月1日", "みなと市産業振興課担当相談係"]
    assert got[-1] == "以上みなと市長"
    body = expected_lines("layout_date_line.pdf")[4:-2]
    assert got[2:-1] == body  # the paragraphs whole, not joined to the lines set apart


def test_item_markers_at_line_starts_are_kept():
    got = lines_of(text_of("layout_item_markers.pdf"))
    items = [line for line in got if re.match(r"\(\d\)", line)]
    assert [line[:3] for line in items] == [f"({i})" for i in range(1, 8)]
    assert items[2].replace("\t", "") == "(3)紙の帳票を読み取って電子の記録にする装置、及びその記録を保存する機器で、三年以上使うもの"


# ---------------------------------------------------------------- line joins

def test_a_number_wrapped_in_a_japanese_sentence_has_no_space():
    text = text_of("layout_short_column.pdf")
    assert "市内に40カ所" in text and "4 0" not in text


@pytest.mark.parametrize("before,after,joined", [
    ("市内に4", "0カ所ある", "市内に40カ所ある"),  # a number wrapped in Japanese text
    ("人口は約 1", "2万人です", "人口は約 12万人です"),  # the part on the next line runs into Japanese
    ("第1", "2回の会議", "第12回の会議"),
    ("目標はSD", "Gsの達成です", "目標はSDGsの達成です"),  # a word of letters inside Japanese text
    ("令和6年度", "の予算", "令和6年度の予算"),
    ("電話 0000-", "00-0000", "電話 0000-00-0000"),  # a hyphen at the line end joins
    ("the small business", "forum", "the small business forum"),  # western words keep their space
    ("held in 2024", "at the city hall", "held in 2024 at the city hall"),
    ("see item (1)", "above", "see item (1) above"),
    ("会場は Minato", "City Hall です", "会場は Minato City Hall です"),  # a western word after a space
])
def test_line_joins(before, after, joined):
    assert _join(before, after) == joined


def test_a_glyph_mapped_to_no_character_is_reported(tmp_path):
    """A glyph the font lacks is drawn as its missing glyph, mapped to U+0000: it cannot be read,
    and the reader says so rather than dropping it silently."""
    from reportlab.pdfgen import canvas

    from scripts.samplegen.render import MINCHO, register_fonts

    register_fonts()
    path = tmp_path / "missing.pdf"
    c = canvas.Canvas(str(path))
    c.setFont(MINCHO, 10.5)
    for i, line in enumerate(["\u2474本市の施策を説明します。", "\u2475次の施策を説明します。"]):  # ⑴ ⑵: not in IPAex
        c.drawString(72, 700 - 20 * i, line)
    c.save()
    text, _, _, warnings = extract_pdf(path.read_bytes(), "missing.pdf")
    assert re.sub(r"\s", "", text) == "本市の施策を説明します。次の施策を説明します。"
    assert warnings == ["page 1: 2 glyphs without a Unicode mapping were dropped"]


# ---------------------------------------------------------------- the cut on characters placed here

@dataclass
class Char:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float = 10.0


def column_lines(x0: float, first_row: int, texts: list[str], width: int = 14) -> list[Char]:
    """Lines of a column of `width` characters of 10 pt starting at x0, one row (16 pt) apart."""
    chars = []
    for k, text in enumerate(texts):
        top = 100 + 16 * (first_row + k)
        chars += [Char(ch, x0 + 10 * i, x0 + 10 * (i + 1), top, top + 10) for i, ch in enumerate(text[:width])]
    return chars


def region_texts(chars: list[Char]) -> list[tuple[str, str]]:
    rows = group_rows(chars)
    regions, _, _ = reading_regions([row_unit(r, 10.0) for r in rows], 10.0)
    return [(r.slot, "".join(c.text for u in r.units for c in sorted(u.chars, key=lambda c: c.x0))) for r in regions]


FULL = "あいうえおかきくけこさしすせ"  # a line filling a column of 14 characters


def test_a_third_column_beside_a_second_that_starts_lower():
    """No row has text in both the second and the third column: the page's other gutter tells."""
    chars = (column_lines(50, 0, ["一" * 14] * 8) + column_lines(220, 2, ["二" * 14] * 6)
             + column_lines(390, 0, ["三" * 14, "三三三"]))
    assert region_texts(chars) == [("col3.0", "一" * 112), ("col3.1", "二" * 84), ("col3.2", "三" * 17)]


def test_two_lines_set_far_apart_are_not_columns():
    title = [Char(ch, 50 + 12 * i, 62 + 12 * i, 80, 92, 12.0) for i, ch in enumerate("お知らせの表題")]
    date = [Char(ch, 400 + 10 * i, 410 + 10 * i, 81, 91) for i, ch in enumerate("令和6年4月1日")]
    body = column_lines(50, 0, [FULL * 3] * 5, width=42)
    assert [slot for slot, _ in region_texts(title + date + body)] == ["single"]
