"""PDF bytes to clean Japanese text with page offsets.

Takes the bytes of a PDF and gives `(text, pages, title, warnings)`:

- `text`: the body text of the pages read, passed through `normalize_text`
  page by page, with running headers, footers and page numbers dropped, lines
  wrapped inside a paragraph joined (no space between Japanese characters),
  paragraphs ending in "\\n", and pages of columns read column by column; a
  line ending short of the column's edge is a wrap when the next line's first
  unbreakable unit (禁則: 例」, み)) would not have fitted, and the centred last
  line of a centred paragraph (a title block) is joined to the full line above;
  a line with parts set far apart on it (a title and its date flush right) is a
  line of its own (parted by a run of typed spaces, only where it opens a paragraph); a full line that leaves its sentence open goes on into a
  next line starting with what reads as a marker (「…商工会」/「・…大学」, 「開催(」/
  「第19回)」: text set without 禁則) unless it is a list's item or leads into a list (「:」);
  no space is put where a number or word wrapped inside
  Japanese text is joined (「市内に4」/「0カ所」 -> 「市内に40カ所」);
- `pages`: one `Page(page=n, start, end, ocr)` per page read; `text[start:end]`
  is that page's text. Pages are joined by "\\n", or by "" when a sentence runs
  on from the foot of one page to the top of the next;
- `title`: the Title of the document information dictionary, or None;
- `warnings`: what was left out or looked wrong (pages past `max_pages`, pages
  read by OCR or left unread, unmapped glyphs).

A page with no usable text layer (a scan: no characters, or mostly unmapped
"(cid:N)" glyphs) is read by OCR (extractors/ocr.py) and marked `ocr=True`;
its lines go through the same layout steps as those of a text page.

A long document can be read in page ranges, each on its own (a task each in
the flows): `read_pdf_pages` reads pages [first, last) into a `PdfPart` (the
pages' lines and warnings, its scanned pages OCRed), and `assemble_pdf` joins
the parts, in page order, into exactly what one read gives. Columns too short
to tell on their own are read with the gutter found last before them; a part
cannot know it for its first pages, so the join reads those few again with the
gutter carried over the parts before. Everything that needs the whole
document is done by the join: the checks, running headers and footers, column
edges, line pitches and the text. `extract_pdf` is one part of all the pages,
assembled: one code path. `pdf_page_count` tells the page count cheaply.

Unreadable input raises `ExtractionError` with code `not_pdf`, `corrupt_pdf`,
`encrypted_pdf` (a password other than the empty one is needed),
`no_text_layer` (status "needs_ocr": no page has usable text and OCR is not
available; the message says how to install it) or `no_text` (blank pages, or
OCR found nothing). A page that cannot be read is left blank with a warning;
only when every page fails is the document `corrupt_pdf`, however it is split.

The work is done on the page's characters: pdfium's on a plain page (no ruled-table rules, no
vertical or rotated text, every glyph mapped: extractors/reading/pdfium_chars.py, ~10x faster
than pdfminer), `page.chars` (pdfplumber, no layout analysis) on any other page. Characters
are de-duplicated (fake bold), grouped into rows, the header and footer
candidates noted, the page cut into regions in reading order by the whitespace
between its columns (extractors/reading/layout.py's `reading_regions`: a
recursive XY cut; full-width stretches stay whole and in place, a column
stretch is read column by column, however short a column), and lines
assembled from characters sorted by x, so that letter spacing never turns into
spaces between Japanese characters. Blocks read whole take part in the cut by
their boxes, so they stay in the column they are set in: ruled tables
(extractors/reading/tables.py) and vertical writing; unruled tables drawn at
tab stops are found in each region. A table row is one line, its non-empty
cells separated by a tab; vertical columns are read top to bottom, right to
left, and joined into paragraphs like horizontal lines. Header and footer
candidates are read in their places (the foot of a column may run into the
bottom band); those that repeat on most pages, and page numbers, are dropped.
"""
from __future__ import annotations

import io
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field, replace

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdftypes import resolve1
from pdfplumber.utils.exceptions import PdfminerException

from extractors.errors import ExtractionError
from extractors.reading.layout import (Region, anchor_of, block_unit, group_rows, reading_regions, row_segments,
                                       row_unit, spaced_cuts, split_vertical, table_runs)
from extractors.reading.normalize import normalize_chars, normalize_text
from extractors.reading.ocr import OcrLine, needs_ocr, ocr_page, ocr_unavailable
from extractors.reading.pdfium_chars import PDFIUM_LOCK, PdfiumPages
from extractors.reading.pdfstreams import page_content_over
from extractors.reading.tables import ruled_tables
from extractors.settings import Settings
from schemas.document import Page

# A line ending in one of these closes its sentence: the next page or column starts afresh.
_SENTENCE_END = set("。．.！？!?」』)）】〕")
# A wave or dash at the end of a title line, or the start of the next, frames a subtitle (〜…〜, ―…―).
_TITLE_FRAME = set("〜~―-")
# Characters a line may not start with (closing brackets, punctuation, small kana, the long
# vowel mark) or end with (opening brackets): line breaking carries them over with a neighbour.
_NO_LINE_START = set("、。,.，．・:;!?！？)）」』】〕〉》]}’”ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ々ゝゞヽヾ")
_NO_LINE_END = set("(（「『【〔〈《[{‘“")
# A line ending in one of these leads into what follows: a list may start on the next line.
_LIST_LEAD = set(":：")
# Line starts that open a new paragraph: bullets, notes, numbered items, articles.
_MARKER = re.compile(
    r"^(?:(?P<bullet>[○●◯◎・※■□◆◇▲△▼▽★☆▶►→⇒【〔])"
    r"|(?P<bracketed>[(（][0-9０-９一二三四五六七八九十]{1,3}[)）])"
    r"|(?P<circled>[①-⑳㉑-㉟])"
    r"|(?P<article>第[0-9０-９一二三四五六七八九十百]+[条章節款])"
    r"|(?P<numbered>[0-9０-９]{1,2}[.．](?![0-9０-９]))"
    r"|(?P<kana>[ア-ンｱ-ﾝ][.．)）])"
    r"|(?P<edition>第[0-9０-９一二三四五六七八九十百]+回)"  # an edition: a row of a list of meetings
    r"|(?P<date>(?:令和|平成|昭和)[0-9０-９元]{1,2}年|[0-9０-９]{4}年)"  # a date at the line start: a list entry
    r")"
)


def _marker_kind(text: str) -> str | None:
    """Which kind of marker opens `text` (a bullet by its own mark), or None."""
    m = _MARKER.match(text)
    if m is None:
        return None
    return m.group() if m.lastgroup == "bullet" else m.lastgroup
# A header/footer line that is only a page number: "- 3 -", "3", "3/10", "Page 3", "3ページ", "p. 3", "iv".
_PAGE_NUMBER = re.compile(
    r"^(?:[-‐−–—―ー~〜]?\s*[0-9]{1,4}\s*[-‐−–—―ー~〜]?"
    r"|[0-9]{1,4}\s*/\s*[0-9]{1,4}"
    r"|(?:page|p\.?)\s*[0-9]{1,4}(?:\s*(?:/|of)\s*[0-9]{1,4})?"
    r"|[0-9]{1,4}\s*(?:ページ|頁)"
    r"|[(（][0-9]{1,4}[)）]"
    r"|[ivxlc]{1,6})$",  # roman numerals of front matter
    re.I,
)
_OFFICE_TITLE = re.compile(r"^Microsoft (?:Word|PowerPoint|Excel) - |\.(?:docx?|xlsx?|pptx?|jtd|pdf)$", re.I)

_MARGIN_BAND = 0.12  # header/footer candidates lie in the top or bottom 12% of the page
_SPREAD = 3.0  # em beyond the letter spacing: a gap inside a line that parts two things set apart
_DEDUPE_TOLERANCE = 1.5  # pt: fake bold redraws a glyph well within this ...
_DEDUPE_EM = 0.12  # ... or within an eighth of an em in a big heading (a heavier smear), up to 3 pt


@dataclass(slots=True)
class _Char:
    text: str  # normalised with normalize_chars
    x0: float
    x1: float
    top: float
    bottom: float
    size: float


@dataclass(slots=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    slot: str = "single"  # single / left / right / full / table / vertical: where it sits, for the column edges
    gap: float = 0.0  # the usual space between its characters: letter spacing
    spread: bool = False  # parts set far apart on it (a title and its date flush right): no wrapped line
    typed: bool = False  # ... by runs of drawn spaces, as text is typed: inside a paragraph, a wrapped line still


@dataclass
class _PageLines:
    """One page: margin candidates set aside, body lines in reading order, grouped in blocks."""

    header: list[_Line] = field(default_factory=list)
    footer: list[_Line] = field(default_factory=list)
    blocks: list[list[_Line]] = field(default_factory=list)
    # header and footer lines are also in the blocks, in their places (a text page: the columns'
    # heads and feet run into the bands); else (an OCRed page) apart, kept ones added at the ends
    in_place: bool = False
    no_text: bool = False
    scanned: bool = False  # something drawn but no usable text layer: a page for OCR
    ocr: bool = False  # the lines were read by OCR

    def copy(self) -> _PageLines:
        """A copy whose lists can change (running lines dropped) while this one stays as it is."""
        return replace(self, header=list(self.header), footer=list(self.footer), blocks=list(self.blocks))


# ---------------------------------------------------------------- characters

def _page_chars(page, warnings: list[str]) -> list[_Char]:
    """The page's upright characters inside the page, normalised and de-duplicated."""
    x0, top, x1, bottom = page.bbox
    chars, unmapped, rotated = [], 0, 0
    for ch in page.chars:
        text = ch["text"]
        if text.startswith("(cid:") or (text and not text.isspace() and all(ord(t) < 0x20 for t in text)):
            unmapped += 1  # a glyph with no Unicode mapping (or one to a control code): nothing to read
            continue
        if ch["x1"] < x0 or ch["x0"] > x1 or ch["bottom"] < top or ch["top"] > bottom:
            continue  # drawn off the page
        if not ch.get("upright", True):
            rotated += 1  # rotated labels (stamps, side notes) would break the lines they cross
            continue
        chars.append(_Char(normalize_chars(text), ch["x0"], ch["x1"], ch["top"], ch["bottom"], ch["size"] or 1.0))
    if unmapped:
        warnings.append(f"page {page.page_number}: {unmapped} glyphs without a Unicode mapping were dropped")
    if rotated:
        warnings.append(f"page {page.page_number}: {rotated} rotated characters were left out")
    return _dedupe(chars)


def _plain_page_chars(plain: list[tuple[str, float, float, float, float, float]],
                      bbox: tuple[float, float, float, float]) -> list[_Char]:
    """`_page_chars` of a plain page from pdfium's characters (`PdfiumPages.chars`)."""
    x0, top, x1, bottom = bbox
    return _dedupe([_Char(normalize_chars(t), a, b, c, d, size or 1.0) for t, a, b, c, d, size in plain
                    if not (b < x0 or a > x1 or d < top or c > bottom)])


def _dedupe(chars: list[_Char]) -> list[_Char]:
    """Drop a character drawn again at (almost) the same place: fake bold, shadows."""
    cell = 3.0  # the grid of the look-up: no tolerance exceeds it
    seen: dict[tuple[str, int, int], list[_Char]] = {}
    out = []
    for ch in chars:
        tol = min(cell, max(_DEDUPE_TOLERANCE, _DEDUPE_EM * ch.size))
        ix, iy = int(ch.x0 // cell), int(ch.top // cell)
        duplicate = any(
            abs(o.x0 - ch.x0) <= tol and abs(o.top - ch.top) <= tol
            for dx in (-1, 0, 1) for dy in (-1, 0, 1)
            for o in seen.get((ch.text, ix + dx, iy + dy), ())
        )
        if not duplicate:
            seen.setdefault((ch.text, ix, iy), []).append(ch)
            out.append(ch)
    return out


_rows = group_rows


def _is_western(c: str) -> bool:
    """A Latin (or Greek, Cyrillic) letter, digit or punctuation: the scripts that separate words by spaces."""
    return not c.isspace() and (ord(c) < 0x2000 or 0x2018 <= ord(c) <= 0x201F)


def _is_western_alnum(c: str) -> bool:
    return c.isalnum() and _is_western(c)


def _gaps(visible: list[_Char]) -> tuple[float, float]:
    """The line's usual gap between letters (its letter spacing; dot leaders and punctuation aside),
    and its widest gap."""
    gaps = [b.x0 - a.x1 for a, b in zip(visible, visible[1:])]
    if not gaps:
        return 0.0, 0.0
    letters = [g for g, a, b in zip(gaps, visible, visible[1:]) if a.text.isalnum() and b.text.isalnum()]
    return max(0.0, statistics.median(letters or gaps)), max(gaps)


def _make_line(chars: list[_Char], slot: str) -> _Line | None:
    """Assemble one line from its characters, left to right.

    Letter spacing is not a word break. A space is inserted only between two
    western (Latin, digit, punctuation) characters whose gap exceeds the line's
    usual letter gap by a tenth of an em (PDFs made by TeX and many others draw
    no space characters). A space drawn in the PDF is a separator and is kept
    (「北浜和紙フェア 各地の紙すき職人」, as the page's own text has it), except
    where it spaces out single characters (「日 時」, 「会 議 録」: a heading
    set wide), between two Japanese ones each standing alone between spaces.
    """
    chars = sorted(chars, key=lambda c: c.x0)
    visible = [c for c in chars if not c.text.isspace()]
    if not visible:
        return None
    size = statistics.median(c.size for c in visible)
    usual_gap, widest = _gaps(visible)
    threshold = usual_gap + 0.1 * size
    spaced = [False] * len(visible)  # a space is drawn before visible[i] (after the line's start)
    k = -1
    for ch in chars:
        if ch.text.isspace():
            if k >= 0 and k + 1 < len(visible):
                spaced[k + 1] = True
        else:
            k += 1
    out: list[str] = [visible[0].text]
    for i in range(1, len(visible)):
        prev, ch = visible[i - 1], visible[i]
        a, b = prev.text[-1], ch.text[0]
        if spaced[i]:
            alone = (i == 1 or spaced[i - 1]) and (i + 1 == len(visible) or spaced[i + 1])
            if _is_western(a) or _is_western(b) or not alone:
                out.append(" ")
        elif _is_western(a) and _is_western(b) and ch.x0 - prev.x1 > threshold:
            out.append(" ")
        out.append(ch.text)
    far = usual_gap + _SPREAD * size
    spread = widest > far
    typed = spread and all(spaced[i] for i in range(1, len(visible)) if visible[i].x0 - visible[i - 1].x1 > far)
    return _Line("".join(out), visible[0].x0, visible[-1].x1, min(c.top for c in visible),
                 max(c.bottom for c in visible), size, slot, usual_gap, spread, typed)


def _lines(chars: list[_Char], slot: str) -> list[_Line]:
    return [line for row in _rows(chars) if (line := _make_line(row, slot)) is not None]


# ---------------------------------------------------------------- page layout

def _split_margins(rows: list[list[_Char]], top: float, bottom: float) -> tuple[list, list, list]:
    """Rows in the top/bottom band set apart from the body by a clear gap: header and footer candidates."""
    if len(rows) < 2:
        return [], [], rows
    height = bottom - top
    spans = [(min(c.top for c in r), max(c.bottom for c in r)) for r in rows]
    gaps = [spans[i + 1][0] - spans[i][1] for i in range(len(rows) - 1)]
    size = statistics.median(c.size for r in rows for c in r)
    separation = max(size, 2 * statistics.median(gaps))
    head = 0  # rows[:head] are header candidates
    for i in range(len(rows) - 1):
        if spans[i][1] > top + _MARGIN_BAND * height:
            break
        if gaps[i] >= separation:
            head = i + 1
    foot = len(rows)  # rows[foot:] are footer candidates
    for i in range(len(rows) - 1, head, -1):
        if spans[i][0] < bottom - _MARGIN_BAND * height:
            break
        if gaps[i - 1] >= separation:
            foot = i
    # A page number close under (or over) the body is still a candidate: it is dropped on its pattern alone.
    if head == 0 and spans[0][1] <= top + _MARGIN_BAND * height and _is_page_number(rows[0]):
        head = 1
    if foot == len(rows) and foot - 1 > head and spans[-1][0] >= bottom - _MARGIN_BAND * height \
            and _is_page_number(rows[-1]):
        foot -= 1
    return rows[:head], rows[foot:], rows[head:foot]


def _is_page_number(row: list[_Char]) -> bool:
    line = _make_line(row, "full")
    return line is not None and bool(_PAGE_NUMBER.match(line.text))


def _region_blocks(region: Region, margin: dict[int, str], page: _PageLines) -> list[list[_Line]]:
    """A region's rows and blocks as blocks of lines, top to bottom: the rows between two blocks
    read whole (tables, vertical text) make one block; unruled tables are found among its rows.
    A line of a header or footer row (`margin`: id of a character -> which) is noted in `page`'s
    header or footer too."""
    rows = [u.chars for u in region.units if u.block is None]
    inserts = [(u.top, u.block) for u in region.units if u.block is not None]
    body = [r for r in rows if id(r[0]) not in margin]
    if len(body) < len(rows):  # no table takes in a header or footer
        tables, body = _take_unruled_tables(body)
        keep = {id(r[0]) for r in body}
        rows = [r for r in rows if id(r[0]) in keep or id(r[0]) in margin]
    else:
        tables, rows = _take_unruled_tables(rows)
    inserts = sorted(inserts + tables, key=lambda t: t[0])
    blocks: list[list[_Line]] = []
    band: list[_Line] = []
    at = 0
    for row in rows:
        top = min(c.top for c in row)
        while at < len(inserts) and inserts[at][0] < top:
            blocks += [band, inserts[at][1]]
            band = []
            at += 1
        if (line := _make_line(row, region.slot)) is not None:
            band.append(line)
            where = margin.get(id(row[0]))
            if where is not None:
                getattr(page, where).append(line)
    blocks.append(band)
    blocks += [block for _, block in inserts[at:]]
    return [b for b in blocks if b]


def _cell_text(chars: list[_Char]) -> str:
    """A table cell's text: its lines joined as a wrapped paragraph."""
    text = ""
    for line in _lines(chars, "table"):
        text = _join(text, line.text) if text else line.text
    return text


def _row_line(cells: list[str], chars: list[_Char]) -> _Line | None:
    """A table row as one line: its non-empty cells in order, separated by a tab."""
    visible = [c for c in chars if not c.text.isspace()]
    if not visible:
        return None
    return _Line("\t".join(c for c in cells if c), min(c.x0 for c in visible), max(c.x1 for c in visible),
                 min(c.top for c in visible), max(c.bottom for c in visible),
                 statistics.median(c.size for c in visible), "table")


Box = tuple[float, float, float, float]


def _take_ruled_tables(page, chars: list[_Char]) -> tuple[list[tuple[Box, list[_Line]]], list[_Char]]:
    """The page's ruled tables as blocks of row lines (with their boxes), and the characters left outside them."""
    inserts, taken = [], set()
    for rows in ruled_tables(page):
        block = []
        for row in rows:
            cells, row_chars = [], []
            for box in row:
                if box is None:
                    continue
                x0, top, x1, bottom = box
                inside = [c for c in chars if id(c) not in taken
                          and x0 <= (c.x0 + c.x1) / 2 <= x1 and top <= (c.top + c.bottom) / 2 <= bottom]
                taken.update(id(c) for c in inside)
                cells.append(_cell_text(inside))
                row_chars += inside
            if (line := _row_line(cells, row_chars)) is not None:
                block.append(line)
        if block:
            boxes = [box for row in rows for box in row if box is not None]
            inserts.append(((min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                             max(b[3] for b in boxes)), block))
    return inserts, [c for c in chars if id(c) not in taken] if taken else chars


def _take_unruled_tables(rows: list[list[_Char]]) -> tuple[list[tuple[float, list[_Line]]], list[list[_Char]]]:
    """Tables drawn as text at tab stops, as blocks of row lines (with their tops), and the other rows."""
    segmented = [row_segments(r) for r in rows]
    if sum(1 for s in segmented if len(s) >= 3) < 3 and sum(1 for s in segmented if len(s) == 2) < 3:
        return [], rows  # no run of rows with several cells: the common case, cheaply
    tops = [min(c.top for c in r) for r in rows]
    bottoms = [max(c.bottom for c in r) for r in rows]
    spaced = [spaced_cuts(r, s) for r, s in zip(rows, segmented)]
    inserts, used = [], set()
    for first, last, anchors in table_runs(segmented, tops, bottoms, spaced):
        table_rows: list[tuple[list[str], list[_Char]]] = []
        for k in range(first, last + 1):
            segments = segmented[k]
            if len(segments) >= 2 or not table_rows:
                table_rows.append(([""] * len(anchors), []))
            cells, row_chars = table_rows[-1]
            for seg in segments:
                i = anchor_of(seg[0].x0, anchors)
                line = _make_line(seg, "table")
                if line is not None:
                    cells[i] = _join(cells[i], line.text) if cells[i] else line.text
                row_chars += seg
            used.add(k)
        block = [line for cells, chars in table_rows if (line := _row_line(cells, chars)) is not None]
        inserts.append((tops[first], block))
    return inserts, [r for k, r in enumerate(rows) if k not in used]


def _vertical_block(columns: list[list[_Char]]) -> list[_Line]:
    """Vertical columns (right to left, each top to bottom) as lines turned a quarter:
    a column's top is a line's left edge and the columns follow each other downwards, so that
    the paragraph steps (indent, short last line, spacing) read as they do on horizontal lines."""
    lines = []
    for col in columns:
        visible = [c for c in col if not c.text.isspace()]
        size = statistics.median(c.size for c in visible)
        lines.append(_Line("".join(c.text for c in visible), visible[0].top, visible[-1].bottom,
                           -max(c.x1 for c in visible), -min(c.x0 for c in visible), size, "vertical"))
    return lines


def _read_page(page, warnings: list[str], hint: tuple[float, float] | None,
               fast: PdfiumPages | None = None) -> tuple[_PageLines, tuple | None, bool]:
    """One page's lines, the main column gutter found on it (None: one column), and whether
    `hint` was consulted (columns too short to tell on their own: read with another hint, the
    page may come out otherwise).

    With `fast`, a plain page's characters come from pdfium (extractors/reading/pdfium_chars.py);
    any other page is pdfplumber's."""
    x0, top, x1, bottom = page.bbox
    plain = fast.chars(page.page_number - 1) if fast is not None else None
    if plain is not None:
        chars = _plain_page_chars(plain, page.bbox)
        inserts: list[tuple[Box, list[_Line]]] = []
    else:
        if needs_ocr(page):
            return _PageLines(no_text=True, scanned=True), None, False
        chars = _page_chars(page, warnings)
        if not any(not c.text.isspace() for c in chars):
            return _PageLines(no_text=True), None, False
        inserts, chars = _take_ruled_tables(page, chars)
    rows = _rows(chars)
    columns, rest = split_vertical(chars, rows)
    if columns:
        box = (min(c.x0 for col in columns for c in col), min(c.top for col in columns for c in col),
               max(c.x1 for col in columns for c in col), max(c.bottom for col in columns for c in col))
        inserts.append((box, _vertical_block(columns)))
        rows = _rows(rest)
    head, foot, body = _split_margins(rows, top, bottom) if rows else ([], [], [])
    margin = {id(c): "header" for r in head for c in r} | {id(c): "footer" for r in foot for c in r}
    size = statistics.median(c.size for r in rows for c in r) if rows else 0.0
    units = sorted([row_unit(r, size) for r in head + body + foot] + [block_unit(box, block) for box, block in inserts],
                   key=lambda u: u.top)
    regions, gutter, hinted = reading_regions(units, size, hint)
    lines = _PageLines(in_place=True)
    for region in regions:
        lines.blocks += _region_blocks(region, margin, lines)
    return lines, gutter, hinted


# ---------------------------------------------------------------- running headers and footers

def _margin_key(line: _Line) -> str:
    return re.sub(r"[0-9]+", "#", re.sub(r"\s+", "", line.text))


def _drop_running_lines(pages: list[_PageLines]) -> None:
    """Drop page numbers, and header/footer lines that repeat (digits aside) on most pages.

    Candidates that are neither stay in the text: a title on the first page, say.
    """
    need = max(2, math.ceil(0.5 * len(pages)))
    for where in ("header", "footer"):
        counts = Counter(key for p in pages for key in {_margin_key(line) for line in getattr(p, where)})
        for p in pages:
            kept = [line for line in getattr(p, where)
                    if counts[_margin_key(line)] < need and not _PAGE_NUMBER.match(line.text)]
            if p.in_place:
                dropped = {id(line) for line in getattr(p, where)} - {id(line) for line in kept}
                if dropped:
                    p.blocks = [b for block in p.blocks if (b := [x for x in block if id(x) not in dropped])]
            elif kept and where == "header":
                p.blocks.insert(0, kept)
            elif kept:
                p.blocks.append(kept)
            setattr(p, where, [])


# ---------------------------------------------------------------- paragraphs

@dataclass
class _Edges:
    left: float
    right: float


def _column_edges(pages: list[_PageLines]) -> dict[str, _Edges]:
    """Left and right edge of each kind of column over the document (the usual x0, the 90th-percentile x1)."""
    by_slot: dict[str, list[_Line]] = {}
    for p in pages:
        for block in p.blocks:
            for line in block:
                by_slot.setdefault(line.slot, []).append(line)
    edges = {}
    for slot, lines in by_slot.items():
        left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
        rights = sorted(line.x1 for line in lines)
        edges[slot] = _Edges(float(left), rights[int(0.9 * (len(rights) - 1))])
    return edges


def _pitch_key(line: _Line) -> tuple[bool, float]:
    """Lines are spaced by writing direction and font size (to the half point)."""
    return line.slot == "vertical", round(line.size * 2) / 2


def _line_pitches(pages: list[_PageLines]) -> dict[float, float]:
    """The usual distance from one line to the next inside a block, for each font size (to the half point)."""
    pitches: dict[float, list[float]] = {}
    for p in pages:
        for block in p.blocks:
            for a, b in zip(block, block[1:]):
                if abs(a.size - b.size) < 0.5 and 0 < b.top - a.top < 3 * a.size:
                    pitches.setdefault(_pitch_key(a), []).append(b.top - a.top)
    return {size: statistics.median(values) for size, values in pitches.items()}


def _opens_paragraph(line: _Line, edges: _Edges) -> bool:
    """Indented, or starting with a bullet, note mark, number or article."""
    return line.x0 > edges.left + 0.5 * line.size or bool(_MARKER.match(line.text))


def _first_unit(text: str) -> int:
    """How many characters open `text` that a line break may not cut: opening brackets, the first
    character (or western word), and the closing brackets and punctuation that may not start a line."""
    i = 0
    while i < len(text) - 1 and text[i] in _NO_LINE_END:
        i += 1
    if _is_western_alnum(text[i]):
        while i + 1 < len(text) and _is_western_alnum(text[i + 1]):
            i += 1
    i += 1
    while i < len(text) and text[i] in _NO_LINE_START:
        i += 1
    return i


def _is_short(line: _Line, edges: _Edges, nxt: _Line | None = None) -> bool:
    """Ends well before the column's right edge: by more than the next line's first unbreakable
    unit (at least one character) and half a character, letter spacing included.

    Line breaking (禁則) pushes a character over with the closing bracket or punctuation
    after it (「…基本条 / 例」), and a western word moves whole: so a line ending two or
    three characters short of the edge still wraps when the next line could not start later.
    """
    pitch = line.size + line.gap
    unit = pitch
    if nxt is not None and nxt.text:
        head = nxt.text[:_first_unit(nxt.text)]
        unit = max(pitch, sum(line.gap + (0.5 if _is_western(c) else 1.0) * line.size for c in head))
    return line.x1 < edges.right - unit - 0.5 * pitch


def _measure(slot: str, edges: dict[str, _Edges]) -> _Edges:
    """The column a line of `slot` is set in; a line over both columns spans the text area."""
    if slot != "full":
        return edges[slot]
    text = [e for s, e in edges.items() if s in ("single", "left", "right", "full")]
    return _Edges(min(e.left for e in text), max(e.right for e in text))


def _centred_run_on(a: _Line, b: _Line, edges: dict[str, _Edges], pitches: dict[float, float]) -> bool:
    """Whether b is the last line of a centred paragraph that a wraps into: a fills its column,
    b (same size, at the usual line spacing) is centred under it, and a leaves its sentence open.

    A centred b looks indented, so it would open a paragraph. A title over a subtitle or a series
    name over a title is not joined: the upper line is short (centred on its own), ends in a
    closing bracket or punctuation, or a wave or dash frames the subtitle (〜…〜, ―…―).
    """
    if abs(a.size - b.size) > 0.5 or a.text[-1] in _SENTENCE_END or a.text[-1] in _TITLE_FRAME \
            or b.text[0] in _TITLE_FRAME or _MARKER.match(b.text):
        return False
    pitch = pitches.get(_pitch_key(a), 2 * a.size)
    if not 0 < b.top - a.top <= pitch * 1.2 + 0.5:
        return False
    column, em = _measure(a.slot, edges), a.size + a.gap
    if a.x0 > column.left + em or a.x1 < column.right - em:
        return False  # the upper line does not fill the column: a line of its own
    before, after = b.x0 - a.x0, a.x1 - b.x1
    return before > 0.5 * b.size and after > 0.5 * b.size and abs(before - after) <= em


def _wraps_onto_marker(a: _Line, b: _Line, head: _Line, edges: dict[str, _Edges]) -> bool:
    """Whether b, which starts with what reads as a marker (「・」, 「第19回」, 「2023年」), is a's
    sentence wrapped there: b is not indented, a (which fills its column) leaves its sentence
    open, and a's paragraph (which opened with `head`) is not an item of a list of such markers
    itself (「・…」 over 「・…」, 「(1)…」 over 「(2)…」; a paragraph opening on a date is no list of
    editions).

    A line set without 禁則 (or cut inside 「北浜町商工会・北浜市立大学」) can start with a
    中黒 or a number as any other character. A line ending in an opening bracket always goes on.
    """
    if b.x0 > edges[b.slot].left + 0.5 * b.size:
        return False
    if a.text[-1] in _NO_LINE_END:
        return True
    return a.text[-1] not in _SENTENCE_END and a.text[-1] not in _LIST_LEAD \
        and _marker_kind(head.text) != _marker_kind(b.text)


def _breaks(a: _Line, b: _Line, edges: dict[str, _Edges], pitches: dict[float, float], head: _Line) -> bool:
    """Whether line b starts a new paragraph after line a (same column; `head` opened a's paragraph);
    a table row is a line of its own. A line with parts set far apart is a line of its own, unless
    they are parted by typed spaces inside a paragraph: it is not the paragraph's first line (a
    title and its date typed apart), as when a paragraph with runs of spaces in it is wrapped
    (「…令和2年6月3日産業委」/「員会          会議録 開催日 …」)."""
    if abs(a.size - b.size) > 0.5 or a.slot == "table" or b.slot == "table":
        return True
    if (a.spread and not (a.typed and a is not head)) or (b.spread and not b.typed):
        return True
    pitch = pitches.get(_pitch_key(a), 2 * a.size)
    if b.top - a.top > pitch * 1.2 + 0.5:  # paragraph spacing
        return True
    if _is_short(a, edges[a.slot], b):
        return True
    return _opens_paragraph(b, edges[b.slot]) and not _centred_run_on(a, b, edges, pitches) \
        and not _wraps_onto_marker(a, b, head, edges)


def _continues(a: _Line, b: _Line, edges: dict[str, _Edges], pitches: dict[float, float], head: _Line) -> bool:
    """Whether b (top of the next column or page, or the next line over both columns) carries on
    the sentence that a (a column's foot, or a line over both columns; `head` opened its
    paragraph) left open."""
    return (a.text[-1] not in _SENTENCE_END and abs(a.size - b.size) <= 0.5 and "table" not in (a.slot, b.slot)
            and not (a.spread or b.spread)
            and not _is_short(a, edges[a.slot], b)
            and (not _opens_paragraph(b, edges[b.slot]) or _centred_run_on(a, b, edges, pitches)
                 or _wraps_onto_marker(a, b, head, edges)))


def _is_japanese(c: str) -> bool:
    return c != "" and not c.isspace() and not _is_western(c)


def _needs_space(before: str, after: str) -> bool:
    """Whether a line ending in `before` and the next starting with `after` are joined by a space:
    between western words only. Never inside Japanese text: a number or a western word wrapped
    in a Japanese sentence (「市内に4」/「0カ所」, 「はSD」/「Gsの」) has no space in it. A number
    cut at the line end is in Japanese text when it follows a Japanese character or the part
    on the next line runs into one; a word of letters when both hold."""
    a, b = before[-1], after[0]
    if not (_is_western(a) and a != "-" and _is_western_alnum(b)):
        return False
    i = len(before) - 1
    while i >= 0 and (_is_western_alnum(before[i]) or before[i] in ",."):
        i -= 1
    j = 0
    while j < len(after) and (_is_western_alnum(after[j]) or after[j] in ",."):
        j += 1
    left = before[i] if i >= 0 else ""
    right = after[j] if j < len(after) else ""
    if (a.isdigit() and _is_japanese(left)) or (b.isdigit() and _is_japanese(right)):
        return False
    return not (_is_japanese(left) and _is_japanese(right))


def _join(a: str, b: str) -> str:
    """Join a wrapped line: no space in Japanese text, a space between western words."""
    return a + " " + b if a and b and _needs_space(a, b) else a + b


def _block_text(block: list[_Line], edges: dict[str, _Edges], pitches: dict[float, float],
                head: _Line | None = None) -> tuple[str, _Line]:
    """A block's lines as text, and the line that opened its last paragraph. `head` opened the
    paragraph the block's first line carries on (from the column or page before), if it does."""
    text, head = block[0].text, head or block[0]
    for a, b in zip(block, block[1:]):
        if _breaks(a, b, edges, pitches, head):
            text, head = text + "\n" + b.text, b
        else:
            text = _join(text, b.text)
    return text, head


def _page_text(blocks: list[list[_Line]], edges: dict[str, _Edges], pitches: dict[float, float],
               head: _Line | None = None) -> tuple[str, _Line]:
    """A page's blocks as normalised text, a sentence running on into the next column joined, and
    the line that opened its last paragraph (`head`: that of the page before, if it runs on)."""
    text = ""
    for i, block in enumerate(blocks):
        runs_on = bool(i) and _continues(blocks[i - 1][-1], block[0], edges, pitches, head)
        part, head = _block_text(block, edges, pitches, head if runs_on or (not i and head) else None)
        if runs_on:
            text = _join(text, part)
        else:
            text = text + "\n" + part if text else part
    return normalize_text(text), head


def _assemble(pages: list[_PageLines], edges: dict[str, _Edges], pitches: dict[float, float]) -> tuple[str, list[Page]]:
    """Join the pages' texts ("" where a sentence runs on from the page before, else "\n") and note their spans."""
    text, spans = "", []
    prev_last: _Line | None = None
    head: _Line | None = None  # the line that opened the last paragraph read
    for n, p in enumerate(pages, 1):
        blocks = [b for b in p.blocks if b]
        runs_on = False
        if blocks and text and prev_last is not None:
            runs_on = _continues(prev_last, blocks[0][0], edges, pitches, head)
        page_text, last_head = _page_text(blocks, edges, pitches, head if runs_on else None) if blocks else ("", head)
        if page_text and text:
            # a word of ASCII letters cut at the page foot keeps a separator
            text += "" if runs_on and not _needs_space(text, page_text) else "\n"
        start = len(text)
        text += page_text
        spans.append(Page(page=n, start=start, end=len(text), ocr=p.ocr))
        if blocks:
            prev_last, head = blocks[-1][-1], last_head
    return text, spans


# ---------------------------------------------------------------- scanned pages

def _scan_slots(blocks: list[list[_Line]], number: int) -> list[str]:
    """A slot (column) for each of an OCRed page's blocks: blocks whose left edges line up share one.

    So a heading Tesseract sets apart as a block of its own is measured against
    the edges of the text under it, and the columns of a two-column page keep
    their own edges.
    """
    size = statistics.median(line.size for block in blocks for line in block)
    lefts = [min(line.x0 for line in block) for block in blocks]
    slots, column, prev = [""] * len(blocks), 0, None
    for i in sorted(range(len(blocks)), key=lambda i: lefts[i]):
        if prev is not None and lefts[i] - prev > 1.5 * size:
            column += 1
        slots[i], prev = f"ocr{number}.{column}", lefts[i]
    return slots


def _scan_page(lines: list[OcrLine], height: float, number: int) -> _PageLines:
    """An OCRed page: Tesseract's blocks in its order, in slots by their left edges.

    A block wholly in the top or bottom band is a header or footer candidate,
    as on a text page, unless nothing else is on the page.
    """
    by_block: dict[int, list[_Line]] = {}
    for o in lines:
        by_block.setdefault(o.block, []).append(_Line(o.text, o.x0, o.x1, o.top, o.bottom, o.size))
    blocks = list(by_block.values())
    page = _PageLines(no_text=not blocks, scanned=True, ocr=True)
    if not blocks:
        return page
    for block, slot in zip(blocks, _scan_slots(blocks, number)):
        for line in block:
            line.slot = slot
        if block[-1].bottom <= _MARGIN_BAND * height:
            page.header += block
        elif block[0].top >= (1 - _MARGIN_BAND) * height:
            page.footer += block
        else:
            page.blocks.append(block)
    if not page.blocks:
        page.header, page.footer, page.blocks = [], [], blocks
    return page


def _ocr_part(content: bytes, first: int, reads: list[_PageRead], settings: Settings) -> tuple[str | None, str | None]:
    """OCR the pages without a usable text layer among `reads` (pages first, first + 1, ...), in place.

    Gives (why OCR cannot run, why pdfium could not open the file): then nothing was OCRed. A page
    OCR failed on keeps its error.
    """
    scans = [i for i, r in enumerate(reads) if r.lines.scanned]
    if not scans:
        return None, None
    reason = ocr_unavailable(settings)
    if reason:
        return reason, None
    try:
        with PDFIUM_LOCK:
            doc = pypdfium2.PdfDocument(content)
    except Exception as exc:
        return None, repr(exc)
    try:
        for i in scans:
            n = first + i
            try:
                reads[i].lines = _scan_page(*ocr_page(doc, n, settings), n + 1)
            except Exception as exc:  # a Tesseract error or timeout on one page
                reads[i].ocr_error = f"page {n + 1}: OCR failed: {exc!r}"
    finally:
        with PDFIUM_LOCK:
            doc.close()
    return None, None


def _scan_outcome(uri: str, parts: list[PdfPart], reads: list[_PageRead], settings: Settings,
                  warnings: list[str]) -> None:
    """What came of the pages without a usable text layer: which were left unread (no OCR), failed, read or empty.

    Raises when nothing else on the document could be read: `no_text_layer` (OCR not available)
    or `ocr_failed`.
    """
    scans = [i for i, r in enumerate(reads) if r.lines.scanned]
    if not scans:
        return
    owner = {i: part for part in parts for i in range(part.first, part.last)}
    nothing = all(r.lines.no_text for r in reads)
    unread = [i for i in scans if owner[i].ocr_unavailable]
    if unread:
        reason = owner[unread[0]].ocr_unavailable
        if nothing:
            raise ExtractionError("no_text_layer", f"{uri} has no usable text layer (scanned?) and could not be read "
                                  f"by OCR: {reason}", status="needs_ocr")
        warnings.append(f"pages without a usable text layer were not read: {_numbers(unread)} ({reason})")
    unopened = [i for i in scans if owner[i].ocr_open_error]
    errors = [f"pdfium could not open the file to render pages {_numbers(unopened)}: "
              f"{owner[unopened[0]].ocr_open_error}"] if unopened else []
    errors += [reads[i].ocr_error for i in scans if reads[i].ocr_error]
    if errors and nothing:
        raise ExtractionError("ocr_failed", f"{uri} has no usable text layer and OCR failed: {errors[0]}")
    warnings.extend(errors)
    read = [i for i in scans if reads[i].lines.ocr and not reads[i].lines.no_text]
    empty = [i for i in scans if reads[i].lines.ocr and reads[i].lines.no_text]
    if read:
        warnings.append(f"pages read by OCR (Tesseract {settings.ocr_lang}, {settings.ocr_dpi} dpi): {_numbers(read)}")
    if empty:
        warnings.append(f"OCR found no text on pages {_numbers(empty)}")


def _numbers(indexes: list[int]) -> str:
    return ", ".join(str(i + 1) for i in indexes)


# ---------------------------------------------------------------- the document in page ranges

@dataclass
class _PageRead:
    """One page read: its lines, what reading it said, the gutter hint it was read with and the gutter found."""

    lines: _PageLines
    warnings: list[str]
    hint: tuple[float, float] | None
    gutter: tuple[float, float] | None
    hinted: bool  # the hint was consulted (or the page failed): read with another hint, it may come out otherwise
    failed: bool = False
    ocr_error: str | None = None


class PdfPart:
    """Pages [first, last) of a PDF read by `read_pdf_pages`: what `assemble_pdf` joins into the document.

    The part's first page was read with no gutter hint, each next one with the hint carried from
    the pages before it in the part; `assemble_pdf` reads again the few pages whose hint would have
    been another in one read of the whole document.

    A plain class, not a dataclass: parts are task parameters, and Prefect walks a dataclass
    parameter (a list, a dict, a pydantic model) all the way down looking for futures, here
    through every line of every page.
    """

    def __init__(self, first: int, last: int, total: int, title: str | None, pages: list[_PageRead]):
        self.first, self.last = first, last
        self.total = total  # pages in the document (max_pages aside)
        self.title = title
        self.pages = pages
        self.ocr_unavailable: str | None = None  # why its pages without a usable text layer were not OCRed
        self.ocr_open_error: str | None = None  # pdfium could not open the file to render them

    def __repr__(self) -> str:
        return f"PdfPart(pages {self.first + 1}-{self.last} of {self.total})"


def _open(content: bytes, uri: str) -> pdfplumber.PDF:
    if b"%PDF-" not in content[:1024]:
        raise ExtractionError("not_pdf", f"{uri} is not a PDF: no %PDF- header")
    try:
        return pdfplumber.open(io.BytesIO(content))
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, (PDFPasswordIncorrect, PDFEncryptionError)):
            raise ExtractionError("encrypted_pdf", f"{uri} is encrypted and needs a password") from exc
        raise ExtractionError("corrupt_pdf", f"corrupt or truncated PDF, could not be parsed: {cause!r}") from exc
    except Exception as exc:  # pdfminer raises many kinds on broken files
        raise ExtractionError("corrupt_pdf", f"corrupt or truncated PDF, could not be parsed: {exc!r}") from exc


def _title(pdf: pdfplumber.PDF) -> str | None:
    raw = pdf.metadata.get("Title")
    if isinstance(raw, bytes):  # not PDFDocEncoding or UTF-16: often Shift_JIS from Japanese tools
        for codec in ("utf-8", "cp932"):
            try:
                raw = raw.decode(codec)
                break
            except UnicodeDecodeError:
                continue
        else:
            return None
    if not isinstance(raw, str):
        return None
    title = normalize_text(_OFFICE_TITLE.sub("", raw.strip()))
    return title or None


def _all_pages(pdf: pdfplumber.PDF, uri: str) -> list:
    try:
        return pdf.pages
    except Exception as exc:
        raise ExtractionError("corrupt_pdf", f"{uri}: the page tree could not be read: {exc!r}") from exc


def _read_one(page, hint: tuple[float, float] | None, fast: PdfiumPages | None,
              cap: int | None = None) -> _PageRead:
    """One page read and closed; a page that cannot be read is a blank one with a warning, and so is a page
    whose content inflates to more than `cap` bytes (a compression bomb: not given to pdfium or pdfminer)."""
    warnings: list[str] = []
    try:
        if cap is not None and (size := page_content_over(page.page_obj, cap)) is not None:
            raise ValueError(f"its content inflates to more than {size - 1} bytes, over the limit of {cap} "
                             f"(max_page_content): not read")
        lines, gutter, hinted = _read_page(page, warnings, hint, fast)
        return _PageRead(lines, warnings, hint, gutter, hinted)
    except Exception as exc:  # one broken content stream should not lose the other pages
        warnings.append(f"page {page.page_number} could not be read: {exc!r}")
        return _PageRead(_PageLines(no_text=True), warnings, hint, None, hinted=True, failed=True)
    finally:
        page.close()  # drop the page's parsed objects: memory stays flat on long documents


def pdf_page_count(content: bytes) -> int | None:
    """How many pages the PDF's page tree says it has (its /Count), or None when that cannot be told.

    Only the cross-reference table and the catalog are parsed, not the pages: milliseconds for a
    sound file of thousands of pages. Good for deciding how to read a document; the reading
    counts the pages it finds.
    """
    try:
        pdf = _open(content, "")
    except ExtractionError:
        return None
    try:
        count = resolve1(resolve1(pdf.doc.catalog["Pages"])["Count"])
    except Exception:
        return None
    finally:
        pdf.close()
    return count if type(count) is int and count >= 0 else None


def pdf_page_weights(content: bytes, count: int) -> list[int] | None:
    """How much each of the first `count` pages draws, told without inflating or reading it (milliseconds for
    hundreds of pages), or None when that cannot be told: the bytes its content streams take in the file
    (compressed, as stored); a page that draws an image (a scan, which may be read by OCR) weighs as much
    as the heaviest page. Text drawn from forms is not counted."""
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdftypes import PDFStream
    from pdfminer.psparser import LIT

    try:
        pdf = _open(content, "")
    except ExtractionError:
        return None
    weights: list[int] = []
    images: list[int] = []
    try:
        for page in PDFPage.create_pages(pdf.doc):
            if len(weights) >= count:
                break
            size = 0
            for stream in page.contents:
                stream = resolve1(stream)
                if isinstance(stream, PDFStream):
                    size += len(stream.rawdata if stream.rawdata is not None else stream.data or b"")
            xobjects = resolve1((page.resources or {}).get("XObject")) or {}
            if any(isinstance(x := resolve1(ref), PDFStream) and x.get("Subtype") is LIT("Image")
                   for ref in (xobjects.values() if isinstance(xobjects, dict) else ())):
                images.append(len(weights))
            weights.append(size)
    except Exception:  # a damaged page tree: the reading says what is wrong with it
        return None
    finally:
        pdf.close()
    heaviest = max(weights, default=0)
    for i in images:
        weights[i] = heaviest
    return weights


def _fast_pages(content: bytes, settings: Settings) -> PdfiumPages | None:
    """The PDF opened with pdfium for its plain pages' characters (None: every page through pdfplumber)."""
    return PdfiumPages.open(content) if settings.pdfium_chars else None


def read_pdf_pages(content: bytes, uri: str, settings: Settings | None = None, first: int = 0,
                   last: int | None = None) -> PdfPart:
    """Read pages [first, last) of a PDF (0-based; `last` None: to the end), never past max_pages, with OCR.

    Raises `ExtractionError` when the file cannot be opened or its page tree read; a page that
    cannot be read is a blank page with a warning (only when every page of the document fails is
    it corrupt: `assemble_pdf` decides).
    """
    settings = settings or Settings()
    pdf = _open(content, uri)
    fast = _fast_pages(content, settings)
    try:
        title = _title(pdf)
        pages = _all_pages(pdf, uri)
        stop = min(len(pages), settings.max_pages)
        last = stop if last is None else max(0, min(last, stop))
        first = max(0, min(first, last))
        reads: list[_PageRead] = []
        hint = None
        for page in pages[first:last]:
            reads.append(_read_one(page, hint, fast, settings.max_page_content))
            hint = reads[-1].gutter or hint
        part = PdfPart(first, last, len(pages), title, reads)
    finally:
        pdf.close()
        if fast is not None:
            fast.close()
    part.ocr_unavailable, part.ocr_open_error = _ocr_part(content, first, reads, settings)
    return part


def _carry_hints(content: bytes, uri: str, reads: list[_PageRead], settings: Settings) -> list[_PageRead]:
    """The pages as one read from the first page gives them.

    A page's gutter hint is the gutter last found before it: in a part, by the part's own pages
    only. A page that consulted its hint (a body too short to find its own gutter) and was read
    with another hint than the one carried over all the pages before it is read again with that
    one. Nothing is read again when the parts are one.
    """
    out: list[_PageRead] = []
    hint, pdf, pages, fast = None, None, [], None
    try:
        for i, r in enumerate(reads):
            if r.hinted and r.hint != hint:
                if pdf is None:
                    pdf = _open(content, uri)
                    pages = _all_pages(pdf, uri)
                    fast = _fast_pages(content, settings)
                r = _read_one(pages[i], hint, fast, settings.max_page_content)
            out.append(r)
            hint = r.gutter or hint
    finally:
        if pdf is not None:
            pdf.close()
        if fast is not None:
            fast.close()
    return out


def _check_parts(parts: list[PdfPart], settings: Settings) -> None:
    if not parts:
        raise ValueError("no parts to assemble")
    stop = min(parts[0].total, settings.max_pages)
    at = 0
    for part in parts:
        if part.first != at or part.total != parts[0].total:
            raise ValueError(f"the parts do not follow each other: pages {part.first + 1}-{part.last} after {at}")
        at = part.last
    if at != stop:
        raise ValueError(f"the parts end at page {at}, not at page {stop}")


def assemble_pdf(content: bytes, uri: str, parts: list[PdfPart], settings: Settings | None = None
                 ) -> tuple[str, list[Page], str | None, list[str]]:
    """The parts of a PDF (in page order, every page read) as one read of it: (text, page spans, title, warnings).

    Everything after the page loop: gutter hints carried over the parts, the checks (every page
    failed: `corrupt_pdf`; no text: `no_text`, `no_text_layer`, `ocr_failed`), running lines,
    column edges, line pitches and the text. The parts are not changed.
    """
    settings = settings or Settings()
    _check_parts(parts, settings)
    total = parts[0].total
    warnings: list[str] = []
    if total > settings.max_pages:
        warnings.append(f"read the first {settings.max_pages} of {total} pages (max_pages)")
    reads = _carry_hints(content, uri, [r for part in parts for r in part.pages], settings)
    for r in reads:
        warnings.extend(r.warnings)
    if reads and all(r.failed for r in reads):
        raise ExtractionError("corrupt_pdf", f"{uri}: no page could be read")
    _scan_outcome(uri, parts, reads, settings, warnings)
    pages = [r.lines.copy() for r in reads]
    if not pages or all(p.no_text for p in pages):
        found = "OCR found no text either" if any(p.ocr for p in pages) else "nothing is drawn on its pages"
        raise ExtractionError("no_text", f"{uri} has no text: {found}")
    blank = [str(i) for i, p in enumerate(pages, 1) if p.no_text and not p.scanned]
    if blank:
        warnings.append(f"pages without a text layer: {', '.join(blank)}")
    if b"%%EOF" not in content[-2048:]:
        warnings.append("no %%EOF at the end: the file may be truncated")

    _drop_running_lines(pages)
    text, spans = _assemble(pages, _column_edges(pages), _line_pitches(pages))
    return text, spans, parts[0].title, warnings


def extract_pdf(content: bytes, uri: str, settings: Settings | None = None) -> tuple[str, list[Page], str | None, list[str]]:
    """PDF bytes -> (normalised text, page spans, title, warnings); see the module docstring.

    One part of all the pages, assembled: the same code as a document read in page ranges.
    """
    settings = settings or Settings()
    return assemble_pdf(content, uri, [read_pdf_pages(content, uri, settings)], settings)
