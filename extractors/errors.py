"""Typed errors an extractor raises for unreadable input.

The caller turns an `ExtractionError` into a `Document` with status `failed`
(or `needs_ocr`), `error_code` = `code` and `error` = the message, so one bad
input never stops a run.
"""
from __future__ import annotations


class ExtractionError(Exception):
    """Input that cannot be read; `code` is a short machine-readable reason."""

    def __init__(self, code: str, message: str, status: str = "failed") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status
