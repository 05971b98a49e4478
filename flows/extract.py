"""The extract flow: sources -> fetched bytes -> documents -> records -> output folder.

Reads like a table of contents: one task per stage, no parsing logic here.
Files, folders and URLs go in; the output folder of CONTRACT.md comes out:
`records.jsonl`, `documents.jsonl`, `rejected.jsonl`, `manifest.json`, `schema/`.
"""
from __future__ import annotations

import sys
import uuid
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.futures import as_completed
from pydantic import BaseModel, ConfigDict

from extractors.documents import read_document
from extractors.records import build_records, document_drafts
from extractors.fetch import discover_sources, fetch_source
from extractors.settings import Settings
from extractors.versions import versions
from flows.output import write_json, write_jsonl
from schemas.document import DocStatus, Document, Fetched
from schemas.records import RECORD_TYPES, Rejected


class RunSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    run_id: str
    out: str
    documents: int
    counts: dict[str, int]
    records: dict[str, int] = {}


@task(name="fetch", task_run_name="fetch {source}")
def fetch_task(source: str, settings: Settings) -> Fetched:
    return fetch_source(source, settings)


@task(name="read", task_run_name="read {fetched.uri}")
def read_task(fetched: Fetched, settings: Settings) -> Document:
    return read_document(fetched, settings)


@task(name="candidates", task_run_name="candidates {doc.uri}")
def drafts_task(doc: Document) -> list[dict]:
    return document_drafts(doc)


@task(name="records")
def records_task(documents: list[Document], drafts: list[list[dict]]) -> tuple[list[dict], list[Rejected]]:
    return build_records(documents, drafts)


@task(name="write-outputs")
def write_outputs_task(out: Path, documents: list[Document], records: list[dict], rejected: list[Rejected],
                       manifest: dict) -> None:
    for name, model in RECORD_TYPES.items():
        write_json(out / "schema" / f"{name}.json", model.model_json_schema())
    write_jsonl(out / "documents.jsonl", documents)
    write_jsonl(out / "rejected.jsonl", rejected)
    write_jsonl(out / "records.jsonl", records)
    write_json(out / "manifest.json", manifest)  # last: its presence marks a finished run


def _progress(done: int, total: int, doc: Document) -> None:
    detail = f"{len(doc.pages)} pages, {len(doc.text)} chars" if doc.status == DocStatus.ok else doc.error
    print(f"[{done:>{len(str(total))}}/{total}] {doc.status.value:<9} {doc.uri}  ({detail})", file=sys.stderr,
          flush=True)


def read_all(sources: list[str], settings: Settings, progress: bool) -> list[Document]:
    """Fetch and read every source as tasks; documents come back in the order of `sources`."""
    fetched = [fetch_task.submit(s, settings) for s in sources]
    reads = [read_task.submit(f, settings) for f in fetched]
    index = {id(f): i for i, f in enumerate(reads)}
    docs: list[Document | None] = [None] * len(reads)
    for n, fut in enumerate(as_completed(reads), start=1):
        doc = fut.result()
        docs[index[id(fut)]] = doc
        if progress:
            _progress(n, len(reads), doc)
    return [d for d in docs if d is not None]


@flow(name="chusho-extract", log_prints=False)
def extract_flow(inputs: list[str], out: str, settings: Settings | None = None, progress: bool = False) -> RunSummary:
    """Run the pipeline on files, folders and URLs and write the output folder `out`."""
    settings = settings or Settings()
    started = datetime.now(timezone.utc)
    run_id = str(uuid.uuid4())
    sources = discover_sources(inputs)
    documents = read_all(sources, settings, progress)
    drafts = [f.result() for f in [drafts_task.submit(d) for d in documents]]
    records, rejected = records_task(documents, drafts)
    counts = Counter(d.status.value for d in documents)
    per_type = Counter(r["type"] for r in records)
    manifest = {
        "id": run_id,
        "started": started.isoformat(),
        "finished": datetime.now(timezone.utc).isoformat(),
        "inputs": inputs,
        "documents": len(documents),
        "counts": {"documents": dict(sorted(counts.items())), "records": {t: per_type.get(t, 0) for t in RECORD_TYPES},
                   "rejected": len(rejected)},
        "versions": versions(),
        "settings": settings.model_dump(mode="json"),
    }
    out_dir = Path(out)
    write_outputs_task(out_dir, documents, records, rejected, manifest)
    return RunSummary(run_id=run_id, out=str(out_dir), documents=len(documents), counts=dict(counts),
                      records=dict(per_type))
