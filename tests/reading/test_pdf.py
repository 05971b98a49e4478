"""extractors.reading.pdf on the committed sample PDFs (samples/*.pdf), on the dev texts of ../shared
rendered as PDFs (scripts/samplegen/dev.py, when ../shared is here) and on bad inputs built here.

Each real-world pitfall is checked on a sample that shows it (samples/manifest.json
says what each shows; scripts/make_samples.py made them): 002 and the written
government release fake bold and letter spacing, 004 and the written newsletter
two columns, 001 wrapped lines, sentences across pages, running headers and page
numbers, the written A5 PDFs titles wrapped over two lines.
"""
from __future__ import annotations

import functools
import io
import json
import random
import re
from pathlib import Path

import pytest

from extractors.errors import ExtractionError
from extractors.reading.normalize import normalize_text
from extractors.reading.pdf import _PAGE_NUMBER, extract_pdf
from extractors.settings import Settings
from schemas.document import Document

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
PDFS = sorted(p.name for p in SAMPLES.glob("*.pdf"))
MANIFEST = json.loads((SAMPLES / "manifest.json").read_text(encoding="utf-8"))
DRAWN = [name for name in PDFS if not MANIFEST[name].get("ocr")]  # a scan's text comes from OCR
CJK = "\u3040-\u30ff\u3400-\u9fff\uff66-\uff9f"


@functools.lru_cache(maxsize=None)
def extracted(name: str) -> tuple:
    return extract_pdf((SAMPLES / name).read_bytes(), f"samples/{name}")


def text_of(name: str) -> str:
    return extracted(name)[0]


def squash(text: str) -> str:
    """Normalised text with all whitespace removed: what the page shows, layout aside."""
    return re.sub(r"\s+", "", normalize_text(text))


def expected(name: str) -> str:
    return (SAMPLES / "expected" / f"{name}.txt").read_text(encoding="utf-8")


def test_samples_are_there():
    assert {"001_kawaguchi.pdf", "002_kanagawa.pdf", "004_arakawa.pdf", "agreement_09_newsletter_2col.pdf"} <= set(PDFS)


# ---------------------------------------------------------------- 1. fake bold

@pytest.mark.parametrize("name,headline", [
    ("002_kanagawa.pdf", "工業部会通信"),
    ("002_kanagawa.pdf", "工業部会先進技術交流展を開催"),
    ("002_kanagawa.pdf", "SICCとTAMA協会"),
    ("agreement_08_government.pdf", "鳥取県と連携して中小企業者等を支援します"),
    ("summit_06_report_pdf.pdf", "第19回商工会青年部全国大会(沖縄大会)に参加しました"),  # over two lines of A5
])
def test_fake_bold_headline_appears_as_often_as_drawn(name, headline):
    assert squash(text_of(name)).count(headline) == squash(expected(name)).count(headline) >= 1
    assert headline in [squash(line) for line in text_of(name).splitlines()]  # a line of its own


@pytest.mark.parametrize("name", DRAWN)
def test_no_doubled_characters(name):
    """A character drawn twice 0.3 pt apart is read once: no 工工業業."""
    got, want = squash(text_of(name)), squash(expected(name))
    doubled = {m.group() for m in re.finditer(r"(.)\1", got)}
    assert {d for d in doubled if got.count(d) > want.count(d)} == set()
    assert "工工業業" not in got


# ---------------------------------------------------------------- 2. letter spacing

@pytest.mark.parametrize("name,heading", [
    ("002_kanagawa.pdf", "工業部会 先進技術交流展を開催"),  # the one space is drawn: a separator
    ("002_kanagawa.pdf", "11月22日 会員企業が多数展示"),
    ("002_kanagawa.pdf", "SICCとTAMA協会"),  # letter-spaced ASCII: no "S I C C"
    ("002_kanagawa.pdf", "県保証協会や関東経産局など 中小の収益力改善で連携"),  # wrapped heading joined
    ("agreement_08_government.pdf", "(1)協定のねらい"),  # letter-spaced brackets and digits: no "( 1 )"
    ("agreement_08_government.pdf", "(2)参考"),
])
def test_letter_spaced_heading_has_no_spaces(name, heading):
    assert normalize_text(heading) in text_of(name).splitlines()


@pytest.mark.parametrize("name", ["002_kanagawa.pdf", "agreement_08_government.pdf"])
def test_no_space_between_japanese_characters(name):
    """Letter spacing gives no space between Japanese characters; a space drawn between two
    words (「工業部会 通信」, as the page's text has it) is kept."""
    spaced = {m.group() for m in re.finditer(f"[{CJK}] +[{CJK}]", text_of(name))}
    assert spaced <= {m.group() for m in re.finditer(f"[{CJK}] +[{CJK}]", normalize_text(expected(name)))}


@pytest.mark.parametrize("words,gap,charspace,want", [
    (["Hello", "world"], 3.0, 0.0, "Hello world"),  # words placed apart, no space drawn (TeX and others)
    (["SICC"], 0.0, 6.0, "SICC"),  # letter-spaced capitals stay one word
    (["SICC", "TAMA"], 14.0, 6.0, "SICC TAMA"),  # a word gap wider than the letter spacing
    (["(ASN.1)", "library"], 3.0, 0.0, "(ASN.1) library"),
])
def test_word_gaps_between_western_characters(words, gap, charspace, want):
    def draw(c):
        x = 72.0
        for word in words:
            t = c.beginText(x, 720)
            t.setFont("Helvetica", 12)
            t.setCharSpace(charspace)
            t.textOut(word)
            c.drawText(t)
            x += c.stringWidth(word, "Helvetica", 12) + charspace * len(word) + gap
    assert extract_pdf(_reportlab_pdf(draw), "words.pdf")[0] == want


def test_spaces_next_to_ascii_are_kept():
    text = text_of("001_kawaguchi.pdf")
    assert "我々10 都市は" in text and "21 世紀" in text
    assert "(発行) かながわ経済新聞合同会社" in text_of("002_kanagawa.pdf").splitlines()


# ---------------------------------------------------------------- 3. two columns

@pytest.mark.parametrize("name,sentence", [
    # runs from the foot of the left column to the top of the right one, which holds only its last line
    ("agreement_09_newsletter_2col.pdf", "同友会は、中小企業が必要な資金を借りやすい環境をつくるため、長く金融機関との対話を"
                                         "重ねてきました。今回の覚書も、その積み重ねの上に結ばれたものです。"),
    ("agreement_09_newsletter_2col.pdf", "署名したのは、公庫が長崎支店と佐世保支店、商工中金も長崎支店と佐世保支店です。"),
    ("004_arakawa.pdf", "私は、平成 16 年の荒川区長就任時に、産業振興を区政の重要課題の一つに位置づけ、経済活性化により区民生活を"
                        "豊かにすることを掲げました。"),
    ("004_arakawa.pdf", "当時の理事長である鈴木孝男(現・三菱ふそうトラック・バス ( 株 ) 取締役相談役)は、中小機構の知名度向上や、"
                        "我々の政策を地域の中小企業にわかりやすく周知することが重要と考えていました。"),
])
def test_sentence_wrapped_in_a_column_is_one_line(name, sentence):
    assert normalize_text(sentence) in text_of(name).splitlines()


@pytest.mark.parametrize("name,in_order", [
    # the full-width title, the left column, then the right column's one line
    ("agreement_09_newsletter_2col.pdf", ["長崎同友会が金融2機関とそれぞれ覚書", "2015年1月25日", "昨年12月17日", "署名したのは",
                                          "覚書は、中小企業の", "同友会は、", "その積み重ねの上に結ばれたものです。"]),
    ("004_arakawa.pdf", ["対談荒川区と中小機構業務連携10周年", "あり、その経済を支えるのは", "○渡部理事", "業務連携の契機",
                         "そのような折、幸いにも", "西川区長が中小機構に寄せた期待"]),
])
def test_left_column_is_read_before_right(name, in_order):
    squashed, at = squash(text_of(name)), -1
    for part in in_order:  # each part is found after the one before
        at = squashed.find(squash(part), at + 1)
        assert at >= 0, f"{part!r} missing or out of order"


@pytest.mark.parametrize("name,line,index", [
    ("004_arakawa.pdf", "対談 荒川区と中小機構 業務連携10周年", 0),  # the title over both columns
    ("agreement_09_newsletter_2col.pdf", "長崎同友会が金融2機関とそれぞれ覚書", 0),  # over two columns, one short
])
def test_full_width_block_in_its_place(name, line, index):
    assert text_of(name).splitlines()[index] == line


# ---------------------------------------------------------------- 4. wrapped lines and paragraphs

@pytest.mark.parametrize("name", ["001_kawaguchi.pdf", "004_arakawa.pdf", "agreement_07_press.pdf",
                                  "agreement_09_newsletter_2col.pdf", "ordinance_03_reiki_pdf.pdf",
                                  "summit_01_report_history.pdf"])
def test_paragraphs_are_joined_lines(name):
    """Every rendered paragraph comes out as one line: wraps joined, paragraph breaks kept."""
    lines = [squash(line) for line in text_of(name).splitlines()]
    paragraphs = [squash(p) for p in expected(name).splitlines() if p.strip()]
    assert lines == paragraphs


def test_paragraphs_of_the_rendered_dev_texts_are_joined_lines(dev_samples):
    """The same on every dev text rendered as a PDF (two columns, A5 pages, list items, spanning headings)."""
    pdfs = sorted(dev_samples.glob("*.pdf"))
    assert len(pdfs) >= 15
    wrong = []
    for path in pdfs:
        lines = [squash(line) for line in extract_pdf(path.read_bytes(), path.name)[0].splitlines()]
        paragraphs = [squash(p) for p in (dev_samples / "expected" / f"{path.name}.txt").read_text(encoding="utf-8")
                      .splitlines() if p.strip()]
        if lines != paragraphs:
            wrong.append(path.name)
    assert wrong == []


def test_sentence_across_a_page_break_is_joined():
    text, pages, _, _ = extracted("001_kawaguchi.pdf")
    assert "我が国経済の源泉である中小企業の発展こそが" in text
    assert pages[1].start == pages[0].end  # joined with "": page 1 ends mid-sentence
    assert text[pages[1].end:pages[2].start] == "\n"  # page 2 ends with a full sentence


def test_markers_start_paragraphs():
    lines = text_of("001_kawaguchi.pdf").splitlines()
    assert "(1)国際化対応" in lines and "○国際的に通用する技術、技能等の強化" in lines


@pytest.mark.parametrize("name,line", [
    # 17 pt titles on A5 pages: a full line, then a few characters on the next
    ("agreement_07_press.pdf", "平塚信用金庫と連携して中小企業の経営を支えます"),
    ("summit_06_report_pdf.pdf", "第19回商工会青年部全国大会(沖縄大会)に参加しました"),
])
def test_wrapped_line_with_a_short_continuation_is_joined(name, line):
    pdfium = pytest.importorskip("pypdfium2")
    doc = pdfium.PdfDocument(str(SAMPLES / name))
    try:
        drawn = [squash(x) for x in doc[0].get_textpage().get_text_range().splitlines()]
    finally:
        doc.close()
    assert squash(line) not in drawn and any(squash(line).startswith(x) for x in drawn if len(x) > 8)  # drawn cut
    lines = text_of(name).splitlines()
    assert line in lines
    assert [cut for cut in lines if cut != line and line.startswith(cut)] == []  # no head of it cut off


def _japanese_pdf(lines: list[tuple[str, float, float, float]]) -> bytes:
    """A page of (text, x, baseline y, size) lines in a built-in Japanese CID font (one em per character)."""
    cidfonts = pytest.importorskip("reportlab.pdfbase.cidfonts")
    pdfmetrics = pytest.importorskip("reportlab.pdfbase.pdfmetrics")
    pdfmetrics.registerFont(cidfonts.UnicodeCIDFont("HeiseiKakuGo-W5"))

    def draw(c):
        for text, x, y, size in lines:
            c.setFont("HeiseiKakuGo-W5", size)
            c.drawString(x, y, text)
    return _reportlab_pdf(draw)


_FILLER = "地域の中小企業とともに歩む団体として活動を続けている"


def _filler(n: int, end: str = "") -> str:
    return ((_FILLER * (n // len(_FILLER) + 1))[:n - len(end)] + end)


def test_line_ending_short_of_the_edge_by_a_carried_over_unit_is_joined():
    """A column 23 characters wide: 例」。 may not be split, so the line before it stops two characters short."""
    rows = [_filler(23), _filler(23), _filler(10, "。"),
            "市と同友会は協議を重ね、本年の制定分を一覧にま", "とめた。対象は、「愛知県中小企業振興基本条", "例」。ほかに二県の条例がある。",
            "県の条例は次の一覧のとおりで、今も調べた。",  # two characters short, ends a sentence
            "次に市区町の条例を一覧にした。"]  # a new paragraph, not indented
    assert [len(r) for r in rows[3:7]] == [23, 21, 15, 21]
    text = extract_pdf(_japanese_pdf([(r, 72, 760 - 16 * i, 10) for i, r in enumerate(rows)]), "kinsoku.pdf")[0]
    assert text.splitlines() == [
        _filler(23) + _filler(23) + _filler(10, "。"),
        "市と同友会は協議を重ね、本年の制定分を一覧にまとめた。対象は、「愛知県中小企業振興基本条例」。ほかに二県の条例がある。",
        "県の条例は次の一覧のとおりで、今も調べた。",
        "次に市区町の条例を一覧にした。",
    ]


def _centred(text: str, y: float, size: float) -> tuple[str, float, float, float]:
    return text, 57 + (480 - size * len(text)) / 2, y, size


def test_centred_last_line_of_a_centred_paragraph_is_joined():
    """A single column 480 pt wide: a 16 pt title wrapped over a full line and a centred one is one
    paragraph; a short series name over a title, and a centred 記 under a sentence, stay apart."""
    body = [(_filler(48), 57, 0, 10), (_filler(48), 57, 0, 10), (_filler(20, "。"), 57, 0, 10)]
    lines = [
        ("中小企業振興基本条例の制定に向けた、市と同友会と金融機関の連", 57, 0, 16),
        _centred("携協定の締結式を執り行いました。", 0, 16),
        *body,
        _centred("市内の中小企業の振興に向けて", 0, 16),  # a series name, centred on its own
        _centred("同友会との連携会議の報告", 0, 16),
        *body[:2], (_filler(48, "。"), 57, 0, 10),
        _centred("記", 0, 10),
    ]
    assert len(lines[0][0]) * 16 == 480
    y, placed = 780.0, []
    for text, x, _, size in lines:
        y -= 1.6 * size
        placed.append((text, x, y, size))
    text = extract_pdf(_japanese_pdf(placed), "centred.pdf")[0]
    paragraph = _filler(48) * 2 + _filler(20, "。")
    assert text.splitlines() == [
        "中小企業振興基本条例の制定に向けた、市と同友会と金融機関の連携協定の締結式を執り行いました。",
        paragraph,
        "市内の中小企業の振興に向けて",
        "同友会との連携会議の報告",
        _filler(48) * 2 + _filler(48, "。"),
        "記",
    ]


# ---------------------------------------------------------------- 5. running headers, footers, page numbers

@pytest.mark.parametrize("name,running", [
    ("001_kawaguchi.pdf", "第5回中小企業都市サミット in 川口"),
    ("002_kanagawa.pdf", "かながわ経済新聞 工業部会 通信"),
    ("004_arakawa.pdf", "中小機構 広報誌 特集"),
    ("ordinance_03_reiki_pdf.pdf", "矢巾町例規集 第8類 産業経済"),
])
def test_running_header_is_dropped(name, running):
    assert squash(running) not in squash(text_of(name))


@pytest.mark.parametrize("name", PDFS)
def test_page_numbers_are_dropped(name):
    lines = text_of(name).splitlines()
    assert [line for line in lines if _PAGE_NUMBER.match(line)] == []
    assert "- 2 -" not in text_of(name) and "Page 2" not in text_of(name)


@pytest.mark.parametrize("line,is_number", [
    ("- 3 -", True), ("3", True), ("3/10", True), ("Page 3", True), ("3ページ", True), ("p. 12", True),
    ("- 12 -", True), ("iv", True), ("第3条", False), ("2020年", False), ("(1)国際化対応", False),
])
def test_page_number_patterns(line, is_number):
    assert bool(_PAGE_NUMBER.match(line)) is is_number


# ---------------------------------------------------------------- pages, title, settings

@pytest.mark.parametrize("name", PDFS)
def test_page_spans_cover_the_text(name):
    text, pages, _, _ = extracted(name)
    assert [p.page for p in pages] == list(range(1, len(pages) + 1))
    assert pages[0].start == 0 and pages[-1].end == len(text)
    for a, b in zip(pages, pages[1:]):
        assert text[a.end:b.start] in ("", "\n")
    Document(uri=name, text=text, pages=pages)  # validates the spans


@pytest.mark.parametrize("name", ["001_kawaguchi.pdf", "ordinance_03_reiki_pdf.pdf"])
def test_page_slice_is_that_pages_text(name):
    """Each page's slice is the body of that page as another reader (pdfium) sees it."""
    pdfium = pytest.importorskip("pypdfium2")
    text, pages, _, _ = extracted(name)
    doc = pdfium.PdfDocument(str(SAMPLES / name))
    try:
        for p in pages:
            shown = squash(doc[p.page - 1].get_textpage().get_text_range())
            assert squash(text[p.start:p.end]) in shown
    finally:
        doc.close()


def test_page_at_finds_the_page():
    text, pages, _, _ = extracted("001_kawaguchi.pdf")
    doc = Document(uri="x", text=text, pages=pages)
    assert doc.page_at(text.index("ここに我々中小企業都市は")) == 1
    assert doc.page_at(text.index("Ⅱ.中小・零細企業をも視野に入れた")) == len(pages)


@pytest.mark.parametrize("name", PDFS)
def test_title_from_metadata(name):
    assert extracted(name)[2] == normalize_text(MANIFEST[name]["title"])


def test_max_pages_reads_the_first_pages_and_warns():
    full_text, full_pages, _, _ = extracted("001_kawaguchi.pdf")
    text, pages, _, warnings = extract_pdf((SAMPLES / "001_kawaguchi.pdf").read_bytes(), "x", Settings(max_pages=2))
    assert len(pages) == 2 and any("max_pages" in w for w in warnings)
    assert text == full_text[:full_pages[1].end]


def test_clean_samples_give_no_warnings():
    assert {name: extracted(name)[3] for name in DRAWN if extracted(name)[3]} == {}
    assert [w for name in PDFS if name not in DRAWN for w in extracted(name)[3]] == ["pages read by OCR (Tesseract jpn, 300 dpi): 1"]


# ---------------------------------------------------------------- unreadable input

def _reportlab_pdf(draw, **canvas_args) -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, **canvas_args)
    draw(c)
    c.showPage()
    c.save()
    return buf.getvalue()


def _hello(c) -> None:
    c.setFont("Helvetica", 12)
    c.drawString(72, 720, "Hello encrypted world")


@pytest.mark.parametrize("content,code", [
    (random.Random(7).randbytes(4096), "not_pdf"),
    (b"<!DOCTYPE html><html><body>not a pdf</body></html>", "not_pdf"),
    (b"", "not_pdf"),
    (b"%PDF-1.4\n", "corrupt_pdf"),
    (b"%PDF-1.7\n" + random.Random(8).randbytes(2048), "corrupt_pdf"),
])
def test_unreadable_bytes(content, code):
    with pytest.raises(ExtractionError) as err:
        extract_pdf(content, "bad.pdf")
    assert err.value.code == code and err.value.status == "failed"


@pytest.mark.parametrize("fraction", [0.3, 0.6, 0.95])
def test_truncated_sample_is_corrupt(fraction):
    data = (SAMPLES / "001_kawaguchi.pdf").read_bytes()
    with pytest.raises(ExtractionError) as err:
        extract_pdf(data[:int(len(data) * fraction)], "cut.pdf")
    assert err.value.code == "corrupt_pdf"


def test_encrypted_with_a_password():
    data = _reportlab_pdf(_hello, encrypt="secret")
    with pytest.raises(ExtractionError) as err:
        extract_pdf(data, "locked.pdf")
    assert err.value.code == "encrypted_pdf"


def test_encrypted_with_an_empty_user_password_opens():
    pdfencrypt = pytest.importorskip("reportlab.lib.pdfencrypt")
    data = _reportlab_pdf(_hello, encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner"))
    assert extract_pdf(data, "owner-only.pdf")[0] == "Hello encrypted world"


def test_no_text_layer_needs_ocr():
    """Without OCR a page with no text layer is not read; with it (tests/test_ocr.py) OCR finds nothing here."""
    data = _reportlab_pdf(lambda c: c.rect(72, 72, 300, 400, fill=1))  # a scanned page: pictures, no text
    with pytest.raises(ExtractionError) as err:
        extract_pdf(data, "scan.pdf", Settings(ocr=False))
    assert err.value.code == "no_text_layer" and err.value.status == "needs_ocr"
    assert "OCR is turned off" in err.value.message
    with pytest.raises(ExtractionError) as err:
        extract_pdf(data, "scan.pdf")
    assert err.value.code == "no_text" and "OCR found no text" in err.value.message
