"""Writing a run's output folder atomically (temp file + rename), per CONTRACT.md.

Files are created with the process umask (0644 under the usual 022), like any
other program's output: another user, a web server or the workers sharing
`/data` must be able to read them. (`tempfile.mkstemp` would make them 0600.)
"""
from __future__ import annotations

import json
import os
import secrets
from collections import Counter
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel

from extractors.versions import versions, work_fingerprint
from flows.changes import CHANGES_NAME, carry_ids, change_counts, history, previous_run, record_changes
from flows.review import REVIEW_NAME, record_label, render_review
from flows.sqlite_out import write_sqlite
from flows.tables import csv_name, records_csv
from schemas.records import RECORD_TYPES, json_schema


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)  # 0o666 & ~umask, as open() would
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def to_jsonable(item: BaseModel | dict) -> dict:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def jsonl(items: Iterable[BaseModel | dict]) -> str:
    return "".join(json.dumps(to_jsonable(i), ensure_ascii=False, sort_keys=False) + "\n" for i in items)


def write_jsonl(path: Path, items: Iterable[BaseModel | dict]) -> None:
    atomic_write_text(path, jsonl(items))


def write_json(path: Path, obj: BaseModel | dict) -> None:
    atomic_write_text(path, json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")


def manifest_for(run: dict, documents: list, records: list[dict], rejected: list, settings) -> dict:
    """manifest.json: the run's own fields, then counts, versions, fingerprint and settings."""
    counts = Counter(d.status.value for d in documents)
    per_type = Counter(r["type"] for r in records)
    return {
        **run,
        "finished": datetime.now(timezone.utc).isoformat(),
        "documents": len(documents),
        "counts": {"documents": dict(sorted(counts.items())), "records": {t: per_type.get(t, 0) for t in RECORD_TYPES},
                   "rejected": len(rejected)},
        "versions": versions(),
        "fingerprint": work_fingerprint(settings),
        "settings": settings.model_dump(mode="json"),
    }


def write_outputs(out: Path, documents: list, records: list[dict], rejected: list, manifest: dict) -> dict:
    """The output folder of CONTRACT.md, each file atomically, manifest.json last; gives the manifest written.

    The finished run the folder held (if any) is read first, for `changes.jsonl`
    and the manifest's `changes` counts; its manifest is then removed, so that a
    run killed half-way leaves no folder that looks finished but mixes two runs.
    """
    previous = previous_run(out)
    if previous:
        records = carry_ids(previous, records)  # a corrected record keeps its id (flows/changes.py)
    changes = record_changes(previous, records, documents, manifest) if previous else None
    if changes is not None:
        manifest = {**manifest, "changes": change_counts(previous, changes)}
    earlier = history(out)
    (out / "manifest.json").unlink(missing_ok=True)
    for name in (*RECORD_TYPES, None):  # each type's, and record.json: any line of records.jsonl
        write_json(out / "schema" / f"{name or 'record'}.json", json_schema(name))
    write_jsonl(out / "documents.jsonl", documents)
    write_jsonl(out / "rejected.jsonl", rejected)
    write_jsonl(out / "records.jsonl", records)
    for name in RECORD_TYPES:
        atomic_write_text(out / csv_name(name), records_csv(records, name, documents))
    if changes is not None or earlier:  # the history, with this run's lines appended
        write_jsonl(out / CHANGES_NAME, earlier + (changes or []))
    write_sqlite(out, documents, records, earlier + (changes or []), record_label)
    atomic_write_text(out / REVIEW_NAME, render_review(documents, records, rejected, manifest, changes))
    write_json(out / "manifest.json", manifest)  # last: its presence marks a finished run
    return manifest
