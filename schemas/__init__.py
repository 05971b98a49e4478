"""Data objects that cross module boundaries: Fetched, Document, Evidence, records.

This package imports nothing else of the project.
"""
from schemas.document import DocStatus, Document, Fetched, Page

__all__ = ["DocStatus", "Document", "Fetched", "Page"]
