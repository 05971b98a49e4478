"""The extract flow: sources -> fetched bytes -> documents -> records -> output folder.

Reads like a table of contents: one task per stage, no parsing logic here.
Files, folders and URLs go in; the output folder of CONTRACT.md comes out:
`records.jsonl`, `documents.jsonl`, `rejected.jsonl`, `manifest.json`, `schema/`.

Each document's reading and drafts are cached (Prefect cache keys, results
persisted under the cache folder, see `flows/__init__.py`): the key is the
document's URI, the sha256 of its bytes and the work fingerprint (code, rules,
model and library versions, reading settings). A rerun, or a run started
again after it was killed, reuses what was done; any code or model change
misses the cache. Fetching is never cached.
"""
from __future__ import annotations

import hashlib
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
from extractors.versions import versions, versions_fingerprint, work_fingerprint
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


def _digest(*parts: str | None) -> str:
    return hashlib.sha256("|".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:32]


def _read_key(context, parameters) -> str | None:
    fetched, settings = parameters["fetched"], parameters["settings"]
    if fetched.error or fetched.sha256 is None:
        return None  # nothing was fetched: nothing to cache
    return "read-" + _digest(fetched.uri, fetched.sha256, fetched.media_type, fetched.charset,
                             work_fingerprint(settings))


def _drafts_key(context, parameters) -> str | None:
    doc = parameters["doc"]
    if doc.status != DocStatus.ok:
        return None
    return "drafts-" + _digest(doc.uri, doc.sha256, hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                               versions_fingerprint())


@task(name="read", task_run_name="read {fetched.uri}", cache_key_fn=_read_key, persist_result=True)
def read_task(fetched: Fetched, settings: Settings) -> Document:
    return read_document(fetched, settings)


@task(name="candidates", task_run_name="candidates {doc.uri}", cache_key_fn=_drafts_key, persist_result=True)
def drafts_task(doc: Document) -> list[dict]:
    return document_drafts(doc)


def document_tasks(cache: bool = True):
    """(read, drafts) tasks: cached and persisted, or (cache=False) neither."""
    if cache:
        return read_task, drafts_task
    return (read_task.with_options(cache_policy=NO_CACHE, persist_result=False),
            drafts_task.with_options(cache_policy=NO_CACHE, persist_result=False))


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


def _progress(done: int, total: int, doc: Document, cached: bool) -> None:
    detail = f"{len(doc.pages)} pages, {len(doc.text)} chars" if doc.status == DocStatus.ok else doc.error
    detail += ", cached" if cached else ""
    print(f"[{done:>{len(str(total))}}/{total}] {doc.status.value:<9} {doc.uri}  ({detail})", file=sys.stderr,
          flush=True)


def _cached(future) -> bool:
    return future.state.name == "Cached"


def process_all(sources: list[str], settings: Settings, progress: bool, cache: bool = True
                ) -> tuple[list[Document], list[list[dict]], dict[str, int]]:
    """Fetch, read and draft every source as tasks; (documents, drafts, cache hits) in the order of `sources`."""
    read, draft = document_tasks(cache)
    fetched = [fetch_task.submit(s, settings) for s in sources]
    reads = [read.submit(f, settings) for f in fetched]
    drafts = [draft.submit(r) for r in reads]
    index = {id(f): i for i, f in enumerate(drafts)}
    for n, fut in enumerate(as_completed(drafts), start=1):
        fut.wait()
        i = index[id(fut)]
        if progress:
            _progress(n, len(drafts), reads[i].result(), _cached(reads[i]) and _cached(fut))
    hits = {"read": sum(_cached(f) for f in reads), "drafts": sum(_cached(f) for f in drafts)}
    return [f.result() for f in reads], [f.result() for f in drafts], hits


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
def extract_flow(inputs: list[str], out: str, settings: Settings | None = None, progress: bool = False,
                 cache: bool = True) -> RunSummary:
    """Run the pipeline on files, folders and URLs and write the output folder `out`."""
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(), "inputs": inputs}
    documents, drafts, hits = process_all(discover_sources(inputs), settings, progress, cache)
    run["cache"] = {"enabled": cache, "hits": hits}
    return finish_run(out, documents, drafts, run, settings)
