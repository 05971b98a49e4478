"""The records the package builds from one invented text, as the record tests read them (with the real
ja_ginza model, through `build_records`, as a run does)."""
from __future__ import annotations

import hashlib

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def records_of(text: str, title: str | None = None, uri: str = "file:///invented.txt") -> tuple[str, list[dict]]:
    """(the text as the package reads it, the records built from it); every evidence span's quote is checked
    against that text."""
    text = normalize_text(text)
    doc = Document(uri=uri, sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=title, text=text)
    records, _ = build_records([doc], [document_drafts(doc)])
    for r in records:
        assert all(text[ev["start"]:ev["end"]] == ev["quote"] for ev in r["sources"] if ev["uri"] == uri)
    return text, records


def the_record(text: str, rtype: str) -> dict:
    """The one record of type `rtype` built from `text` (fails unless there is exactly one)."""
    _, records = records_of(text)
    (record,) = [r for r in records if r["type"] == rtype]
    return record


def summit_fields(text: str, *fields: str) -> list[tuple]:
    """The values of `fields` of each summit record built from `text`, as a tuple, in the records' order."""
    _, records = records_of(text)
    return [tuple(r[f] for f in fields) for r in records if r["type"] == "summit"]


def summit_hosts(text: str) -> list[tuple]:
    """(edition, host) of each summit record built from `text`, in the records' order."""
    return summit_fields(text, "edition", "host")


def summit_themes(text: str) -> list[tuple]:
    """(edition, theme) of each summit record built from `text`, in the records' order."""
    return summit_fields(text, "edition", "theme")


def field_spans(record: dict, field: str) -> list[dict]:
    """The evidence spans of a record that name `field`."""
    return [ev for ev in record["sources"] if ev["field"] == field]


def agreement_parties(records: list[dict]) -> list[list[str]]:
    """Each agreement record's party names, sorted, in the records' order."""
    return [sorted(p["name"] for p in r["parties"]) for r in records if r["type"] == "agreement"]
