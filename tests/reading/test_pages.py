"""Long PDFs read in page ranges (issue 15): the parts joined give exactly what one read gives.

Two real documents, read whole and in parts of several sizes (one page each, a few pages,
uneven last part): text, page spans, title and warnings must be the same.

- the layout samples in one file (samples/*.pdf pages put together with pdfium): two and three
  columns (a short second column, a table inside a column),
  banners and headings over both columns, ruled and unruled tables, vertical writing, fake bold;
- a report drawn here with the samples' renderer (scripts/samplegen/render.py): two-column
  articles whose last pages are too short to find their own column gutter (the gutter of an
  earlier page decides how they are read), a one-column page between them, a page whose
  content cannot be parsed (a form with a broken bounding box) and a scanned page.
"""
from __future__ import annotations

import functools
import io
import re
from pathlib import Path

import pypdfium2
import pytest

from extractors.errors import ExtractionError
from extractors.reading.documents import join_pdf_parts, pdf_ranges, read_document, read_pdf_part
from extractors.reading.pdf import assemble_pdf, extract_pdf, pdf_page_count, pdf_page_weights, read_pdf_pages
from extractors.settings import Settings
from schemas.document import Document, Fetched

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
NO_OCR = Settings(ocr=False)  # the scanned page is left unread (with a warning): no Tesseract time here
TITLE = "荒川区 産業振興だより 合本"


# ---------------------------------------------------------------- the documents

@functools.lru_cache(maxsize=None)
def layout_samples() -> bytes:
    """The two-column, table and vertical-writing samples in one PDF (the first one's title)."""
    names = ["004_arakawa.pdf", "layout_spanning.pdf", "layout_short_column.pdf", "layout_body_heading.pdf",
             "layout_tables.pdf", "layout_table_in_column.pdf", "layout_ruled_table.pdf", "layout_vertical.pdf",
             "layout_three_columns.pdf", "layout_vertical_cid.pdf", "002_kanagawa.pdf", "001_kawaguchi.pdf"]
    doc = pypdfium2.PdfDocument((SAMPLES / names[0]).read_bytes())
    for name in names[1:]:
        doc.import_pages(pypdfium2.PdfDocument((SAMPLES / name).read_bytes()))
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _paragraphs() -> list[str]:
    text = "".join((SAMPLES / "expected" / f"{name}.txt").read_text(encoding="utf-8")
                   for name in ("004_arakawa.pdf", "001_kawaguchi.pdf"))
    return [line for line in text.splitlines() if len(line) > 40]


def _scan_image():
    from PIL import Image, ImageDraw, ImageFont
    from reportlab.lib.pagesizes import A4

    from scripts.samplegen.render import FONT_FILES, GOTHIC

    px = 150 / 72
    image = Image.new("L", (round(A4[0] * px), round(A4[1] * px)), 235)
    font = ImageFont.truetype(FONT_FILES[GOTHIC], round(16 * px))
    for i, line in enumerate(["荒川区産業振興課からのお知らせ", "相談窓口は平日の午前9時から午後5時までです。"]):
        ImageDraw.Draw(image).text((72 * px, (90 + 32 * i) * px), line, font=font, fill=20)
    return image


@functools.lru_cache(maxsize=None)
def report(broken: tuple[int, ...] = (), scanned: bool = True) -> bytes:
    """A report of articles, each starting on a new page, drawn with the samples' renderer.

    Pages: 1-2 a two-column article under a banner; 3 and 4 short two-column articles (one or
    two rows a column: too few to tell columns, the gutter of page 2 decides); 5 a one-column
    notice (no gutter: the one of page 2 is carried on); 6 a short two-column article; 7 the
    scanned page; 8-9 a two-column article with a heading over both columns (its gutter a little
    wider); 10 a short one. `broken` pages get a form XObject whose bounding box cannot be
    parsed: pdfplumber fails on the whole page.
    """
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    from scripts.samplegen.render import Block, Layout, draw_chrome, draw_item, lay_out, register_fonts

    register_fonts()
    paras = _paragraphs()
    two = Layout(margins=(72, 56, 72, 56), columns=2, gutter=22, header="荒川区 産業振興だより")
    one = Layout(header="荒川区 産業振興だより")

    def short(i: int, chars: int) -> list[Block]:  # a short two-column article: a paragraph of `chars` characters
        return [Block("p", "".join(paras[i:i + 4])[:chars])]

    articles = [
        ([Block("banner", "荒川区と中小機構　業務連携10周年")] + [Block("p", p) for p in paras[:24]], two),
        (short(24, 80), two),
        (short(28, 60), two),
        ([Block("head", "お知らせ")] + [Block("p", p[:90]) for p in paras[32:38]], one),
        (short(38, 70), two),
        ("scan", None),
        ([Block("p", p) for p in paras[42:52]] + [Block("span", "産業振興の取組")] +
         [Block("p", p) for p in paras[52:60]], two),
        (short(60, 55), two),
    ]
    pages = []
    for blocks, layout in articles:
        if blocks == "scan":
            pages.append(("scan", None))
            continue
        pages += [(page, layout) for page in lay_out(blocks, layout).pages if page]
    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4, invariant=1, pageCompression=1)
    c.setTitle(TITLE)
    for n, (page, layout) in enumerate(pages, 1):
        if page == "scan" and scanned:
            c.drawImage(ImageReader(_scan_image()), 0, 0, width=A4[0], height=A4[1])
        elif page != "scan":
            draw_chrome(c, layout, n, len(pages))
            for x, y, width, item in page:
                draw_item(c, x, y, width, item)
        if n in broken:
            c.beginForm(f"broken{n}")
            c.rect(10, 10, 20, 20)
            c.endForm()
            c.doForm(f"broken{n}")
        c.showPage()
    c.save()
    data = buf.getvalue()
    # reportlab writes "/BBox [ 0 0 595.2756 841.8898 ]" for a form: a box of three numbers cannot be parsed
    return re.sub(rb"/BBox \[ [^\]]*\]", b"/BBox [ 0 0 /a ]", data)


def parts(content: bytes, size: int, settings: Settings | None = None) -> list:
    """The PDF read in parts of `size` pages."""
    count = pdf_page_count(content)
    return [read_pdf_pages(content, "long.pdf", settings, first, first + size) for first in range(0, count, size)]


def split_read(content: bytes, size: int, settings: Settings | None = None) -> tuple:
    """The PDF read in parts of `size` pages, assembled: what `extract_pdf` gives."""
    return assemble_pdf(content, "long.pdf", parts(content, size, settings), settings)


@functools.lru_cache(maxsize=None)
def whole(name: str, ocr: bool = True) -> tuple:
    return extract_pdf(DOCUMENTS[name](), "long.pdf", Settings(ocr=ocr))


DOCUMENTS = {"layout samples": layout_samples, "report": report}


# ---------------------------------------------------------------- the same text as one read

def test_the_documents_are_what_they_should_be():
    assert pdf_page_count(layout_samples()) == 21 and pdf_page_count(report()) == 10
    _, pages, title, warnings = whole("report", ocr=False)
    assert title == TITLE and len(pages) == 10
    assert warnings == ["pages without a usable text layer were not read: 7 (OCR is turned off (ocr=False))"]
    _, pages, title, warnings = whole("layout samples")
    assert len(pages) == 21 and title and warnings == []


@pytest.mark.parametrize("name,size", [("layout samples", 1), ("layout samples", 5),
                                       ("report", 1), ("report", 2), ("report", 3), ("report", 9)])
def test_parts_give_what_one_read_gives(name, size):
    settings = NO_OCR if name == "report" else Settings()
    assert split_read(DOCUMENTS[name](), size, settings) == whole(name, settings.ocr)


def test_short_pages_take_the_gutter_carried_from_an_earlier_part():
    """Pages 3, 4, 6 and 10 of the report are too short to find their own gutter: one read reads
    them as two columns with the gutter found last (on page 2, or 9). A part starting on one of
    them has no gutter to carry and reads it across the gutter; the join reads it again.

    Starting a part one page early to learn the gutter would not do: page 5 (one column) has none
    to give to page 6.
    """
    content = report()
    one_read = read_pdf_pages(content, "long.pdf", NO_OCR).pages
    short = [n for n, r in enumerate(one_read, 1) if r.hinted]
    assert short == [3, 4, 6, 10]
    assert all(one_read[n - 1].gutter == one_read[n - 1].hint is not None for n in short)  # two columns
    early = read_pdf_pages(content, "long.pdf", NO_OCR, 4, 6).pages  # pages 5 and 6
    assert early[0].gutter is None and early[1].hint is None and early[1].gutter is None
    assert _lines(early[1]) != _lines(one_read[5])
    assert split_read(content, 2, NO_OCR) == whole("report", ocr=False)  # a part of pages 5 and 6 among them


def _lines(read) -> list[list[str]]:
    return [[line.text for line in block] for block in read.lines.blocks]


def test_max_pages_applies_to_the_parts():
    settings = Settings(max_pages=8, ocr=False)
    content = report()
    want = extract_pdf(content, "long.pdf", settings)
    assert len(want[1]) == 8 and want[3][0] == "read the first 8 of 10 pages (max_pages)"
    for size in (3, 9):  # the last part cut at max_pages, or the only part
        assert split_read(content, size, settings) == want


def test_parts_must_follow_each_other():
    content = report()
    a, b, c = (read_pdf_pages(content, "long.pdf", NO_OCR, first, first + 4) for first in (0, 4, 8))
    for wrong in ([a, c], [b, a, c], [a, b]):
        with pytest.raises(ValueError):
            assemble_pdf(content, "long.pdf", wrong, NO_OCR)


# ---------------------------------------------------------------- broken pages and bad files

@pytest.mark.parametrize("size", [1, 4])
def test_a_part_whose_pages_all_fail_keeps_the_other_parts_pages(size):
    content = report(broken=(2, 6))
    text, pages, _, warnings = want = extract_pdf(content, "long.pdf", NO_OCR)
    failed = [w for w in warnings if "could not be read" in w]
    assert [w.split(" could")[0] for w in failed] == ["page 2", "page 6"]
    assert text[pages[1].start:pages[1].end] == "" and text[pages[2].start:pages[2].end]
    assert split_read(content, size, NO_OCR) == want


def test_every_page_failing_is_a_corrupt_pdf_in_parts_too():
    content = report(broken=tuple(range(1, 11)), scanned=False)
    with pytest.raises(ExtractionError) as one:
        extract_pdf(content, "long.pdf", NO_OCR)
    with pytest.raises(ExtractionError) as split:
        split_read(content, 3, NO_OCR)
    assert one.value.code == split.value.code == "corrupt_pdf" and one.value.message == split.value.message


@pytest.mark.parametrize("cut", [0.5, 0.9])
def test_a_corrupt_pdf_fails_alike(cut):
    content = report(scanned=False)
    fetched = Fetched(uri="file:///cut.pdf", content=content[:int(len(content) * cut)], sha256="x",
                      media_type="application/pdf")
    whole_doc = read_document(fetched)
    assert whole_doc.status.value == "failed" and whole_doc.error_code == "corrupt_pdf"
    assert join_pdf_parts(fetched, [read_pdf_part(fetched, 0, 2), read_pdf_part(fetched, 2, None)]) == whole_doc


@pytest.mark.parametrize("content", [bytes(range(256)) * 8, b"<html>not a pdf</html>", b"%PDF-1.7\n" + b"x" * 100])
def test_what_is_not_a_readable_pdf_is_read_whole(content):
    fetched = Fetched(uri="file:///bad.pdf", content=content, sha256="x", media_type="application/pdf")
    assert pdf_ranges(fetched, Settings(split_pages=1)) is None  # not a PDF, or no page count: read_document


def test_an_encrypted_pdf_fails_alike():
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, encrypt="secret")
    for n in range(3):
        c.drawString(72, 720, f"page {n}")
        c.showPage()
    c.save()
    fetched = Fetched(uri="file:///locked.pdf", content=buf.getvalue(), sha256="x", media_type="application/pdf")
    part = read_pdf_part(fetched, 0, 1)
    assert isinstance(part, Document) and part.error_code == "encrypted_pdf"
    assert join_pdf_parts(fetched, [part, read_pdf_part(fetched, 1, None)]) == read_document(fetched)


# ---------------------------------------------------------------- the Document, as the flows read it

def test_ranges_of_about_split_pages():
    fetched = Fetched(uri="file:///report.pdf", content=report(), sha256="x", media_type="application/pdf")
    assert pdf_ranges(fetched, Settings(split_pages=10)) is None
    # as many ranges as of split_pages pages, cut by what the pages draw (pages 1 and 8-9 full, 3-6 short,
    # 7 a scan: as heavy as the heaviest)
    assert pdf_ranges(fetched, Settings(split_pages=4)) == [(0, 4), (4, 7), (7, None)]
    assert pdf_ranges(fetched, Settings(split_pages=3)) == [(0, 2), (2, 6), (6, 7), (7, None)]
    assert pdf_ranges(fetched, Settings(split_pages=6)) == [(0, 6), (6, None)]
    assert pdf_ranges(fetched, Settings(split_pages=2, max_pages=5)) == [(0, 1), (1, 2), (2, None)]
    html = Fetched(uri="file:///a.html", content=b"<html><body>a</body></html>", sha256="x")
    assert pdf_ranges(html, Settings(split_pages=1)) is None


def _uneven(sparse: int, dense: int) -> bytes:
    """`sparse` pages of one line, then `dense` pages of sixty."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for n in range(sparse + dense):
        for line in range(1 if n < sparse else 60):
            c.drawString(60, 780 - 12 * line, f"page {n + 1} line {line + 1}: the quick brown fox and the lazy dog")
        c.showPage()
    c.save()
    return buf.getvalue()


@pytest.mark.parametrize("sparse,dense,split_pages", [(8, 4, 6), (30, 10, 10), (0, 12, 4)])
def test_ranges_hold_even_shares_of_what_the_pages_draw(sparse, dense, split_pages):
    content = _uneven(sparse, dense)
    fetched = Fetched(uri="file:///uneven.pdf", content=content, sha256="x", media_type="application/pdf")
    ranges = pdf_ranges(fetched, Settings(split_pages=split_pages))
    pages = sparse + dense
    assert len(ranges) == -(-pages // split_pages)  # as many ranges as by pages
    assert ranges[0][0] == 0 and ranges[-1][1] is None and all(a < b for a, b in ranges[:-1])
    assert all(ranges[i][1] == ranges[i + 1][0] for i in range(len(ranges) - 1))
    weights = pdf_page_weights(content, pages)
    shares = [sum(weights[a:b if b is not None else pages]) for a, b in ranges]
    if sparse == 0:  # even pages: even page counts
        assert [(b or pages) - a for a, b in ranges] == [4, 4, 4]
    else:  # the sparse pages go together: no range holds more than its share and a dense page
        assert max(shares) - min(shares) <= max(weights) * 1.5
        assert ranges[-1][0] >= sparse  # (by pages, the last range would start among the sparse ones)
    settings = Settings(split_pages=split_pages, ocr=False)
    joined = join_pdf_parts(fetched, [read_pdf_part(fetched, a, b, settings) for a, b in ranges], settings)
    assert joined == read_document(fetched, settings)


@pytest.mark.parametrize("split_pages", [3])
def test_the_joined_document_is_the_document_of_one_read(split_pages):
    """The same Document, warnings included: a PDF named .html says so once, in the same place."""
    settings = Settings(split_pages=split_pages, ocr=False)
    content = report(broken=(2,))
    fetched = Fetched(uri="file:///report.html", content=content, sha256="x", media_type="text/html")
    ranges = pdf_ranges(fetched, settings)
    joined = join_pdf_parts(fetched, [read_pdf_part(fetched, a, b, settings) for a, b in ranges], settings)
    one = read_document(fetched, settings)
    assert joined == one and one.status.value == "ok"
    assert one.warnings[0] == "named or served as html but the content is pdf; read as pdf"
    assert [p.page for p in one.pages] == list(range(1, 11))


def test_a_part_over_the_time_limit_fails_the_document():
    settings = Settings(doc_timeout=0.05, ocr=False)
    fetched = Fetched(uri="file:///report.pdf", content=report(), sha256="x", media_type="application/pdf")
    part = read_pdf_part(fetched, 0, 10, settings)
    assert isinstance(part, Document) and part.error_code == "timeout" and "pages 1 to 10" in part.error
    assert join_pdf_parts(fetched, [read_pdf_part(fetched, 0, 1, Settings(ocr=False)), part], settings) == part


# ---------------------------------------------------------------- scanned pages, with the real Tesseract

def test_scanned_pages_are_read_by_ocr_in_their_part():
    from extractors.reading.ocr import ocr_unavailable

    assert ocr_unavailable(Settings()) is None, "Tesseract with jpn data is needed: run scripts/setup.sh"
    content = report()
    want = whole("report")
    scan = want[1][6]
    assert scan.ocr and "相談窓口" in want[0][scan.start:scan.end]
    assert want[3] == ["pages read by OCR (Tesseract jpn, 300 dpi): 7"]
    assert split_read(content, 4) == want  # page 7 is OCRed in the part of pages 5 to 8
