"""Bad input: each gets a Document with a status and a clear error; nothing raises."""
import pytest

from extractors.documents import read_document, sniff
from extractors.fetch import discover_sources, fetch_file, fetch_url
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
