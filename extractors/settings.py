"""The one settings model: defaults here, overridden by CLI or flow parameters."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # PDF reading
    max_pages: int = Field(2000, ge=1, description="pages read per PDF; later pages are left out with a warning")
    max_bytes: int = Field(100 * 1024 * 1024, ge=1, description="largest input read, in bytes")
    doc_timeout: float = Field(900.0, ge=0, description="seconds one document may take to read, and again to "
                               "build its records (the model and the drafts, its parts' work added up); 0: no limit")
    max_worker_memory: int = Field(4096, ge=0, description="megabytes of resident memory a worker process (the "
                                   "process pool's, the model worker) may reach working on one document: the "
                                   "document fails, and a worker that stays over it is replaced; 0: no limit")
    split_pages: int = Field(40, ge=1, description="the flows read a PDF with more pages than this in ranges of "
                             "about this many pages, a task each (the same text as one read); doc_timeout is per range")
    split_chars: int = Field(60_000, ge=1, description="the flows find the candidates of a document whose trigger "
                             "regions hold more characters than this in parts of about this size, a task each "
                             "(the same drafts as one task)")
    max_page_content: int = Field(32 * 1024 * 1024, ge=1, description="bytes one PDF page's content (its "
                                  "streams and the forms it draws) may inflate to; a larger page (a compression "
                                  "bomb) is left out with a warning, counted without inflating it whole")
    pdfium_chars: bool = Field(True, description="take the characters of plain PDF pages (no ruled-table rules, no "
                               "vertical or rotated text, every glyph mapped) from pdfium, ~10x faster than "
                               "pdfminer and at the same places; off: every page through pdfplumber")
    # OCR of PDF pages without a usable text layer (extractors/reading/ocr.py)
    ocr: bool = Field(True, description="read scanned pages with Tesseract; off: such PDFs get status needs_ocr")
    ocr_lang: str = Field("jpn", description="Tesseract languages, e.g. jpn or jpn+eng (about twice as slow)")
    ocr_dpi: int = Field(300, ge=72, le=600, description="resolution pages are rendered at for OCR")
    tesseract_cmd: str = Field("tesseract", description="the Tesseract program: a name on PATH or a path")
    # HTTP
    user_agent: str = "chusho-extract/0.1 (+https://github.com/chusho-extract; SME policy research crawler)"
    http_timeout: float = Field(20.0, gt=0, description="seconds one read (or connect) may wait for the server")
    response_timeout: float = Field(60.0, gt=0, description="seconds one whole fetch (redirects and body included) "
                                    "may take; a slower (trickling) response is abandoned as a timeout")
    max_robots_bytes: int = Field(500 * 1024, ge=1, description="robots.txt is read up to this size and cut there")
    max_redirects: int = Field(5, ge=0)
    # Crawl politeness and retries (robots.txt's Crawl-delay wins when it is longer)
    crawl_delay: float = Field(1.0, ge=0, description="seconds between requests to one host")
    retries: int = Field(3, ge=0, description="retries of a fetch answered 429, 5xx or timing out")
    retry_backoff: float = Field(2.0, ge=0, description="first retry delay in seconds; doubles each retry")
    max_retry_after: float = Field(120.0, ge=0, description="longest Retry-After wait honoured, in seconds")
