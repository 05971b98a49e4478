"""Reading: sources to bytes to a `Document`.

Takes files, folders and http(s) URLs and gives `Fetched` (bytes, media type, sha256, HTTP
validators; `fetch`) and then a `Document` (normalised text, page offsets, title, status and a
clear error for bad input; `documents`). PDFs are read at the character level (`pdf`), scanned
pages through Tesseract (`ocr`), pages with their charset checked and the site chrome dropped
(`html`); every text goes through the one normalisation step (`normalize`) under a per-document
time limit (`deadline`). Nothing here raises for bad input: a failure is a status and an error.
"""
from extractors.reading.documents import read_document, sniff
from extractors.reading.fetch import discover_sources, fetch_file, fetch_source, fetch_url, is_url

__all__ = ["discover_sources", "fetch_file", "fetch_source", "fetch_url", "is_url", "read_document", "sniff"]
