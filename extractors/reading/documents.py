"""`Fetched` bytes to a `Document`: sniff what the bytes are and read them.

What the bytes are decides the reader, not the file name: a PDF named .html is
read as a PDF, an HTML page named .pdf as a page (with a warning). Every
failure becomes a `Document` with a status and a clear error; this function
never raises for bad input.
"""
from __future__ import annotations

import re

from extractors.reading.deadline import TimeLimitExceeded, time_limit
from extractors.errors import ExtractionError
from extractors.reading.html import decode_html, extract_html
from extractors.reading.normalize import normalize_text
from extractors.settings import Settings
from schemas.document import DocStatus, Document, Fetched

_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title|\?xml)", re.I | re.S)
_HTML_ANY = re.compile(rb"<(?:html|body|div|p|table|meta|title)[\s>]", re.I)
_HEADER_LINE = re.compile(r"^(source|kind|title):\s*(.*)$")


def sniff(content: bytes) -> str:
    """'pdf', 'html', 'text' or 'binary' from the bytes themselves."""
    head = content[:4096]
    body = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    if b"%PDF-" in content[:1024]:
        return "pdf"
    if _HTML_START.match(body) or (_HTML_ANY.search(body) and b"\x00" not in body):
        return "html"
    if b"\x00" in head:
        return "binary"
    for codec in ("utf-8", "cp932", "euc_jp"):
        try:
            head.decode(codec)
            return "text"
        except UnicodeDecodeError as exc:
            if exc.start >= len(head) - 4:  # a multibyte character cut at the 4 KiB boundary
                return "text"
    return "binary"


def _expected_kind(fetched: Fetched) -> str | None:
    mt = (fetched.media_type or "").lower()
    uri = fetched.uri.lower().split("?")[0]
    if mt == "application/pdf" or uri.endswith(".pdf"):
        return "pdf"
    if "html" in mt or uri.endswith((".html", ".htm", ".xhtml")):
        return "html"
    if mt.startswith("text/") or uri.endswith(".txt"):
        return "text"
    return None


def read_text_file(content: bytes) -> tuple[str, str | None, str, list[str]]:
    """Plain text: gives (text, title, encoding, warnings).

    Accepts the `source:/kind:/title:` header block with a `---` line that the
    project's dev texts use; the title comes from it.
    """
    raw, encoding, warnings = decode_html(content)
    title = None
    lines = raw.splitlines()
    if "---" in (line.strip() for line in lines[:8]):
        cut = [line.strip() for line in lines].index("---")
        head = [_HEADER_LINE.match(line.strip()) for line in lines[:cut]]
        if head and all(head):
            title = next((m.group(2) for m in head if m.group(1) == "title"), None)
            raw = "\n".join(lines[cut + 1:])
    return normalize_text(raw), normalize_text(title) if title else None, encoding, warnings


def _read(fetched: Fetched, settings: Settings, kind: str, expected: str | None, base: dict,
          warnings: list[str]) -> Document:
    if kind == "pdf":
        from extractors.reading.pdf import extract_pdf  # pdfplumber is imported only when a PDF comes

        text, pages, title, more = extract_pdf(fetched.content, fetched.uri, settings)
        doc = Document(**{**base, "media_type": "application/pdf"}, title=title, text=text, pages=pages,
                       warnings=warnings + more)
    elif kind == "html":
        text, title, encoding, more = extract_html(fetched.content, fetched.uri, fetched.charset)
        doc = Document(**{**base, "media_type": "text/html"}, title=title, text=text, encoding=encoding,
                       warnings=warnings + more)
    elif kind == "text" and expected in (None, "text"):
        text, title, encoding, more = read_text_file(fetched.content)
        doc = Document(**{**base, "media_type": "text/plain"}, title=title, text=text, encoding=encoding,
                       warnings=warnings + more)
    else:
        what = {"pdf": "a PDF", "html": "an HTML page"}.get(expected or "", "a PDF, HTML page or text file")
        raise ExtractionError("wrong_type", f"not {what}: the content is {kind} data")
    return doc


def read_document(fetched: Fetched, settings: Settings | None = None) -> Document:
    """Read one fetched source; bad input gives a failed Document, never an exception."""
    settings = settings or Settings()
    base = dict(uri=fetched.uri, sha256=fetched.sha256, media_type=fetched.media_type)
    if fetched.error:
        status = DocStatus.skipped if fetched.error_code == "not_modified" else DocStatus.failed
        return Document(**base, status=status, error=fetched.error, error_code=fetched.error_code)
    if not fetched.content:
        return Document(**base, status=DocStatus.failed, error="the file is empty (0 bytes)", error_code="empty")
    kind = sniff(fetched.content)
    expected = _expected_kind(fetched)
    warnings: list[str] = []
    if expected and kind != expected and kind in ("pdf", "html"):
        warnings.append(f"named or served as {expected} but the content is {kind}; read as {kind}")
    try:
        with time_limit(settings.doc_timeout, f"reading {fetched.uri}"):
            doc = _read(fetched, settings, kind, expected, base, warnings)
    except TimeLimitExceeded as exc:
        error = str(exc) or f"reading {fetched.uri} took longer than the limit of {settings.doc_timeout:g} s"
        return Document(**base, status=DocStatus.failed, error=error, error_code="timeout", warnings=warnings)
    except ExtractionError as exc:
        return Document(**base, status=DocStatus(exc.status), error=exc.message, error_code=exc.code,
                        warnings=warnings)
    except Exception as exc:  # a parser bug or a hostile file must not stop the run
        return Document(**base, status=DocStatus.failed, error=f"could not read the document: "
                        f"{type(exc).__name__}: {exc}", error_code="reader_error", warnings=warnings)
    if not doc.text.strip():
        doc.status, doc.error, doc.error_code = DocStatus.failed, "no text found in the document", "no_text"
    return doc
