"""Every task of the flows, with the cache keys of those whose work is cached.

The work itself is in `flows/runtime/stages.py`, as plain functions (no
Prefect; the model worker runs the same ones); a stage that needs the model is
the model worker's when the command line started one (`compute`, see
`runtime/modelworker.py`), else done in the task's process.

Per document (`document_tasks()`; how they are submitted: `flows/scheduling.py`):

    document    a small source read and drafted in one task (at most ONE_TASK_BYTES, not a long PDF)
    documents   several such sources read and drafted in turn, each with its `document` cache entry
                (on the process pool: `documents_task`)
    read        a source read whole
    read-pages  a page range of a long PDF ...
    join-pages  ... and the ranges joined into the Document one read gives
    candidates  a document's drafts in one task
    candidates-part  the candidates of a part of a long document's trigger regions ...
    drafts      ... and its drafts assembled from them

Each is cached (Prefect cache keys, results persisted under the cache folder,
see `runtime/environment.py`): the key is the document's URI, the sha256 of
its bytes and the work fingerprint (code, rules, model and library versions,
reading settings); a page range's key adds the range, the join's the split
size, a candidates part's its regions. A rerun, or a run started again after
it was killed, reuses what was done; any code or model change misses the
cache. A value that passed a limit (time, memory) is not cached. With
`cache=False` the same tasks have no cache key at all.

Per source given as a URL: `fetch` (never cached; a local file's bytes are read without a task,
`scheduling.read_all`). Per run: `records` (build, merge, validate) and
`write-outputs` (the output folder); for the crawl, `crawl-fetch`: one polite
request, retried with exponential backoff on 429, 5xx and timeouts.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from prefect import Task, task
from prefect.cache_policies import NO_CACHE
from prefect.results import get_result_store
from prefect.transactions import get_transaction

from extractors.crawling import HostGate, Robots, Scope, host_of
from extractors.reading import fetch_source, fetch_url
from extractors.records import build_records
from extractors.settings import Settings
from extractors.versions import versions_fingerprint, work_fingerprint
from flows.runtime import stages
from flows.runtime.modelworker import compute
from flows.runtime.stages import WorkFailed
from output import write_outputs
from schemas.document import DocStatus, Document, Fetched
from schemas.records import Candidate, Rejected

if TYPE_CHECKING:
    from extractors.reading.pdf import PdfPart


# Inputs are documents' bytes and texts: Prefect must not hash them for a default cache key.
@task(name="fetch", task_run_name="fetch {source}", cache_policy=NO_CACHE)
def fetch_task(source: str, settings: Settings) -> Fetched:
    return fetch_source(source, settings)


def _digest(*parts: str | None) -> str:
    return hashlib.sha256("|".join(p or "" for p in parts).encode("utf-8")).hexdigest()[:32]


def _fetched_key(parameters: dict, prefix: str, *extra: str) -> str | None:
    """A cache key for work on fetched bytes: their URI, sha256, type and the work fingerprint, plus `extra`."""
    fetched, settings = parameters["fetched"], parameters["settings"]
    if fetched.error or fetched.sha256 is None:
        return None  # nothing was fetched: nothing to cache
    return prefix + _digest(fetched.uri, fetched.sha256, fetched.media_type, fetched.charset, *extra,
                            work_fingerprint(settings))


@lru_cache(maxsize=16)
def _text_digest(text: str) -> str:
    """A text's sha256, computed once for the parts of a long text (each part's key holds it)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _doc_key(parameters: dict, prefix: str, *extra: str) -> str | None:
    """A cache key for work on a document's text: its URI, sha256, text and the versions, plus `extra`."""
    doc = parameters["doc"]
    if doc.status != DocStatus.ok:
        return None
    return prefix + _digest(doc.uri, doc.sha256, _text_digest(doc.text), *extra, versions_fingerprint())


def _read_key(context, parameters) -> str | None:
    return _fetched_key(parameters, "read-")


def _document_key(context, parameters) -> str | None:
    return _fetched_key(parameters, "document-read-")  # the work fingerprint covers the drafts' code and model


def _pages_key(context, parameters) -> str | None:
    return _fetched_key(parameters, "read-pages-", f"{parameters['first']}-{parameters['last']}")


def _join_key(context, parameters) -> str | None:
    return _fetched_key(parameters, "read-joined-", f"split {parameters['settings'].split_pages}")


def _drafts_key(context, parameters) -> str | None:
    return _doc_key(parameters, "drafts-")


def _candidates_key(context, parameters) -> str | None:
    return _doc_key(parameters, "candidates-", repr(parameters["regions"]))


def _pages_run_name(parameters: dict) -> str:
    last = parameters["last"]
    return f"read {parameters['fetched'].uri} pages {parameters['first'] + 1}-{'end' if last is None else last}"


def _candidates_run_name(parameters: dict) -> str:
    regions = parameters["regions"]
    return f"candidates {parameters['doc'].uri} chars {regions[0][0]}-{regions[-1][1]}"


def _limited(value) -> bool:
    """A stage's value that says a limit was passed (time, memory): a failed Document or WorkFailed."""
    if isinstance(value, WorkFailed):
        return True
    doc = value[0] if isinstance(value, tuple) else value
    return isinstance(doc, Document) and doc.error_code in stages.LIMIT_CODES


def _not_cached_if_limited(value):
    """A value that passed a limit is not written to the cache: a run with other limits, or on a quieter
    machine, must do the work again (Prefect keeps a task's value unless its transaction writes nothing)."""
    if _limited(value):
        txn = get_transaction()
        if txn is not None:
            txn.write_on_commit = False
    return value


# The tasks' functions (see the module's docstring).
def read_stage(fetched: Fetched, settings: Settings) -> Document:
    return _not_cached_if_limited(stages.read_stage(fetched, settings))


def pages_stage(fetched: Fetched, first: int, last: int | None, settings: Settings) -> PdfPart | Document:
    return _not_cached_if_limited(stages.pages_stage(fetched, first, last, settings))


def join_stage(fetched: Fetched, parts: list[PdfPart | Document], settings: Settings) -> Document:
    return _not_cached_if_limited(stages.join_stage(fetched, parts, settings))


def document_stage(fetched: Fetched, settings: Settings) -> tuple[Document, list[dict]]:
    """A small document read and drafted in one task: half the per-task cost of a worker process."""
    return _not_cached_if_limited(compute("document", fetched, settings))


def drafts_stage(doc: Document, settings: Settings | None = None) -> list[dict] | WorkFailed:
    return _not_cached_if_limited(compute("drafts", doc, settings))


def candidates_stage(doc: Document, regions: list[tuple[int, int]], settings: Settings | None = None,
                     seconds: float | None = None) -> tuple[list[Candidate], float] | WorkFailed:
    return _not_cached_if_limited(compute("candidates", doc, regions, settings, seconds))


def assemble_stage(doc: Document, parts: list[list[Candidate]], settings: Settings | None = None,
                   seconds: float | None = None) -> list[dict] | WorkFailed:
    return _not_cached_if_limited(compute("assemble", doc, parts, settings, seconds))


def documents_stage(batch: list[Fetched], settings: Settings, cache: bool = False
                    ) -> list[tuple[tuple[Document, list[dict]], bool] | None]:
    """Small documents read and drafted in turn, each as `document_stage` does, in one task: a task run costs
    Prefect's engine, its server and the flow's process about as much CPU as the work on a small page. With
    `cache`, each document's value is the `document` task's cache entry (its key, `_document_key`, in the
    same result store), read when there, else written, as that task does: a later run finds it either way.
    Each item: (value, whether it came from the cache). A document that raised, and those after a memory
    failure (the worker is replaced after this task: see `runtime/internals.replace_worker_when`), are None:
    the flow gives each a `document` task of its own, which fails, or succeeds on a new worker, as it would
    have."""
    try:
        store = _document_store() if cache else None
    except Exception:  # noqa: BLE001  (each document then given a task of its own: the cache as it does it)
        return [None] * len(batch)
    out: list[tuple[tuple[Document, list[dict]], bool] | None] = []
    for fetched in batch:
        if stages.replacement_wanted():
            out.append(None)
            continue
        key = _document_key(None, {"fetched": fetched, "settings": settings}) if store is not None else None
        try:
            if key is not None and store.exists(key):
                out.append((store.read(key).result, True))
                continue
            value = compute("document", fetched, settings)
            if key is not None and not _limited(value):  # (a value that passed a limit is not cached)
                store.write(value, key=key)
        except Exception:  # noqa: BLE001  (done again in a task of its own, whose state says what failed)
            out.append(None)
            continue
        out.append((value, False))
    return out


def _document_store():
    """The result store the cached `document` task reads and writes its entries in (Prefect's engine: the
    run's store updated for the task)."""
    return get_result_store().update_for_task(CACHED.document)


def _documents_run_name(parameters: dict) -> str:
    batch = parameters["batch"]
    return f"documents {batch[0].uri}" + (f" and {len(batch) - 1} more" if len(batch) > 1 else "")


# a few small documents to a task on the process pool (`scheduling.Batches`); its own value is not persisted
# (with the cache, each document's is, under the `document` task's key)
documents_task = task(name="documents", task_run_name=_documents_run_name, cache_policy=NO_CACHE,
                      persist_result=False)(documents_stage)


class DocumentTasks(NamedTuple):
    document: Task  # a small document read and drafted
    read: Task  # a document read whole
    pages: Task  # a page range of a long PDF ...
    join: Task  # ... and the ranges joined into its Document
    drafts: Task  # a document's drafts in one task
    candidates: Task  # the candidates of a part of a long document's trigger regions ...
    assemble: Task  # ... and its drafts from them


_TASKS = (  # (function, options, cache key)
    (document_stage, dict(name="document", task_run_name="document {fetched.uri}"), _document_key),
    (read_stage, dict(name="read", task_run_name="read {fetched.uri}"), _read_key),
    (pages_stage, dict(name="read-pages", task_run_name=_pages_run_name), _pages_key),
    (join_stage, dict(name="join-pages", task_run_name="join {fetched.uri}"), _join_key),
    (drafts_stage, dict(name="candidates", task_run_name="candidates {doc.uri}"), _drafts_key),
    (candidates_stage, dict(name="candidates-part", task_run_name=_candidates_run_name), _candidates_key),
    (assemble_stage, dict(name="drafts", task_run_name="drafts {doc.uri}"), _drafts_key),
)
CACHED = DocumentTasks(*(task(**opts, cache_key_fn=key, persist_result=True)(fn) for fn, opts, key in _TASKS))
# --no-cache: the same work as tasks with no cache key at all (with_options cannot drop a cache_key_fn)
UNCACHED = DocumentTasks(*(task(**opts, cache_policy=NO_CACHE, persist_result=False)(fn) for fn, opts, _ in _TASKS))


def document_tasks(cache: bool = True) -> DocumentTasks:
    """The tasks run per document: cached and persisted, or (cache=False) neither."""
    return CACHED if cache else UNCACHED


@task(name="records", cache_policy=NO_CACHE)
def records_task(documents: list[Document], drafts: list[list[dict]]) -> tuple[list[dict], list[Rejected]]:
    return build_records(documents, drafts)


@task(name="write-outputs", cache_policy=NO_CACHE)
def write_outputs_task(out: Path, documents: list[Document], records: list[dict], rejected: list[Rejected],
                       manifest: dict) -> dict:
    return write_outputs(out, documents, records, rejected, manifest)  # the manifest written


# -- the crawl's fetch

# Answers worth asking again after a pause; anything else is final for this crawl. A response still
# arriving at the deadline (`too_slow`) is not asked again: the same deadline would cut it off again.
TRANSIENT = {"http_429", "http_500", "http_502", "http_503", "http_504", "timeout"}


class TransientFetchError(Exception):
    """A fetch answered 429/5xx or timed out; Prefect retries the task on this."""

    def __init__(self, fetched: Fetched):
        super().__init__(fetched.error)
        self.fetched = fetched


def _retry_transient(task, task_run, state) -> bool:
    try:
        state.result()
    except TransientFetchError:
        return True
    except Exception:
        return False
    return False


@task(name="crawl-fetch", task_run_name="fetch {url}", cache_policy=NO_CACHE, retry_condition_fn=_retry_transient)
def crawl_fetch_task(url: str, settings: Settings, headers: dict[str, str], gate: HostGate, scope: Scope,
                     robots: dict[str, Robots]) -> Fetched:
    """One polite GET (redirects vetted against the scope and robots.txt); raises on a transient failure."""
    def allow(target: str) -> str | None:
        reason = scope.reason(target)
        rules = robots.get(host_of(target))
        if reason is None and rules is not None and not rules.allowed(target):
            reason = "disallowed by robots.txt"
        return reason

    fetched = fetch_url(url, settings, headers=headers, allow=allow, before_request=gate.wait,
                        after_request=gate.release)
    if fetched.error_code in TRANSIENT:
        if fetched.retry_after:
            gate.push(host_of(url), min(fetched.retry_after, settings.max_retry_after))
        raise TransientFetchError(fetched)
    return fetched
