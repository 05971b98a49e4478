"""Hostile inputs: each gives a Document with a status (and a clear error when it is not read),
never a traceback, and a run over all of them goes on.

Already covered in tests/test_documents.py and not repeated here: an empty .pdf, bytes(range(256))
named .pdf/.html, a truncated PDF, an HTML page named .pdf.
"""
from __future__ import annotations

import random
import time

import pytest

from extractors.records.context import MAX_SENTENCE, DocContext
from extractors.reading.documents import read_document
from extractors.reading.fetch import discover_sources, fetch_file
from extractors.language.nlp import SUDACHI_MAX_BYTES, chunks
from extractors.records.build import build_records, document_drafts
from extractors.settings import Settings
from schemas.document import DocStatus, Fetched
from tests.conftest import SAMPLES

SENTENCE = "横浜市は「中小企業振興基本条例」を平成22年4月1日に施行"
# No 。, no comma, no line break: the worst case for chunking and sentence lookups.
FILLER = "地域の産業と暮らしについて住民と話し合う会を開きました"


def read(name: str, content: bytes, charset: str | None = None):
    return read_document(Fetched(uri=f"file:///hostile/{name}", content=content, charset=charset))


def single_line_page(total_bytes: int = 1_500_000) -> tuple[bytes, int]:
    """An HTML page whose text is one line of total_bytes bytes with SENTENCE in the middle.

    The quote starts 2 characters before offset 250,000: the filler is all 3-byte characters,
    so cutting at the 30,000-byte chunk limit (every 10,000 characters) would split
    「中|小企業振興基本条例」 and lose the name.
    """
    at = 250_000 - 6  # SENTENCE[6:] starts with 「
    n = total_bytes // len(FILLER.encode("utf-8"))
    text = (FILLER * n)[:at] + SENTENCE + FILLER * (n // 2)
    html = f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>産業振興(横浜市)</title></head>" \
           f"<body><div id='main'><p>{text}</p></div></body></html>"
    return html.encode("utf-8"), at


def test_a_page_of_one_endless_line(nlp):
    content, at = single_line_page()
    assert len(content) >= 1_500_000
    t0 = time.perf_counter()
    doc = read("one-line.html", content)
    t_read = time.perf_counter() - t0
    assert doc.status is DocStatus.ok, doc.error
    assert "\n" not in doc.text and doc.text.find(SENTENCE) == at

    pieces = chunks(doc.text)
    assert all(len(doc.text[s:e].encode("utf-8")) <= SUDACHI_MAX_BYTES for s, e in pieces)
    quote = (at + 6, at + 6 + len("「中小企業振興基本条例」"))
    assert any(s <= quote[0] and quote[1] <= e for s, e in pieces), "a chunk boundary splits the ordinance name"

    t0 = time.perf_counter()
    drafts = document_drafts(doc)
    t_drafts = time.perf_counter() - t0
    print(f"\n1.5 MB single-line page: read {t_read:.1f} s, drafts {t_drafts:.1f} s, {len(doc.text):,} chars")

    (ordinance,) = [d for d in drafts if d.type == "ordinance"]
    assert ordinance.fields["name"] == "中小企業振興基本条例"
    assert ordinance.fields["municipality"] == "横浜市" and ordinance.fields["effective_date"] == "2010-04-01"
    first = ordinance.evidence[0]
    assert doc.text[first.start:first.end] == "「中小企業振興基本条例」"
    records, rejected = build_records([doc], [drafts])  # validates every quote against the text
    assert not rejected and [r["name"] for r in records if r["type"] == "ordinance"] == ["中小企業振興基本条例"]

    ctx = DocContext(doc=doc, cands=[])
    s, e = ctx.sentence(quote[0])
    assert s <= quote[0] < e and e - s <= MAX_SENTENCE  # not the whole 500,000-character line


PAGE = "<html><head>{meta}<title>条例の施行</title></head><body><div id='contents'><h1>お知らせ</h1>" \
       "<p>横浜市は中小企業振興基本条例を平成22年4月1日に施行しました。ご協力をお願いします。</p></div></body></html>"


@pytest.mark.parametrize("meta, http_charset, codec, used, warning", [
    ('<meta charset="utf-8">', None, "cp932", "cp932", "utf-8 declared in the meta tag does not decode"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">', None, "utf-8", "utf-8",
     "cp932 declared"),
    ('<meta charset="EUC-JP">', None, "cp932", "cp932", "euc_jp declared in the meta tag"),
    ('<meta charset="Shift_JIS">', None, "euc_jp", "euc_jp", "cp932 declared in the meta tag"),
    ("", "Shift_JIS", "utf-8", "utf-8", "declared in the HTTP header"),
    ('<meta charset="Shift_JIS">', None, "iso2022_jp", "iso2022_jp", "the page is ISO-2022-JP"),
    ('<meta charset="utf-8">', None, "iso2022_jp", "iso2022_jp", "the page is ISO-2022-JP"),
])
def test_a_lying_charset_is_decoded_right_with_a_warning(meta, http_charset, codec, used, warning):
    doc = read("page.html", PAGE.format(meta=meta).encode(codec), charset=http_charset)
    assert doc.status is DocStatus.ok and doc.encoding == used
    assert "横浜市は中小企業振興基本条例を平成22年4月1日に施行しました。" in doc.text
    assert doc.title == "条例の施行"
    assert any(warning in w for w in doc.warnings), doc.warnings


@pytest.mark.parametrize("name", ["random.pdf", "random.html", "random.txt"])
@pytest.mark.parametrize("size", [17, 4096, 1_000_000])
def test_random_bytes(name, size):
    content = random.Random(size).randbytes(size).replace(b"%PDF", b"%PDX")
    doc = read(name, content)
    assert doc.status is DocStatus.failed and doc.error_code == "wrong_type"
    assert "the content is binary data" in doc.error and doc.text == ""


@pytest.mark.parametrize("name", ["random.pdf", "random.html"])
def test_pdf_header_then_random_bytes(name):
    doc = read(name, b"%PDF-1.7\n" + random.Random(7).randbytes(200_000))
    assert doc.status is DocStatus.failed and doc.error_code == "corrupt_pdf"
    assert "PDF" in doc.error and doc.text == ""


@pytest.mark.parametrize("name, content, code, words", [
    ("empty.html", b"", "empty", "empty"),
    ("blank.html", b" \r\n\t \n", "wrong_type", "not an HTML page: the content is text"),  # no tag at all
    ("blank.txt", "\u3000\n\n".encode("utf-8"), "no_text", "no text"),
    ("empty-page.html", b"<html><head><title>x</title></head><body><nav><a href='/'>home</a></nav></body></html>",
     "no_text", "no text"),
    ("junk-after-tag.html", b"<html><body>" + bytes(range(256)) * 20, "not_html", "binary content"),
])
def test_nothing_to_read(name, content, code, words):
    doc = read(name, content)
    assert doc.status is DocStatus.failed and doc.error_code == code and words in doc.error


def test_control_characters_in_a_page():
    """A stray backspace or escape after a comment or script made lxml refuse the tree (reader_error)."""
    content = "<html><body><p>中小企業<!-- c -->\x08振興<script>x()</script>\x1b基本条例</p>\x0c<p>施行</p></body></html>"
    doc = read("ctrl.html", content.encode("utf-8"))
    assert doc.status is DocStatus.ok, doc.error
    assert doc.text == "中小企業振興基本条例\n施行"


def test_unclosed_font_tags_keep_the_whole_table():
    """<td><font>… left unclosed nests each row in the last one; libxml2 dropped rows past depth 256."""
    rows = "".join(f"<tr><td><font size=2>第{i}回<td><font color=red>平成16年5月27日" for i in range(1, 1001))
    doc = read("fonts.html", f"<html><body><table>{rows}</table></body></html>".encode("utf-8"))
    assert doc.status is DocStatus.ok and not doc.warnings
    lines = doc.text.split("\n")
    assert len(lines) == 1000 and lines[-1] == "第1000回\t平成16年5月27日"


def test_nesting_past_the_parsers_limit_is_read_with_a_warning():
    content = "<html><body>" + "".join(f"<div>段落{i}。" for i in range(3000)) + "</body></html>"
    doc = read("deep.html", content.encode("utf-8"))
    assert doc.status is DocStatus.ok and doc.text.startswith("段落0。\n段落1。")
    assert len(doc.text.split("\n")) > 2000  # past Python's recursion limit: _linearize is iterative
    assert any("nest deeper" in w for w in doc.warnings)


def test_a_run_over_hostile_files_goes_on(tmp_path, nlp):
    files = {
        "a-random.pdf": random.Random(1).randbytes(50_000),
        "b-page-named.pdf": PAGE.format(meta='<meta charset="utf-8">').encode("utf-8"),
        "c-empty.html": b"",
        "d-junk.html": random.Random(2).randbytes(10_000),
        "e-lying-charset.html": PAGE.format(meta='<meta charset="utf-8">').encode("cp932"),
        "f-one-line.html": ("<p>" + FILLER * 2000 + SENTENCE + FILLER * 2000 + "</p>").encode("utf-8"),
        "g-sample.html": (SAMPLES / "ordinance_01_reiki.html").read_bytes(),
    }
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    docs = [read_document(fetch_file(p, Settings())) for p in discover_sources([str(tmp_path)])]
    assert [d.uri.rsplit("/", 1)[1] for d in docs] == sorted(files)
    status = {d.uri.rsplit("/", 1)[1]: d.status.value for d in docs}
    assert status == {"a-random.pdf": "failed", "b-page-named.pdf": "ok", "c-empty.html": "failed",
                      "d-junk.html": "failed", "e-lying-charset.html": "ok", "f-one-line.html": "ok",
                      "g-sample.html": "ok"}
    assert all(d.error and d.error_code for d in docs if d.status is not DocStatus.ok)
    drafts = [document_drafts(d) for d in docs]
    records, rejected = build_records(docs, drafts)
    names = {r["name"] for r in records if r["type"] == "ordinance"}
    assert "中小企業振興基本条例" in names and "与那国町商工業振興条例" in names, names
