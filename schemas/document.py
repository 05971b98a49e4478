"""Fetched bytes and extracted documents.

`Fetched` is what a fetch gives (bytes, media type, sha256, HTTP validators);
`Document` is what text extraction gives: normalised text, page offsets and
provenance. One `Document` becomes one line of `documents.jsonl`.
"""
from __future__ import annotations

import hashlib
from enum import Enum

from pydantic import BaseModel, ConfigDict, Field, model_validator


class DocStatus(str, Enum):
    ok = "ok"
    skipped = "skipped"  # nothing to read (e.g. a 304 Not Modified)
    failed = "failed"  # the input could not be read: see `error`
    needs_ocr = "needs_ocr"  # a PDF with no usable text layer and no OCR engine
    gone = "gone"  # a crawled URL known from an earlier crawl that now answers 404 or 410


class Fetched(BaseModel):
    """Raw bytes of one source, before any parsing."""

    model_config = ConfigDict(extra="forbid")

    uri: str
    final_uri: str | None = None  # where redirects led, when that is not `uri`
    content: bytes = b""
    sha256: str | None = None
    media_type: str | None = None  # from the HTTP header or the file suffix; sniffed later
    charset: str | None = None  # from the HTTP Content-Type header, if any
    status_code: int | None = None
    etag: str | None = None
    last_modified: str | None = None
    error: str | None = None
    error_code: str | None = None
    retry_after: float | None = None  # seconds, from a 429/503 Retry-After header
    robots_tag: str | None = None  # the X-Robots-Tag header(s), joined with ", "

    @model_validator(mode="after")
    def _hash(self) -> "Fetched":
        if self.sha256 is None and self.error is None:
            self.sha256 = hashlib.sha256(self.content).hexdigest()
        return self


class Page(BaseModel):
    """A PDF page as a half-open span [start, end) of the document text."""

    model_config = ConfigDict(extra="forbid")

    page: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    ocr: bool = False


class Document(BaseModel):
    """One input document, read or not; `text` is what evidence offsets point into."""

    model_config = ConfigDict(extra="forbid")

    uri: str
    aliases: list[str] = Field(default_factory=list)  # other URLs of the same bytes (or naming it canonical) in a crawl
    sha256: str | None = None
    media_type: str | None = None
    title: str | None = None
    status: DocStatus = DocStatus.ok
    error: str | None = None
    error_code: str | None = None
    pages: list[Page] = Field(default_factory=list)
    text: str = ""
    encoding: str | None = None  # the charset a page was decoded with
    warnings: list[str] = Field(default_factory=list)

    @model_validator(mode="after")
    def _pages_inside_text(self) -> "Document":
        for p in self.pages:
            if not (0 <= p.start <= p.end <= len(self.text)):
                raise ValueError(f"page {p.page} span {p.start}..{p.end} outside text of {len(self.text)} chars")
        return self

    def page_at(self, offset: int) -> int | None:
        """The 1-based page holding character `offset`, or None for pages (HTML)."""
        for p in self.pages:
            if p.start <= offset < p.end or (offset == p.end == p.start):
                return p.page
        if self.pages and offset >= self.pages[-1].end:
            return self.pages[-1].page
        return None
