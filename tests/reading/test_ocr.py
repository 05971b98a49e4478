"""OCR of scanned PDF pages (extractors/reading/ocr.py through extractors/reading/pdf.py), with the real Tesseract.

The scans are made here: Japanese text drawn with the IPAex font into a
grey-scale image, as a scanner gives it, and the image put on a PDF page with
nothing else. A missing Tesseract is a real missing program (`tesseract_cmd`
pointing nowhere), not a mock.
"""
from __future__ import annotations

import io
import subprocess
import time
from pathlib import Path

import pdfplumber
import pytest
from PIL import Image, ImageDraw, ImageFont
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from extractors.reading.documents import read_document
from extractors.reading.ocr import _join_words, _unreadable, ocr_unavailable, render_scale
from extractors.records.build import build_records, document_drafts
from extractors.settings import Settings
from schemas.document import Fetched

SCAN_DPI = 200  # what scanners of municipal archives commonly give
NO_TESSERACT = Settings(tesseract_cmd="/nonexistent/bin/tesseract")
TITLE, DATE = "戸田市地域の商いを支える条例", "平成19年3月22日"
ORDINANCE = ["○" + TITLE, DATE, "条例第31号", "(目的)",
             "第1条 この条例は、地域の小さな商いを守り育てるため、",
             "市、事業者及び市民の役割を示し、あわせて市が行う",
             "支援の柱となる事項を定めて、まちの暮らしと仕事を",
             "ともに豊かにすることを目的とする。"]
# the typed page's text: its lines joined, the space drawn after the article's number kept
ARTICLE = ("第1条 この条例は、地域の小さな商いを守り育てるため、市、事業者及び市民の役割を示し、あわせて市が行う"
           "支援の柱となる事項を定めて、まちの暮らしと仕事をともに豊かにすることを目的とする。")


def _font_file() -> str:
    for path in ("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf",
                 "/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"):
        if Path(path).exists():
            return path
    found = subprocess.run(["fc-match", "-f", "%{file}", "IPAexGothic"], capture_output=True, text=True).stdout
    assert "ipaex" in found.lower() or "japanese" in found.lower(), "no IPAex font: run scripts/setup.sh"
    return found


FONT = _font_file()


@pytest.fixture(scope="module", autouse=True)
def tesseract_installed():
    assert ocr_unavailable(Settings()) is None, "Tesseract with jpn data is needed: run scripts/setup.sh"


# ---------------------------------------------------------------- building PDFs

def scan(lines: list[str], size: int = 16, skew: float = 0.0) -> Image.Image:
    """An A4 page scanned at SCAN_DPI: the lines at `size` points from the top left, on slightly grey paper."""
    px = SCAN_DPI / 72
    image = Image.new("L", (round(A4[0] * px), round(A4[1] * px)), 235)
    draw, font = ImageDraw.Draw(image), ImageFont.truetype(FONT, round(size * px))
    for i, line in enumerate(lines):
        draw.text((72 * px, (90 + 2 * size * i) * px), line, font=font, fill=20)
    return image.rotate(skew, resample=Image.BICUBIC, fillcolor=235) if skew else image


def make_pdf(*pages, **canvas_args) -> bytes:
    """A PDF of the pages: an image is a scanned page, a list of strings a page with a text layer."""
    pdfmetrics.registerFont(TTFont("IPAexGothic", FONT))
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, **canvas_args)
    for page in pages:
        if isinstance(page, Image.Image):
            c.drawImage(ImageReader(page), 0, 0, width=A4[0], height=A4[1])
        else:
            c.setFont("IPAexGothic", 16)
            for i, line in enumerate(page):
                c.drawString(72, A4[1] - 90 - 32 * i - 16, line)
        c.showPage()
    c.save()
    return buf.getvalue()


def read(content: bytes, settings: Settings | None = None, name: str = "scan.pdf"):
    fetched = Fetched(uri=f"file:///{name}", content=content, media_type="application/pdf")
    started = time.perf_counter()
    doc = read_document(fetched, settings or Settings())
    ocr_pages = sum(p.ocr for p in doc.pages)
    if ocr_pages:
        print(f"{name}: {(time.perf_counter() - started) / ocr_pages:.2f} s per OCR page")
    return doc


def page_text(doc, n: int) -> str:
    p = doc.pages[n - 1]
    return doc.text[p.start:p.end]


# ---------------------------------------------------------------- scanned pages are read

def test_scanned_pdf_is_read_by_ocr():
    doc = read(make_pdf(scan(ORDINANCE)))
    assert doc.status.value == "ok", doc.error
    assert [p.ocr for p in doc.pages] == [True]
    lines = doc.text.splitlines()
    assert "○" + TITLE in lines and DATE in lines  # no spaces between the Japanese characters
    assert "条例第31号" in lines
    assert "支援の柱となる事項を定めて、まちの暮らしと仕事を" in doc.text
    assert any("pages read by OCR" in w and w.endswith(": 1") for w in doc.warnings)


def test_scanned_page_is_laid_out_like_a_text_page():
    """Wrapped lines joined, paragraphs and headings apart: the same lines as the typed page gives."""
    typed, scanned = read(make_pdf(ORDINANCE), name="typed.pdf"), read(make_pdf(scan(ORDINANCE)))
    assert typed.text.splitlines() == ["○" + TITLE, DATE, "条例第31号", "(目的)", ARTICLE]
    assert len(scanned.text.splitlines()) == 5
    assert scanned.text.splitlines()[:4] == typed.text.splitlines()[:4]


def test_only_the_scanned_page_of_a_mixed_pdf_is_ocr():
    text_page = ["中小企業都市サミットの開催について", "第5回中小企業都市サミットを川口市で開催した。"]
    doc = read(make_pdf(text_page, scan(ORDINANCE)), name="mixed.pdf")
    assert doc.status.value == "ok", doc.error
    assert [p.ocr for p in doc.pages] == [False, True]
    assert "第5回中小企業都市サミットを川口市で開催した。" in page_text(doc, 1)
    assert TITLE in page_text(doc, 2) and DATE in page_text(doc, 2)
    assert TITLE not in page_text(doc, 1)


def test_skewed_scan_keeps_its_lines():
    """A page scanned two degrees askew: a line drifts by its own height, and is still one line."""
    doc = read(make_pdf(scan(ORDINANCE, skew=2.0)), name="skewed.pdf")
    assert doc.status.value == "ok", doc.error
    lines = doc.text.splitlines()
    assert len(lines) == 5 and lines[:3] == ["○" + TITLE, DATE, "条例第31号"]
    for join in ("育てるため、市、事業者", "市が行う支援の柱", "仕事をともに豊かに"):  # wrapped lines joined
        assert join in lines[4]


def _without_tounicode(content: bytes) -> bytes:
    """The PDF with its fonts' /ToUnicode maps hidden (same length, so the xref offsets hold).

    What many real PDFs are: an embedded subset font and no way to map its
    glyph codes back to Unicode. The page renders fine; its text is "(cid:N)".
    """
    assert content.count(b"/ToUnicode") >= 1
    return content.replace(b"/ToUnicode", b"/NoUnicode")


def test_page_of_unmapped_glyphs_is_read_by_ocr():
    content = _without_tounicode(make_pdf(ORDINANCE))
    with pdfplumber.open(io.BytesIO(content)) as pdf:  # the text layer is garbage indeed
        chars = [ch["text"] for ch in pdf.pages[0].chars if not ch["text"].isspace()]
    assert sum(ch.startswith("(cid:") for ch in chars) > 0.5 * len(chars)
    doc = read(content, name="cid.pdf")
    assert doc.status.value == "ok", doc.error
    assert [p.ocr for p in doc.pages] == [True]
    assert TITLE in doc.text and DATE in doc.text and "(cid:" not in doc.text


def test_scan_encrypted_with_an_empty_password_is_read():
    from reportlab.lib.pdfencrypt import StandardEncryption

    doc = read(make_pdf(scan(ORDINANCE), encrypt=StandardEncryption("", ownerPassword="owner")), name="owner.pdf")
    assert doc.status.value == "ok", doc.error
    assert doc.pages[0].ocr and TITLE in doc.text


def test_picture_without_text_is_no_text():
    picture = Image.new("L", (400, 300), 255)
    ImageDraw.Draw(picture).ellipse((50, 50, 350, 250), fill=80)
    doc = read(make_pdf(picture), name="picture.pdf")
    assert doc.status.value == "failed" and doc.error_code == "no_text"
    assert "OCR found no text" in doc.error


def test_blank_page_is_not_sent_to_ocr():
    doc = read(make_pdf(["中小企業振興基本条例の概要"], []), name="blank.pdf")
    assert doc.status.value == "ok" and [p.ocr for p in doc.pages] == [False, False]
    assert "pages without a text layer: 2" in doc.warnings
    assert not any("OCR" in w for w in doc.warnings)
    empty = read(make_pdf([]), name="empty.pdf")
    assert empty.status.value == "failed" and empty.error_code == "no_text" and "nothing is drawn" in empty.error


# ---------------------------------------------------------------- without OCR

def test_scan_without_tesseract_needs_ocr():
    doc = read(make_pdf(scan(ORDINANCE)), NO_TESSERACT)
    assert doc.status.value == "needs_ocr" and doc.error_code == "no_text_layer"
    assert "/nonexistent/bin/tesseract" in doc.error and "was not found" in doc.error
    assert "apt install tesseract-ocr tesseract-ocr-jpn" in doc.error
    assert doc.text == "" and doc.pages == []
    assert document_drafts(doc) == []  # no records, not empty ones


@pytest.mark.parametrize("settings,says", [
    (Settings(ocr=False), "OCR is turned off"),
    (Settings(ocr_lang="jpn+xyz"), "no language data for xyz"),
])
def test_scan_with_ocr_off_or_without_language_data_needs_ocr(settings, says):
    doc = read(make_pdf(scan(ORDINANCE)), settings)
    assert doc.status.value == "needs_ocr" and says in doc.error


def test_mixed_pdf_without_tesseract_reads_the_text_page_and_warns():
    doc = read(make_pdf(["第5回中小企業都市サミットを川口市で開催した。"], scan(ORDINANCE)), NO_TESSERACT)
    assert doc.status.value == "ok"
    assert doc.text == "第5回中小企業都市サミットを川口市で開催した。"
    assert [p.ocr for p in doc.pages] == [False, False]
    (warning,) = [w for w in doc.warnings if "not read" in w]
    assert "pages without a usable text layer were not read: 2" in warning and "apt install" in warning


# ---------------------------------------------------------------- records

def _records(content: bytes, name: str) -> list[dict]:
    doc = read(content, name=name)
    records, rejected = build_records([doc], [document_drafts(doc, use_model=False)])
    assert rejected == []
    return [r for r in records if r["type"] == "ordinance"]


def test_record_read_by_ocr_has_lower_confidence():
    (typed,) = _records(make_pdf(ORDINANCE), "typed.pdf")
    (scanned,) = _records(make_pdf(scan(ORDINANCE)), "scanned.pdf")
    assert (scanned["name"], scanned["enacted_date"]) == (typed["name"], typed["enacted_date"]) == (TITLE, "2007-03-22")
    assert all(s["ocr"] for s in scanned["sources"]) and not any(s["ocr"] for s in typed["sources"])
    assert scanned["confidence"] < typed["confidence"]  # the model's `ocr` feature (records.confidence)


# ---------------------------------------------------------------- small parts

@pytest.mark.parametrize("char,unreadable", [
    ("(cid:123)", True), ("\ue000", True), ("\U000f0001", True), ("\ufffd", True),
    ("川", False), ("a", False), ("①", False), ("〇", False),
])
def test_unreadable_characters(char, unreadable):
    assert _unreadable(char) is unreadable


@pytest.mark.parametrize("words,want", [
    ([("第", 0, 28), ("5", 36, 49), ("回", 64, 81)], "第5回"),  # Tesseract's gaps between Japanese words
    ([("サミット", 0, 160), ("in", 194, 217), ("川口", 250, 309)], "サミット in 川口"),
    ([("Hello", 0, 100), ("world", 112, 212)], "Hello world"),
    ([("(1", 0, 20), (")", 24, 30), ("国際化", 40, 150)], "(1)国際化"),
])
def test_words_joined_without_spaces_between_japanese(words, want):
    assert _join_words(words, height=40) == want


@pytest.mark.parametrize("width,height,dpi,want_dpi", [
    (595, 842, 300, 300),  # A4
    (842, 1191, 300, 300),  # A3
    (2384, 3370, 300, 161),  # A0: 40 million pixels at most
    (14400, 14400, 300, 32),  # the largest page a PDF allows
])
def test_render_resolution_is_capped(width, height, dpi, want_dpi):
    scale = render_scale(width, height, dpi)
    assert round(scale * 72) == want_dpi and width * height * scale ** 2 <= 40_000_001
