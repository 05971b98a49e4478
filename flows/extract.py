"""The extract flow: sources -> fetched bytes -> documents -> records -> output folder.

Reads like a table of contents: one task per stage, no parsing logic here.
Files, folders and URLs go in; the output folder of CONTRACT.md comes out:
`records.jsonl`, `documents.jsonl`, `rejected.jsonl`, `manifest.json`, `schema/`.

A PDF with more pages than `split_pages` is read in page ranges of about that
many pages, a task each, and one more task joins them into the Document one
read gives (`read_all`); the others are read in one task.

Each document's reading and drafts are cached (Prefect cache keys, results
persisted under the cache folder, see `flows/__init__.py`): the key is the
document's URI, the sha256 of its bytes and the work fingerprint (code, rules,
model and library versions, reading settings); a page range's key adds the
range, the join's the split size. A rerun, or a run started again after it
was killed, reuses what was done; any code or model change misses the cache.
Fetching is never cached.
"""
from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from prefect import Task, flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed

from extractors.reading import (discover_sources, fetch_source, join_pdf_parts, pdf_ranges, read_document,
                                read_pdf_part)
from extractors.records import build_records, document_drafts
from extractors.settings import Settings
from extractors.versions import versions_fingerprint, work_fingerprint
from flows.inputs import skipped_files
from flows.output import manifest_for, write_outputs
from flows.reporting import announce_end, announce_start, finished, publish_artifact, say
from flows.runcache import RunSummary, save_run, summary_of
from schemas.document import DocStatus, Document, Fetched
from schemas.records import Rejected

if TYPE_CHECKING:
    from extractors.reading.pdf import PdfPart


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


def _pages_key(context, parameters) -> str | None:
    fetched, settings = parameters["fetched"], parameters["settings"]
    if fetched.error or fetched.sha256 is None:
        return None
    return "read-pages-" + _digest(fetched.uri, fetched.sha256, fetched.media_type, fetched.charset,
                                   f"{parameters['first']}-{parameters['last']}", work_fingerprint(settings))


def _join_key(context, parameters) -> str | None:
    fetched, settings = parameters["fetched"], parameters["settings"]
    if fetched.error or fetched.sha256 is None:
        return None
    return "read-joined-" + _digest(fetched.uri, fetched.sha256, fetched.media_type, fetched.charset,
                                    f"split {settings.split_pages}", work_fingerprint(settings))


def _drafts_key(context, parameters) -> str | None:
    doc = parameters["doc"]
    if doc.status != DocStatus.ok:
        return None
    return "drafts-" + _digest(doc.uri, doc.sha256, hashlib.sha256(doc.text.encode("utf-8")).hexdigest(),
                               versions_fingerprint())


@task(name="read", task_run_name="read {fetched.uri}", cache_key_fn=_read_key, persist_result=True)
def read_task(fetched: Fetched, settings: Settings) -> Document:
    return read_document(fetched, settings)


def _pages_run_name(parameters: dict) -> str:
    last = parameters["last"]
    return f"read {parameters['fetched'].uri} pages {parameters['first'] + 1}-{'end' if last is None else last}"


@task(name="read-pages", task_run_name=_pages_run_name, cache_key_fn=_pages_key, persist_result=True)
def read_pages_task(fetched: Fetched, first: int, last: int | None, settings: Settings) -> PdfPart | Document:
    return read_pdf_part(fetched, first, last, settings)


@task(name="join-pages", task_run_name="join {fetched.uri}", cache_key_fn=_join_key, persist_result=True)
def join_pages_task(fetched: Fetched, parts: list[PdfPart | Document], settings: Settings) -> Document:
    return join_pdf_parts(fetched, parts, settings)


@task(name="candidates", task_run_name="candidates {doc.uri}", cache_key_fn=_drafts_key, persist_result=True)
def drafts_task(doc: Document) -> list[dict]:
    return document_drafts(doc)


class DocumentTasks(NamedTuple):
    read: Task  # a document read whole
    pages: Task  # a page range of a long PDF ...
    join: Task  # ... and the ranges joined into its Document
    drafts: Task


def document_tasks(cache: bool = True) -> DocumentTasks:
    """The tasks run per document: cached and persisted, or (cache=False) neither."""
    tasks = DocumentTasks(read_task, read_pages_task, join_pages_task, drafts_task)
    if cache:
        return tasks
    return DocumentTasks(*(t.with_options(cache_policy=NO_CACHE, persist_result=False) for t in tasks))


@task(name="records", cache_policy=NO_CACHE)
def records_task(documents: list[Document], drafts: list[list[dict]]) -> tuple[list[dict], list[Rejected]]:
    return build_records(documents, drafts)


@task(name="write-outputs", cache_policy=NO_CACHE)
def write_outputs_task(out: Path, documents: list[Document], records: list[dict], rejected: list[Rejected],
                       manifest: dict) -> None:
    write_outputs(out, documents, records, rejected, manifest)


def _progress(done: int, total: int, doc: Document, cached: bool, progress: bool) -> None:
    ok = doc.status == DocStatus.ok
    detail = f"{len(doc.pages)} pages, {len(doc.text)} chars" if ok else doc.error
    detail += ", cached" if cached else ""
    say(f"[{done:>{len(str(total))}}/{total}] {doc.status.value:<9} {doc.uri}  ({detail})", progress,
        warning=not ok and doc.status != DocStatus.skipped)


def _cached(future) -> bool:
    return future.state.name == "Cached"


@dataclass
class Reading:
    """One source's reading: a read task, or (a long PDF) a task per page range and, once they are done, a join."""

    fetched: Fetched
    document: PrefectFuture | None = None  # the Document
    parts: list[PrefectFuture] = field(default_factory=list)

    @cached_property
    def cached(self) -> bool:
        """Every task of the reading was answered from the cache: nothing was read. Ask once it is done."""
        return all(_cached(f) for f in (*self.parts, self.document))


def start_reading(fetched: Fetched, settings: Settings, tasks: DocumentTasks) -> Reading:
    """Submit a source's reading: one read task, or a long PDF's page ranges (its join is not submitted yet)."""
    ranges = pdf_ranges(fetched, settings)
    if ranges is None:
        return Reading(fetched, document=tasks.read.submit(fetched, settings))
    return Reading(fetched, parts=[tasks.pages.submit(fetched, first, last, settings) for first, last in ranges])


def submit_read(fetched: Fetched, settings: Settings, tasks: DocumentTasks) -> PrefectFuture:
    """A source's reading submitted at once, for a flow that cannot wait (the crawl): its Document's future.

    A long PDF's join is given its page ranges' futures, which Prefect resolves to their values
    before it runs (on threads, a process pool or Dask alike).
    """
    reading = start_reading(fetched, settings, tasks)
    if reading.document is None:
        reading.document = tasks.join.submit(fetched, reading.parts, settings)
    return reading.document


def read_all(fetches: list[PrefectFuture], settings: Settings, tasks: DocumentTasks) -> list[Reading]:
    """Each source's reading, submitted as soon as its bytes are fetched, in the order of `fetches`;
    a long PDF's join is submitted with its parts' values as soon as the last of them is read."""
    where = {id(f): i for i, f in enumerate(fetches)}
    reads: list = [None] * len(fetches)
    for fut in as_completed(fetches):
        reads[where[id(fut)]] = start_reading(fut.result(), settings, tasks)
    parts = [part for r in reads for part in r.parts]
    owner = {id(part): r for r in reads for part in r.parts}
    left = {id(r): len(r.parts) for r in reads}
    for fut in as_completed(parts):
        r = owner[id(fut)]
        left[id(r)] -= 1
        if not left[id(r)]:
            r.document = tasks.join.submit(r.fetched, [part.result() for part in r.parts], settings)
    return reads


def process_all(sources: list[str], settings: Settings, progress: bool, cache: bool = True
                ) -> tuple[list[Document], list[list[dict]], dict[str, int]]:
    """Fetch, read and draft every source as tasks; (documents, drafts, cache hits) in the order of `sources`.

    Each stage is submitted as soon as its input is ready, with the value (not
    the future) as its parameter, so the same code runs on threads, a process
    pool or Dask workers.
    """
    tasks = document_tasks(cache)
    fetches = [fetch_task.submit(s, settings) for s in sources]
    reads = read_all(fetches, settings, tasks)
    where = {id(r.document): i for i, r in enumerate(reads)}
    drafts: list = [None] * len(sources)
    for fut in as_completed([r.document for r in reads]):
        i = where[id(fut)]
        drafts[i] = tasks.drafts.submit(fut.result())
    where = {id(f): i for i, f in enumerate(drafts)}
    for n, fut in enumerate(as_completed(drafts), start=1):
        fut.wait()
        i = where[id(fut)]
        _progress(n, len(drafts), reads[i].document.result(), reads[i].cached and _cached(fut), progress)
    hits = {"read": sum(r.cached for r in reads), "drafts": sum(_cached(f) for f in drafts)}
    return [r.document.result() for r in reads], [f.result() for f in drafts], hits


def finish_run(flow_name: str, out: str, documents: list[Document], drafts: list[list[dict]], run: dict,
               settings: Settings) -> RunSummary:
    """Records from the documents' drafts, then the output folder; shared by the extract and crawl flows.

    `run` holds the manifest's run-specific fields (id, started, inputs, and the
    crawl's report); counts, versions and settings are added here. The run's
    counts go to the log and, as a markdown artifact, to the flow run in the UI.
    """
    records, rejected = records_task(documents, drafts)
    manifest = manifest_for(run, documents, records, rejected, settings)
    write_outputs_task(Path(out), documents, records, rejected, manifest)
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
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(), "inputs": inputs,
           "skipped_files": skipped_files(inputs)}
    documents, drafts, hits = process_all(discover_sources(inputs), settings, progress, cache)
    run["cache"] = {"enabled": cache, "hits": hits, "whole_run": False}
    summary = finish_run("chusho-extract", out, documents, drafts, run, settings)
    return finished(summary, documents)
