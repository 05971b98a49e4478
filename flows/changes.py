"""The change feed: what a run changed in the record set of its output folder since the run before.

`previous_run(out)` reads the finished run an output folder holds (its
`manifest.json` marks it finished) before the new run overwrites it: its id,
records and the (uri, sha256, status) of its documents, never their text.
`record_changes(previous, records, documents)` gives the lines of
`changes.jsonl` (CONTRACT.md):

- `added`: an id that was not there before; `removed`: an id that is gone
  (with the old record); `changed`: the same id with other field values, and
  `fields` giving the old and new value of each field that differs.
- What is compared: the fields of the record's type (`schemas/records.py`)
  minus `id`, `type`, `sources`, `confidence` and `schema_version`. Ids are the
  sha256 of the identifying facts (`extractors/records/build.py`), so a record
  whose evidence moved (other offsets, another page, one more source) but whose
  facts are the same is not changed; nor is one whose confidence moved with the
  number of its sources. An identifying fact that changes (an agreement's
  parties or signing date, a summit's series or edition, an ordinance's name or
  municipality) gives another id: the old record is removed and a new one added.
- `documents`: the URIs of the record's source documents (old and new) that
  differ from the previous run: new, edited (another sha256), gone or no longer
  read. Empty when no document changed, e.g. when a code or model change made
  the difference.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from flows.jsonlines import read_jsonl
from schemas.records import RECORD_TYPES, RecordBase

CHANGE_KINDS = ("added", "changed", "removed")
# Not facts of a record: its identity, where it was read, how sure we are.
NOT_COMPARED = frozenset(RecordBase.model_fields) | {"type"}


@dataclass(frozen=True)
class PreviousRun:
    """What the change feed needs of the finished run an output folder held."""

    run_id: str
    records: list[dict]
    documents: dict[str, tuple[str | None, str]]  # uri -> (sha256, status)


def previous_run(out: Path) -> PreviousRun | None:
    """The finished run in `out`, or None when there is none (or it cannot be read whole)."""
    try:
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        records = read_jsonl(out / "records.jsonl")
        documents = {d["uri"]: (d.get("sha256"), d.get("status")) for d in read_jsonl(out / "documents.jsonl")}
        return PreviousRun(run_id=manifest["id"], records=records, documents=documents)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def compared_fields(record_type: str) -> list[str]:
    """The fields whose values make a record `changed`, in the schema's order."""
    return [f for f in RECORD_TYPES[record_type].model_fields if f not in NOT_COMPARED]


def field_changes(old: dict, new: dict) -> dict[str, dict]:
    return {f: {"old": old.get(f), "new": new.get(f)} for f in compared_fields(new["type"])
            if old.get(f) != new.get(f)}


def _source_uris(record: dict) -> list[str]:
    return list(dict.fromkeys(ev["uri"] for ev in record.get("sources", [])))


def _document_state(documents) -> dict[str, tuple[str | None, str]]:
    out = {}
    for d in documents:
        d = d if isinstance(d, dict) else d.model_dump(mode="json")
        out[d["uri"]] = (d.get("sha256"), d.get("status"))
    return out


def record_changes(previous: PreviousRun, records: list[dict], documents) -> list[dict]:
    """The change lines from `previous` to this run's `records`, in the order added, changed, removed."""
    now_docs = _document_state(documents)
    moved = {uri for uri in set(previous.documents) | set(now_docs)
             if previous.documents.get(uri) != now_docs.get(uri)}
    old_by_id = {r["id"]: r for r in previous.records}
    new_by_id = {r["id"]: r for r in records}

    def caused_by(*recs: dict) -> list[str]:
        return sorted({u for r in recs for u in _source_uris(r) if u in moved})

    lines = {kind: [] for kind in CHANGE_KINDS}
    for rid, rec in new_by_id.items():
        old = old_by_id.get(rid)
        if old is None:
            lines["added"].append({"change": "added", "id": rid, "type": rec["type"], "record": rec,
                                   "documents": caused_by(rec)})
        elif fields := field_changes(old, rec):
            lines["changed"].append({"change": "changed", "id": rid, "type": rec["type"], "record": rec,
                                     "fields": fields, "documents": caused_by(old, rec)})
    for rid, old in old_by_id.items():
        if rid not in new_by_id:
            lines["removed"].append({"change": "removed", "id": rid, "type": old["type"], "record": old,
                                     "documents": caused_by(old)})
    return [line for kind in CHANGE_KINDS for line in sorted(lines[kind], key=lambda c: (c["type"], c["id"]))]


def change_counts(previous: PreviousRun, changes: list[dict]) -> dict:
    """The manifest's `changes` section."""
    n = Counter(c["change"] for c in changes)
    return {"since_run": previous.run_id, **{kind: n.get(kind, 0) for kind in CHANGE_KINDS}}
