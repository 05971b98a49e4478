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
from prefect.cache_policies import NO_CACHE
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


# Inputs are documents' bytes and texts: Prefect must not hash them for a default cache key.
@task(name="fetch", task_run_name="fetch {source}", cache_policy=NO_CACHE)
def fetch_task(source: str, settings: Settings) -> Fetched:
    return fetch_source(source, settings)


@task(name="read", task_run_name="read {fetched.uri}", cache_policy=NO_CACHE)
def read_task(fetched: Fetched, settings: Settings) -> Document:
    return read_document(fetched, settings)


@task(name="candidates", task_run_name="candidates {doc.uri}", cache_policy=NO_CACHE)
def drafts_task(doc: Document) -> list[dict]:
    return document_drafts(doc)


@task(name="records", cache_policy=NO_CACHE)
def records_task(documents: list[Document], drafts: list[list[dict]]) -> tuple[list[dict], list[Rejected]]:
    return build_records(documents, drafts)


@task(name="write-outputs", cache_policy=NO_CACHE)
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


def finish_run(out: str, documents: list[Document], drafts: list[list[dict]], run: dict,
               settings: Settings) -> RunSummary:
    """Records from the documents' drafts, then the output folder; shared by the extract and crawl flows.

    `run` holds the manifest's run-specific fields (id, started, inputs, and the
    crawl's report); counts, versions and settings are added here.
    """
    records, rejected = records_task(documents, drafts)
    counts = Counter(d.status.value for d in documents)
    per_type = Counter(r["type"] for r in records)
    manifest = {
        **run,
        "finished": datetime.now(timezone.utc).isoformat(),
        "documents": len(documents),
        "counts": {"documents": dict(sorted(counts.items())), "records": {t: per_type.get(t, 0) for t in RECORD_TYPES},
                   "rejected": len(rejected)},
        "versions": versions(),
        "settings": settings.model_dump(mode="json"),
    }
    write_outputs_task(Path(out), documents, records, rejected, manifest)
    return RunSummary(run_id=run["id"], out=str(out), documents=len(documents), counts=dict(counts),
                      records=dict(per_type))


@flow(name="chusho-extract", log_prints=False)
def extract_flow(inputs: list[str], out: str, settings: Settings | None = None, progress: bool = False) -> RunSummary:
    """Run the pipeline on files, folders and URLs and write the output folder `out`."""
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(), "inputs": inputs}
    documents = read_all(discover_sources(inputs), settings, progress)
    drafts = [f.result() for f in [drafts_task.submit(d) for d in documents]]
    return finish_run(out, documents, drafts, run, settings)
