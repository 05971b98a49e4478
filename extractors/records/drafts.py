"""Draft records: one record as one document's assembler read it, before merging.

Takes the assemblers' working dicts and gives `Draft`s: what `document_drafts`
returns, what crosses a task or process (pickled) and the crawl state (as JSON,
`as_dict` / `from_dict`), and what `build_records` groups, merges and grounds.

The assemblers (`summits`, `agreements`, `ordinances` and their helpers) build
and edit a draft as a plain dict while they work: `{"type": ..., <fields>,
"confidence": ..., "evidence": [...]}`, with working keys of their own (an
agreement's `_sentence`, an ordinance's `_renamed`) that they drop before they
return. `Draft.from_dict` is the one adapter from that form, in
`build.drafts_from_candidates`; it refuses a working key left behind.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from extractors.records.spans import Span, as_span
from schemas.document import Document


@dataclass
class Draft:
    """A record of one type as one document gives it, with the spans it was read from."""

    type: str
    """The record type's name ("summit", "agreement", "ordinance": `record_types.TYPES`)."""
    fields: dict[str, Any]
    """The record's field values as read, by the schema's field names (a field the text does not
    give is None or empty); no `id`, `sources`, codes or record confidence: `build` adds those."""
    confidence: float
    """The assembler's rating of the structure it read (a list row above a mention in prose): it
    orders drafts when merging, most confident first; not the record's `confidence`."""
    evidence: list[Span]
    """Offsets into the document's text: the sentence, line or row that states the record (`field`
    None) and, for each field value, the characters it was read from (`spans`)."""
    doc: Document | None = None
    """The document the draft was read from; None until `build_records` places it."""

    @classmethod
    def from_dict(cls, d: dict) -> Draft:
        """A draft from an assembler's dict (or the crawl state's JSON of `as_dict`)."""
        working = [k for k in d if k.startswith("_")]
        if working:
            raise ValueError(f"a {d.get('type')} draft still holds the assembler's working keys {working}")
        fields = {k: v for k, v in d.items() if k not in ("type", "confidence", "evidence")}
        return cls(type=d["type"], fields=fields, confidence=d["confidence"],
                   evidence=[as_span(t) for t in d["evidence"]])

    def as_dict(self) -> dict:
        """The draft as the assemblers' flat dict (JSON-able: spans are tuples), without its document."""
        return {"type": self.type, **self.fields, "confidence": self.confidence, "evidence": list(self.evidence)}
