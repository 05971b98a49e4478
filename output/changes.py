"""The change feed: what each run changed in the record set of its output folder, kept as a history.

`previous_run(out)` reads the finished run an output folder holds (its
`manifest.json` marks it finished) before the new run overwrites it: its id,
records (schema 1.0 records upgraded to the current shape, `records.linking`)
and the (uri, sha256, status) of its documents, never their text.
`carry_ids(previous, records)` gives a record whose identifying facts were
corrected the id it had (below). `record_changes(previous, records, documents)`
gives the new lines of `changes.jsonl` (CONTRACT.md), and `history(out)` the
lines the folder already holds: each run appends its lines, stamped with its
`run_id` and time `at`, to that history (the whole file is written anew,
atomically, like every output file).

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
  municipality) gives another id, unless `carry_ids` finds the record of the
  previous run it corrects: then the new record keeps the old id and is
  `changed`, with the old and new values.
- Carrying ids: a new record whose id the previous run did not have, and a
  previous record whose id is gone, are the same record when they are of one
  type, were read from at least one document in common, and differ in at most
  one of their identifying facts (an agreement's parties, one party added,
  dropped or renamed, counting as one; its date; a summit's series, edition,
  date or host; an ordinance's name, municipality, number or date). Pairs
  that differ least are taken first, each record once. A fresh output folder
  gives the id of the facts; a folder's history keeps its ids.
- `documents`: the URIs of the record's source documents (old and new) that
  differ from the previous run: new, edited (another sha256), gone or no longer
  read. Empty when no document changed, e.g. when a code or model change made
  the difference.
- A stopped run (Ctrl-C, or a crawl cut short by its limits: `partial_run`)
  did not read every document: `kept_records` gives the previous run's records
  that rest only on documents it did not finish (skipped with error code
  `stopped`, or not reached at all), and the run keeps them, as they were, in
  its folder. So they are neither `removed` by the stopped run nor `added`
  again by the next one, and the folder loses nothing it knew.
"""
from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from output.jsonlines import read_jsonl, to_jsonable
from schemas.records import RECORD_TYPES, RecordBase, party_names

CHANGES_NAME = "changes.jsonl"

CHANGE_KINDS = ("added", "changed", "removed")
STOPPED_CODE = "stopped"  # documents.jsonl error_code of a document a stopped run did not do (CONTRACT.md)
# Not facts of a record: its identity, where it was read, how sure we are.
NOT_COMPARED = frozenset(RecordBase.model_fields) | {"type", "party_names"}  # (party_names repeats parties)


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
        records = [_upgraded(r) for r in read_jsonl(out / "records.jsonl")]
        documents = {d["uri"]: (d.get("sha256"), d.get("status")) for d in read_jsonl(out / "documents.jsonl")}
        return PreviousRun(run_id=manifest["id"], records=records, documents=documents)
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _upgraded(record: dict) -> dict:
    """A record read back in the current shape: one of schema 1.0 (a folder an older version wrote)
    linked as `linking.upgrade_record` does, one of 1.1 as it is."""
    if record.get("schema_version", "1.0") != "1.0":
        return record
    # lazy: only an older folder's records need it (it imports every extractor: 0.3 s of a cached rerun's 0.7)
    from extractors.records.linking import upgrade_record

    return upgrade_record(record)


def history(out: Path) -> list[dict]:
    """The change lines the folder holds (every earlier run's), or [] when there are none or they cannot be read."""
    try:
        return read_jsonl(out / CHANGES_NAME, missing_ok=True)
    except (OSError, ValueError):
        return []


IDENTITY = {  # the facts that identify a record (its id is their hash) and that a correction may change
    "summit": ("series", "edition", "start_date", "host"),
    "agreement": ("parties", "signed_date", "kind"),
    "ordinance": ("name", "municipality", "number", "enacted_date"),
}


def differing_facts(old: dict, new: dict) -> int | None:
    """How many identifying facts differ (an agreement's parties: one party added, dropped or renamed is
    one); None when the two cannot be one record corrected (another type, or more than a party changed)."""
    if old["type"] != new["type"]:
        return None
    n = 0
    for f in IDENTITY[new["type"]]:
        if f == "parties":
            a, b = set(party_names(old)), set(party_names(new))
            if a != b:
                if len(a - b) > 1 or len(b - a) > 1 or not a & b:
                    return None
                n += 1
        elif old.get(f) != new.get(f):
            n += 1
    return n


def carry_ids(previous: PreviousRun, records: list[dict]) -> list[dict]:
    """The records, each that corrects a record of the previous run with that record's id (module docstring)."""
    old_ids = {r["id"] for r in previous.records}
    new_ids = {r["id"] for r in records}
    gone = [r for r in previous.records if r["id"] not in new_ids]
    fresh = [i for i, r in enumerate(records) if r["id"] not in old_ids]
    pairs = []
    for i in fresh:
        new_uris = set(_source_uris(records[i]))
        for j, old in enumerate(gone):
            shared = len(new_uris & set(_source_uris(old)))
            n = differing_facts(old, records[i]) if shared else None
            if n is not None and n <= 1:
                pairs.append((n, -shared, i, j))
    out = list(records)
    used_new, used_old = set(), set()
    for _, _, i, j in sorted(pairs):
        if i not in used_new and j not in used_old:
            used_new.add(i)
            used_old.add(j)
            out[i] = {**records[i], "id": gone[j]["id"]}
    return out


def compared_fields(record_type: str) -> list[str]:
    """The fields whose values make a record `changed`, in the schema's order."""
    return [f for f in RECORD_TYPES[record_type].model_fields if f not in NOT_COMPARED]


def field_changes(old: dict, new: dict) -> dict[str, dict]:
    return {f: {"old": old.get(f), "new": new.get(f)} for f in compared_fields(new["type"])
            if old.get(f) != new.get(f)}


def _source_uris(record: dict) -> list[str]:
    return list(dict.fromkeys(ev["uri"] for ev in record.get("sources", [])))


def partial_run(manifest: dict) -> bool:
    """Whether the run was stopped before it read everything: Ctrl-C, or a crawl's limits."""
    return bool(manifest.get("stopped") or (manifest.get("crawl") or {}).get("stopped"))


def kept_records(previous: PreviousRun, records: list[dict], documents) -> list[dict]:
    """The previous run's records that a stopped run keeps: every document they were read from is one
    the run did not finish (skipped with error code `stopped`) or did not reach, and the run gave no
    record of that id."""
    states = {}
    for d in documents:
        d = to_jsonable(d)
        states[d["uri"]] = d.get("error_code")
    ids = {r["id"] for r in records}
    return [r for r in previous.records
            if r["id"] not in ids and (uris := _source_uris(r))
            and all(states.get(uri, STOPPED_CODE) == STOPPED_CODE for uri in uris)]


def _document_state(documents) -> dict[str, tuple[str | None, str]]:
    out = {}
    for d in documents:
        d = to_jsonable(d)
        out[d["uri"]] = (d.get("sha256"), d.get("status"))
    return out


def record_changes(previous: PreviousRun, records: list[dict], documents, run: dict | None = None) -> list[dict]:
    """The change lines from `previous` to this run's `records` (their ids carried, `carry_ids`), in the
    order added, changed, removed; each stamped with the run's `id` and `finished` time when `run` is given."""
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
    stamp = {"run_id": run.get("id"), "at": run.get("finished")} if run else {}
    return [{**stamp, **line} for kind in CHANGE_KINDS
            for line in sorted(lines[kind], key=lambda c: (c["type"], c["id"]))]


def change_counts(previous: PreviousRun, changes: list[dict]) -> dict:
    """The manifest's `changes` section."""
    n = Counter(c["change"] for c in changes)
    return {"since_run": previous.run_id, **{kind: n.get(kind, 0) for kind in CHANGE_KINDS}}
