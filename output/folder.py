"""The output folder of CONTRACT.md, written as a whole: `write_outputs(out, documents, records, rejected, manifest)`.

Takes a run's documents, records, rejected candidates and manifest and gives
the folder's files: records.jsonl, documents.jsonl, rejected.jsonl,
schema/*.json, records-<type>.csv (`output/tables.py`), records.sqlite
and datasette.json (`output/database.py`), review.html (`output/review.py`), changes.jsonl
(`output/changes.py`, from the second run into a folder on) and manifest.json,
put in place of the folder's previous files as a whole (`output/atomic.py`).
"""
from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from output.atomic import replace_output
from output.changes import (CHANGES_NAME, carry_ids, change_counts, history, kept_records, partial_run, previous_run,
                            record_changes)
from output.database import DATASETTE_NAME, SQLITE_NAME, build_database, datasette_metadata
from output.jsonlines import jsonl
from output.manifest import linking_counts, record_counts
from output.review import REVIEW_NAME, record_label, render_review
from output.tables import csv_name, records_csv
from schemas.records import RECORD_TYPES, json_schema


@lru_cache(maxsize=1)
def schema_texts() -> dict[str, str]:
    """schema/*.json's texts: each record type's schema, and record.json (any line of records.jsonl); made
    once per process (pydantic builds them: a few hundredths of a second), the same for every run."""
    return {f"schema/{name or 'record'}.json": json.dumps(json_schema(name), ensure_ascii=False, indent=2) + "\n"
            for name in (*RECORD_TYPES, None)}


def write_outputs(out: Path, documents: list, records: list[dict], rejected: list, manifest: dict) -> dict:
    """The output folder of CONTRACT.md, replaced as a whole (`replace_output`), manifest.json last;
    gives the manifest written.

    The finished run the folder held (if any) is read first, for `changes.jsonl`
    and the manifest's `changes` counts; a stopped run keeps that run's records
    of the documents it did not finish (the manifest's `kept`). Should the new files not all be written
    (a full disk), that run's files are left as they were.
    """
    previous = previous_run(out)
    if previous:
        records = carry_ids(previous, records)  # a corrected record keeps its id (output/changes.py)
    if previous and partial_run(manifest) and (kept := kept_records(previous, records, documents)):
        records = records + kept  # a stopped run keeps what it did not read again (output/changes.py)
        manifest = {**manifest, "counts": {**manifest["counts"], "records": record_counts(records)},
                    "linking": linking_counts(records),
                    "kept": {"from_run": previous.run_id, "records": len(kept)}}
    changes = record_changes(previous, records, documents, manifest) if previous else None
    if changes is not None:
        manifest = {**manifest, "changes": change_counts(previous, changes)}
    earlier = history(out)
    texts = dict(schema_texts())
    texts["documents.jsonl"] = jsonl(documents)
    texts["rejected.jsonl"] = jsonl(rejected)
    texts["records.jsonl"] = jsonl(records)
    for name in RECORD_TYPES:
        texts[csv_name(name)] = records_csv(records, name, documents)
    if changes is not None or earlier:  # the history, with this run's lines appended
        texts[CHANGES_NAME] = jsonl(earlier + (changes or []))
    texts[DATASETTE_NAME] = datasette_metadata()
    texts[REVIEW_NAME] = render_review(documents, records, rejected, manifest, changes)
    texts["manifest.json"] = json.dumps(manifest, ensure_ascii=False, indent=2) + "\n"  # last: marks a finished run
    files: dict[str, bytes | Callable[[Path], None]] = {name: text.encode("utf-8") for name, text in texts.items()}
    files[SQLITE_NAME] = lambda path: build_database(path, documents, records, earlier + (changes or []),
                                                     record_label)
    files["manifest.json"] = files.pop("manifest.json")  # (renamed in last in any case)
    replace_output(out, files)
    return manifest
