"""The characters of plain PDF pages through pdfium (extractors/reading/pdfium_chars.py).

The fast way must give what pdfplumber gives: the same characters at the same places on every
page it takes, the same documents (text, page spans, title, warnings) whether it is on or off,
and None (pdfplumber reads the page) on every page it cannot match exactly.
"""
from __future__ import annotations

import io
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pdfplumber
import pytest

from extractors.errors import ExtractionError
from extractors.reading.pdf import _page_chars, _plain_page_chars, extract_pdf
from extractors.reading.pdfium_chars import PdfiumPages
from extractors.settings import Settings

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDFS = sorted(p.name for p in SAMPLES.glob("*.pdf"))
ON, OFF = Settings(pdfium_chars=True), Settings(pdfium_chars=False)


def _pdf(draw, pages: int = 1, **canvas_args) -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, **canvas_args)
    for n in range(pages):
        draw(c, n)
        c.showPage()
    c.save()
    return buf.getvalue()


def _cid_font() -> str:
    cidfonts = pytest.importorskip("reportlab.pdfbase.cidfonts")
    pdfmetrics = pytest.importorskip("reportlab.pdfbase.pdfmetrics")
    pdfmetrics.registerFont(cidfonts.UnicodeCIDFont("HeiseiKakuGo-W5"))
    return "HeiseiKakuGo-W5"


def _mixed_fonts(c, n: int) -> None:
    """Standard fonts (their descent from AFM metrics), a size set by the text matrix, a CID font."""
    text = c.beginText()
    text.setFont("Helvetica", 1)
    text.setTextTransform(12, 0, 0, 12, 72, 760)
    text.textOut(f"Page {n + 1}: Agreement")
    c.drawText(text)
    c.setFont("Times-Roman", 14)
    c.drawString(72, 720, "Times 2024 ordinance")
    c.setFont(_cid_font(), 10.5)
    c.drawString(72, 690, "中小企業振興基本条例を制定しました。ABC 123")
    c.drawString(72, 675, "川口市と商工会議所は連携協定を締結した。")


def _rows(chars) -> list[tuple[float, float, str]]:
    """The characters by baseline (tops within 0.5 pt), each row left to right: (top, size, text)."""
    rows: list[list] = []
    for c in sorted(chars, key=lambda c: c.top):
        if rows and c.top - rows[-1][-1].top < 0.5:
            rows[-1].append(c)
        else:
            rows.append([c])
    return [(row[0].top, max(c.size for c in row), "".join(c.text for c in sorted(row, key=lambda c: c.x0)
                                                             if not c.text.isspace()))
            for row in rows]


def _same_chars_as_pdfplumber(content: bytes) -> int:
    """Compare every page pdfium takes with pdfplumber's characters; how many pages it took.

    The same characters on the same baselines (to 0.01 pt), in the same order along each (drawn
    spaces aside: pdfium leaves out some that pdfminer keeps; between Japanese characters the
    reader drops them, between western ones the gap makes them again), as wide
    (to 1 pt: pdfium's box takes in a glyph reaching past its advance, an italic's or an A's).
    Where they stand across may drift along a line: pdfium applies character spacing (Tc) after
    the last glyph of a string too, as the PDF specification says, where pdfminer does not.
    """
    taken = 0
    with PdfiumPages.open(content) as fast, pdfplumber.open(io.BytesIO(content)) as pdf:
        for i, page in enumerate(pdf.pages):
            plain = fast.chars(i)
            if plain is None:
                continue
            taken += 1
            ours, theirs = _plain_page_chars(plain, page.bbox), _page_chars(page, [])
            assert [r[2] for r in _rows(ours)] == [r[2] for r in _rows(theirs)], f"page {i + 1}"
            for a, b in zip(_rows(ours), _rows(theirs)):
                assert a[:2] == pytest.approx(b[:2], abs=0.01)
            key = lambda c: (c.text, round(c.top), c.x0)  # noqa: E731
            ours, theirs = ([c for c in chars if not c.text.isspace()] for chars in (ours, theirs))
            for a, b in zip(sorted(ours, key=key), sorted(theirs, key=key)):
                assert (a.text, a.bottom, a.size) == (b.text, pytest.approx(b.bottom, abs=0.01), pytest.approx(b.size))
                assert abs((a.x1 - a.x0) - (b.x1 - b.x0)) < 1
    return taken


@pytest.mark.parametrize("name", PDFS)
def test_documents_are_the_same_either_way(name):
    content = (SAMPLES / name).read_bytes()
    assert extract_pdf(content, name, ON) == extract_pdf(content, name, OFF)


def test_plain_pages_give_pdfplumbers_characters():
    taken = sum(_same_chars_as_pdfplumber((SAMPLES / name).read_bytes()) for name in PDFS)
    assert taken >= 25  # of the samples' 30 pages: all but the scan, the ruled tables and the vertical CID fonts


def test_plain_pages_of_the_rendered_dev_texts_give_pdfplumbers_characters(dev_samples):
    pdfs = sorted(dev_samples.glob("*.pdf"))
    taken = sum(_same_chars_as_pdfplumber(path.read_bytes()) for path in pdfs)
    assert len(pdfs) >= 15 and taken >= 28  # every page: one or two columns, headers, fake bold, letter spacing


def test_standard_and_cid_fonts_and_a_scaled_text_matrix():
    content = _pdf(_mixed_fonts, pages=3)
    assert _same_chars_as_pdfplumber(content) == 3
    assert extract_pdf(content, "mixed.pdf", ON) == extract_pdf(content, "mixed.pdf", OFF)


@pytest.mark.parametrize("name", ["layout_ruled_table.pdf", "layout_vertical_cid.pdf"])
def test_tables_and_vertical_writing_are_left_to_pdfplumber(name):
    """A ruled table; vertical writing in a vertical CID font (layout_vertical.pdf places upright
    glyphs one by one down the page: pdfium reads those as pdfminer does)."""
    with PdfiumPages.open((SAMPLES / name).read_bytes()) as fast:
        assert fast.chars(0) is None


def _rotated(c, n: int) -> None:
    _mixed_fonts(c, n)
    c.saveState()
    c.translate(500, 400)
    c.rotate(90)
    c.drawString(0, 0, "回転した注記")
    c.restoreState()


def _grid(c, n: int) -> None:
    """A ruled table of two rows and two columns: three rules each way."""
    _mixed_fonts(c, n)
    for y in (560, 590, 620):
        c.line(72, y, 372, y)
    for x in (72, 222, 372):
        c.line(x, 560, x, 620)


def _turned(c, n: int) -> None:
    _mixed_fonts(c, n)
    c.setPageRotation(90)


def _cropped(c, n: int) -> None:
    _mixed_fonts(c, n)
    c.setCropBox((36, 36, 559, 806))


@pytest.mark.parametrize("draw", [_rotated, _grid, _turned, _cropped])
def test_pages_it_cannot_match_are_left_to_pdfplumber(draw):
    """Rotated text, rules that could make a ruled table, a /Rotate, a crop box."""
    content = _pdf(draw)
    with PdfiumPages.open(content) as fast:
        assert fast.chars(0) is None
    assert _outcome(content, ON) == _outcome(content, OFF)


def _outcome(content: bytes, settings: Settings):
    try:
        return extract_pdf(content, "odd.pdf", settings)
    except ExtractionError as exc:  # a page turned by /Rotate: all its characters are rotated
        return exc.code, str(exc)


def _decorated(c, n: int) -> None:
    """A running header's rule, a framed box, round bullets, a page-sized background: no table."""
    c.setFillGray(0.95)
    c.rect(0, 0, 595, 842, stroke=0, fill=1)
    c.setFillGray(0)
    _mixed_fonts(c, n)
    c.line(72, 780, 523, 780)
    c.rect(60, 600, 300, 40)
    for y in (500, 485, 470):
        c.circle(76, y + 3, 2, stroke=0, fill=1)
        c.drawString(84, y, "中小企業の支援について")


def test_rules_that_make_no_table_keep_the_page_plain():
    content = _pdf(_decorated, pages=2)
    assert _same_chars_as_pdfplumber(content) == 2
    assert extract_pdf(content, "decorated.pdf", ON) == extract_pdf(content, "decorated.pdf", OFF)


def test_not_a_pdf_for_pdfium():
    assert PdfiumPages.open(b"%PDF-1.4 nothing else") is None


def test_threads_read_at_once():
    """pdfium is not thread-safe: documents read on threads at once (the thread runner) come out whole."""
    contents = [(SAMPLES / name).read_bytes() for name in PDFS[:8]]
    alone = [extract_pdf(content, "x.pdf", ON) for content in contents]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(lambda content: extract_pdf(content, "x.pdf", ON), contents * 2))
    assert together == alone * 2


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> dict[str, bytes]:
    """Sample pages printed to PDF by a real browser (Chromium's PDF writer: subset TrueType fonts,
    backgrounds drawn as rectangles, kanji mapped to radical code points)."""
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("chromium is not installed (bash scripts/setup.sh installs it)")
    out = {}
    for name in ("000_okaya.html", "agreement_03_list_table.html", "summit_02_city_photo.html"):
        pdf = tmp_path_factory.mktemp("printed") / (name + ".pdf")
        subprocess.run([chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--print-to-pdf={pdf}", (SAMPLES / name).as_uri()],
                       check=True, capture_output=True, timeout=120)
        out[name] = pdf.read_bytes()
    return out


def test_browser_printed_pages_read_the_same_either_way(printed):
    for name, content in printed.items():
        assert extract_pdf(content, name, ON) == extract_pdf(content, name, OFF), name
    text = extract_pdf(printed["000_okaya.html"], "okaya.pdf", ON)[0]
    assert "長野県岡谷市" in text  # the radicals Chromium wrote (⻑, ⾕) read as the kanji
