"""Reading: sources to bytes to a `Document`.

Takes files, folders and http(s) URLs and gives `Fetched` (bytes, media type, sha256, HTTP
validators; `fetch`) and then a `Document` (normalised text, page offsets, title, status and a
clear error for bad input; `documents`). PDFs are read at the character level (`pdf`, with
`layout` and `tables` for blocks, tables and vertical writing), scanned pages through Tesseract
(`ocr`), pages with their charset checked and the site chrome dropped (`html`); every text goes
through the one normalisation step (`normalize`) under a per-document time limit (`deadline`).
A long PDF can be read in page ranges, each on its own, and joined into the same `Document`
(`pdf_ranges`, `read_pdf_part`, `join_pdf_parts`).
Nothing here raises for bad input: a failure is a status and an error.

The names below are loaded on first use, so that importing one light module of this package
(`extractors.reading.normalize`, the input checks of the command line) does not import the PDF
and HTML stacks.
"""
from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "read_document": "documents", "sniff": "documents",
    "pdf_ranges": "documents", "read_pdf_part": "documents", "join_pdf_parts": "documents",
    "discover_sources": "fetch", "fetch_file": "fetch", "fetch_source": "fetch", "fetch_url": "fetch",
    "is_url": "fetch",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
