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
import uuid
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import as_completed

from extractors.reading import discover_sources, fetch_source, read_document
from extractors.records import build_records, document_drafts
from extractors.settings import Settings
from extractors.versions import versions_fingerprint, work_fingerprint
from flows.inputs import skipped_files
from flows.output import manifest_for, write_outputs
from flows.reporting import announce_end, announce_start, finished, publish_artifact, say
from flows.runcache import RunSummary, save_run, summary_of
from flows.timeline import mark
from schemas.document import DocStatus, Document, Fetched
from schemas.records import Rejected


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


def read_stage(fetched: Fetched, settings: Settings) -> Document:
    return read_document(fetched, settings)


def drafts_stage(doc: Document) -> list[dict]:
    return document_drafts(doc)


_READ = dict(name="read", task_run_name="read {fetched.uri}")
_DRAFTS = dict(name="candidates", task_run_name="candidates {doc.uri}")
read_task = task(**_READ, cache_key_fn=_read_key, persist_result=True)(read_stage)
drafts_task = task(**_DRAFTS, cache_key_fn=_drafts_key, persist_result=True)(drafts_stage)
# --no-cache: the same work as tasks with no cache key at all (with_options cannot drop a cache_key_fn)
_read_uncached = task(**_READ, cache_policy=NO_CACHE, persist_result=False)(read_stage)
_drafts_uncached = task(**_DRAFTS, cache_policy=NO_CACHE, persist_result=False)(drafts_stage)


def document_tasks(cache: bool = True):
    """(read, drafts) tasks: cached and persisted, or (cache=False) neither."""
    return (read_task, drafts_task) if cache else (_read_uncached, _drafts_uncached)


@task(name="records", cache_policy=NO_CACHE)
def records_task(documents: list[Document], drafts: list[list[dict]]) -> tuple[list[dict], list[Rejected]]:
    return build_records(documents, drafts)


@task(name="write-outputs", cache_policy=NO_CACHE)
def write_outputs_task(out: Path, documents: list[Document], records: list[dict], rejected: list[Rejected],
                       manifest: dict) -> None:
    write_outputs(out, documents, records, rejected, manifest)


def _progress(done: int, total: int, doc: Document, cached: bool, progress: bool) -> None:
    mark(f"document {done}/{total} read and drafted: {doc.uri}")
    ok = doc.status == DocStatus.ok
    detail = f"{len(doc.pages)} pages, {len(doc.text)} chars" if ok else doc.error
    detail += ", cached" if cached else ""
    say(f"[{done:>{len(str(total))}}/{total}] {doc.status.value:<9} {doc.uri}  ({detail})", progress,
        warning=not ok and doc.status != DocStatus.skipped)


def _cached(future) -> bool:
    return future.state.name == "Cached"


def process_all(sources: list[str], settings: Settings, progress: bool, cache: bool = True
                ) -> tuple[list[Document], list[list[dict]], dict[str, int]]:
    """Fetch, read and draft every source as tasks; (documents, drafts, cache hits) in the order of `sources`.

    Each stage is submitted as soon as its input is ready, with the value (not
    the future) as its parameter, so the same code runs on threads, a process
    pool or Dask workers.
    """
    read, draft = document_tasks(cache)
    fetches = [fetch_task.submit(s, settings) for s in sources]
    where = {id(f): i for i, f in enumerate(fetches)}
    reads: list = [None] * len(sources)
    for fut in as_completed(fetches):
        i = where[id(fut)]
        reads[i] = read.submit(fut.result(), settings)
    where = {id(f): i for i, f in enumerate(reads)}
    drafts: list = [None] * len(sources)
    for fut in as_completed(reads):
        i = where[id(fut)]
        drafts[i] = draft.submit(fut.result())
    where = {id(f): i for i, f in enumerate(drafts)}
    for n, fut in enumerate(as_completed(drafts), start=1):
        fut.wait()
        i = where[id(fut)]
        _progress(n, len(drafts), reads[i].result(), _cached(reads[i]) and _cached(fut), progress)
    hits = {"read": sum(_cached(f) for f in reads), "drafts": sum(_cached(f) for f in drafts)}
    return [f.result() for f in reads], [f.result() for f in drafts], hits


def finish_run(flow_name: str, out: str, documents: list[Document], drafts: list[list[dict]], run: dict,
               settings: Settings) -> RunSummary:
    """Records from the documents' drafts, then the output folder; shared by the extract and crawl flows.

    `run` holds the manifest's run-specific fields (id, started, inputs, and the
    crawl's report); counts, versions and settings are added here. The run's
    counts go to the log and, as a markdown artifact, to the flow run in the UI.
    """
    records, rejected = records_task(documents, drafts)
    mark("records built")
    manifest = manifest_for(run, documents, records, rejected, settings)
    write_outputs_task(Path(out), documents, records, rejected, manifest)
    mark("output folder written")
    if run.get("cache", {}).get("enabled") and "crawl" not in run:
        save_run(documents, records, rejected, manifest)
    summary = summary_of(manifest, out)
    publish_artifact(flow_name, manifest, documents, str(out))
    say(finished(summary, documents).message, progress=False)  # the log's last line; the CLI prints its own
    return summary


@flow(name="chusho-extract", log_prints=False, on_running=[announce_start],
      on_completion=[announce_end], on_failure=[announce_end], on_crashed=[announce_end],
      on_cancellation=[announce_end])
def extract_flow(inputs: list[str], out: str, settings: Settings | None = None, progress: bool = False,
                 cache: bool = True) -> RunSummary:
    """Run the pipeline on files, folders and URLs and write the output folder `out`.

    Its final state's message gives the counts and the documents that could not be read.
    """
    mark("flow run running")
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(), "inputs": inputs,
           "skipped_files": skipped_files(inputs)}
    documents, drafts, hits = process_all(discover_sources(inputs), settings, progress, cache)
    run["cache"] = {"enabled": cache, "hits": hits, "whole_run": False}
    summary = finish_run("chusho-extract", out, documents, drafts, run, settings)
    return finished(summary, documents)
