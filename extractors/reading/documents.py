"""`Fetched` bytes to a `Document`: sniff what the bytes are and read them.

What the bytes are decides the reader, not the file name: a PDF named .html is
read as a PDF, an HTML page named .pdf as a page (with a warning). Every
failure becomes a `Document` with a status and a clear error; this function
never raises for bad input.

A long PDF can be read in page ranges, each on its own (the flows run a task
per range): `pdf_ranges` gives the ranges (about `split_pages` pages each) or
None for a document to read whole, `read_pdf_part` reads one range (a failure
is the failed Document, as above), and `join_pdf_parts` joins the parts into
the Document `read_document` gives: the same text, pages, title, warnings,
status and error. The time limit (`doc_timeout`) applies to each range and to
the join.
"""
from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Callable, TypeVar

from extractors.reading.deadline import TimeLimitExceeded, time_limit
from extractors.errors import ExtractionError
from extractors.reading.html import decode_html, extract_html
from extractors.reading.normalize import normalize_text
from extractors.settings import Settings
from schemas.document import DocStatus, Document, Fetched

if TYPE_CHECKING:
    from extractors.reading.pdf import PdfPart

T = TypeVar("T")

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


def _pdf_document(base: dict, warnings: list[str], read: tuple) -> Document:
    text, pages, title, more = read
    return Document(**{**base, "media_type": "application/pdf"}, title=title, text=text, pages=pages,
                    warnings=warnings + more)


def _read(fetched: Fetched, settings: Settings, kind: str, expected: str | None, base: dict,
          warnings: list[str]) -> Document:
    if kind == "pdf":
        from extractors.reading.pdf import extract_pdf  # pdfplumber is imported only when a PDF comes

        doc = _pdf_document(base, warnings, extract_pdf(fetched.content, fetched.uri, settings))
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


def _base(fetched: Fetched) -> dict:
    return dict(uri=fetched.uri, sha256=fetched.sha256, media_type=fetched.media_type)


def _unread(fetched: Fetched, base: dict) -> Document | None:
    """The Document of a source with nothing to read (a failed fetch, no bytes), or None."""
    if fetched.error:
        status = DocStatus.skipped if fetched.error_code == "not_modified" else DocStatus.failed
        return Document(**base, status=status, error=fetched.error, error_code=fetched.error_code)
    if not fetched.content:
        return Document(**base, status=DocStatus.failed, error="the file is empty (0 bytes)", error_code="empty")
    return None


def _kind(fetched: Fetched) -> tuple[str, str | None, list[str]]:
    """What the bytes are, what the name or media type says they are, and a warning when the two differ."""
    kind = sniff(fetched.content)
    expected = _expected_kind(fetched)
    warnings: list[str] = []
    if expected and kind != expected and kind in ("pdf", "html"):
        warnings.append(f"named or served as {expected} but the content is {kind}; read as {kind}")
    return kind, expected, warnings


def _guarded(settings: Settings, base: dict, warnings: list[str], what: str, read: Callable[[], T]) -> T | Document:
    """`read()` under the time limit; a failure is a Document with its status and error."""
    try:
        with time_limit(settings.doc_timeout, what):
            return read()
    except TimeLimitExceeded as exc:
        error = str(exc) or f"{what} took longer than the limit of {settings.doc_timeout:g} s"
        return Document(**base, status=DocStatus.failed, error=error, error_code="timeout", warnings=warnings)
    except ExtractionError as exc:
        return Document(**base, status=DocStatus(exc.status), error=exc.message, error_code=exc.code,
                        warnings=warnings)
    except Exception as exc:  # a parser bug or a hostile file must not stop the run
        return Document(**base, status=DocStatus.failed, error=f"could not read the document: "
                        f"{type(exc).__name__}: {exc}", error_code="reader_error", warnings=warnings)


def _checked(doc: Document) -> Document:
    if doc.status == DocStatus.ok and not doc.text.strip():
        doc.status, doc.error, doc.error_code = DocStatus.failed, "no text found in the document", "no_text"
    return doc


def read_document(fetched: Fetched, settings: Settings | None = None) -> Document:
    """Read one fetched source; bad input gives a failed Document, never an exception."""
    settings = settings or Settings()
    base = _base(fetched)
    if (doc := _unread(fetched, base)) is not None:
        return doc
    kind, expected, warnings = _kind(fetched)
    return _checked(_guarded(settings, base, warnings, f"reading {fetched.uri}",
                             lambda: _read(fetched, settings, kind, expected, base, warnings)))


# ---------------------------------------------------------------- long PDFs in page ranges

def pdf_ranges(fetched: Fetched, settings: Settings | None = None) -> list[tuple[int, int | None]] | None:
    """The page ranges [first, last) to read a long PDF in, or None: read it whole with `read_document`.

    A PDF (by its bytes) with more pages to read than `split_pages` (its page tree's count, up to
    `max_pages`) is cut into as many ranges as ranges of `split_pages` pages would take, each holding
    about as much of what the pages draw (`balanced_cuts`): a range of dense pages (tables, small
    print) is not read long after ranges of sparse ones. The last range runs to the end (None), so
    that no page is missed when the count is wrong.
    """
    settings = settings or Settings()
    if fetched.error or not fetched.content or sniff(fetched.content) != "pdf":
        return None
    from extractors.reading.pdf import pdf_page_count, pdf_page_weights

    count = pdf_page_count(fetched.content)
    if count is None:
        return None  # the whole read says what is wrong with it
    count = min(count, settings.max_pages)
    if count <= settings.split_pages:
        return None
    parts = math.ceil(count / settings.split_pages)
    weights = pdf_page_weights(fetched.content, count)
    if weights is None or len(weights) != count:
        weights = [1] * count  # (a page tree that disagrees with its count: even ranges, the reading tells)
    cuts = balanced_cuts(weights, parts)
    return [(a, b) for a, b in zip([0, *cuts], cuts)] + [(cuts[-1], None)]


def balanced_cuts(weights: list[int], parts: int) -> list[int]:
    """The pages (0-based) that open ranges 2..`parts` of pages whose weights are `weights`, each range
    weighing as near to an even share as page boundaries allow, and holding at least one page. A page
    weighs its content's bytes plus a fifth of the mean (a page costs something to read however little
    it draws), so even pages give ranges of even page counts."""
    n = len(weights)
    floor = sum(weights) / n / 5 if n else 0
    cumulative = [0.0]
    for w in weights:
        cumulative.append(cumulative[-1] + w + floor)
    total = cumulative[-1]
    cuts: list[int] = []
    for k in range(1, parts):
        low, high = (cuts[-1] if cuts else 0) + 1, n - (parts - k)  # a page at least in this range and each after
        target = total * k / parts
        cuts.append(min(range(low, high + 1), key=lambda i: (abs(cumulative[i] - target), i)))
    return cuts


def read_pdf_part(fetched: Fetched, first: int, last: int | None, settings: Settings | None = None
                  ) -> PdfPart | Document:
    """Pages [first, last) of a fetched PDF (`pdf_ranges`), for `join_pdf_parts`.

    A failure (the file cannot be opened, the time limit passed: the limit applies to each part)
    is the failed Document, never an exception; a page that cannot be read is not a failure.
    """
    from extractors.reading.pdf import read_pdf_pages

    settings = settings or Settings()
    base = _base(fetched)
    if (doc := _unread(fetched, base)) is not None:
        return doc
    _, _, warnings = _kind(fetched)
    end = "the end" if last is None else last
    return _guarded(settings, base, warnings, f"reading {fetched.uri} (pages {first + 1} to {end})",
                    lambda: read_pdf_pages(fetched.content, fetched.uri, settings, first, last))


def join_pdf_parts(fetched: Fetched, parts: list[PdfPart | Document], settings: Settings | None = None) -> Document:
    """The Document of a PDF read in parts (`read_pdf_part`, in page order): the Document `read_document` gives.

    A part that failed gives its failed Document (the first in page order).
    """
    from extractors.reading.pdf import assemble_pdf

    settings = settings or Settings()
    failed = next((p for p in parts if isinstance(p, Document)), None)
    if failed is not None:
        return failed
    base = _base(fetched)
    _, _, warnings = _kind(fetched)
    return _checked(_guarded(settings, base, warnings, f"reading {fetched.uri}", lambda: _pdf_document(
        base, warnings, assemble_pdf(fetched.content, fetched.uri, parts, settings))))
