"""Bad input: each gets a Document with a status and a clear error; nothing raises."""
import pytest

from extractors.reading.documents import read_document, sniff
from extractors.reading.fetch import discover_sources, fetch_file, fetch_url
from extractors.settings import Settings
from tests.conftest import SAMPLES


@pytest.mark.parametrize("content, kind", [
    (b"%PDF-1.4\n...", "pdf"),
    (b"\xef\xbb\xbf<!DOCTYPE html><html>", "html"),
    (b"  <html><body>x</body></html>", "html"),
    ("平成16年5月27日".encode("cp932"), "text"),
    (bytes(range(256)), "binary"),
])
def test_sniff(content, kind):
    assert sniff(content) == kind


def _read(tmp_path, name: str, content: bytes):
    p = tmp_path / name
    p.write_bytes(content)
    return read_document(fetch_file(str(p), Settings()))


@pytest.mark.parametrize("name, content, status, code, words", [
    ("empty.pdf", b"", "failed", "empty", "empty"),
    ("junk.pdf", bytes(range(256)) * 40, "failed", "wrong_type", "not a PDF"),
    ("junk.html", bytes(range(256)) * 40, "failed", "wrong_type", "not an HTML page"),
    ("truncated.pdf", b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog", "failed", "corrupt_pdf", "could not be parsed"),
])
def test_bad_files(tmp_path, name, content, status, code, words):
    doc = _read(tmp_path, name, content)
    assert doc.status.value == status
    assert words in doc.error
    if code:
        assert doc.error_code == code
    assert doc.text == ""


def test_html_named_pdf_is_read_as_a_page(tmp_path):
    doc = _read(tmp_path, "page.pdf", (SAMPLES / "003_igren.html").read_bytes())
    assert doc.status.value == "ok" and doc.media_type == "text/html"
    assert any("read as html" in w for w in doc.warnings)


def test_missing_file_and_unreachable_url():
    missing = read_document(fetch_file("/no/such/file.pdf", Settings()))
    assert missing.status.value == "failed" and "no such file" in missing.error
    # a port on loopback with nothing listening: refused at once
    doc = read_document(fetch_url("http://127.0.0.1:9/x.html", Settings(http_timeout=5)))
    assert doc.status.value == "failed" and doc.error_code == "unreachable" and "127.0.0.1:9" in doc.error


def test_folder_walk_takes_documents_only():
    found = discover_sources([str(SAMPLES)])
    assert found and all(f.endswith((".pdf", ".html")) for f in found)
    assert not any("/expected/" in f or "/gold/" in f for f in found)


# ---------------------------------------------------------------- hostile PDFs: an entry each, never a traceback

def _pdf(pages: int = 1, **canvas_args) -> bytes:
    canvas = pytest.importorskip("reportlab.pdfgen.canvas")
    import io

    buf = io.BytesIO()
    c = canvas.Canvas(buf, invariant=1, **canvas_args)
    for n in range(1, pages + 1):
        c.setFont("Helvetica", 12)
        c.drawString(72, 720, f"Report page {n}")
        c.showPage()
    c.save()
    return buf.getvalue()


def test_password_locked_pdf(tmp_path):
    doc = _read(tmp_path, "locked.pdf", _pdf(encrypt="secret"))
    assert doc.status.value == "failed" and doc.error_code == "encrypted_pdf"
    assert "locked.pdf is encrypted and needs a password" in doc.error and "Traceback" not in doc.error
    assert doc.text == "" and doc.pages == []


def test_pdf_encrypted_with_an_empty_user_password_opens(tmp_path):
    pdfencrypt = pytest.importorskip("reportlab.lib.pdfencrypt")
    doc = _read(tmp_path, "owner-only.pdf", _pdf(encrypt=pdfencrypt.StandardEncryption("", ownerPassword="owner")))
    assert doc.status.value == "ok" and doc.text == "Report page 1" and doc.warnings == []


def test_thousands_of_pages_stop_at_max_pages(tmp_path):
    import time

    content = _pdf(3000)
    started = time.perf_counter()
    p = tmp_path / "long.pdf"
    p.write_bytes(content)
    doc = read_document(fetch_file(str(p), Settings()), Settings(max_pages=50))
    print(f"3000-page PDF ({len(content) // 1024} KiB), first 50 pages read in {time.perf_counter() - started:.2f} s")
    assert doc.status.value == "ok"
    assert len(doc.pages) == 50 and doc.text.splitlines()[-1] == "Report page 50"
    assert doc.warnings == ["read the first 50 of 3000 pages (max_pages)"]


@pytest.mark.parametrize("cut, status, code, words", [
    (10, "ok", None, "no %%EOF at the end: the file may be truncated"),  # only the end-of-file marker lost
    (400, "failed", "corrupt_pdf", "corrupt or truncated PDF"),  # the cross-reference table lost
    (0.5, "failed", "corrupt_pdf", "corrupt or truncated PDF"),  # a download cut in the middle
])
def test_truncated_pdf(tmp_path, cut, status, code, words):
    content = _pdf(5)
    content = content[:int(len(content) * cut)] if cut < 1 else content[:-cut]
    doc = _read(tmp_path, "cut.pdf", content)
    assert doc.status.value == status and doc.error_code == code
    assert words in (doc.error or "") + "".join(doc.warnings)
    assert "Traceback" not in (doc.error or "")
