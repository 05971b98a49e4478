"""The extract flow: sources -> fetched bytes -> documents -> records -> output folder.

Reads like a table of contents: one task per stage, no parsing logic here.
Files, folders and URLs go in; the output folder of CONTRACT.md comes out:
`records.jsonl`, `documents.jsonl`, `rejected.jsonl`, `manifest.json`, `schema/`.

Fetching runs on threads of the flow's process (it waits on files and servers);
the rest runs on the flow's task runner. A source of at most ONE_TASK_BYTES
(flows/stages.py) is read and drafted in one task (`document`): a task on a worker process costs
~0.3 s of Prefect's own CPU, as much as the work on a small page. A PDF with
more pages than `split_pages` is read in page ranges of about that many pages,
a task each, and one more task joins them into the Document one read gives
(`read_all`); another large source is read in one task. A document read on its
own whose trigger regions (`extractors.language.triggers`) hold more than
`split_chars` characters has its candidates found in parts, a task each, and
one more task assembles its drafts (`draft_all`): the drafts of one task.

Each document's reading and drafts are cached (Prefect cache keys, results
persisted under the cache folder, see `flows/__init__.py`): the key is the
document's URI, the sha256 of its bytes and the work fingerprint (code, rules,
model and library versions, reading settings); a page range's key adds the
range, the join's the split size, a candidates part's its regions. A rerun,
or a run started again after it was killed, reuses what was done; any code or
model change misses the cache. Fetching is never cached.
"""
from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Callable, NamedTuple

from prefect import State, Task, flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture, as_completed

from extractors.reading import discover_sources, fetch_source, is_url, pdf_ranges
from extractors.reading.paths import local_path
from extractors.records import build_records
from extractors.records.build import candidate_parts
from extractors.settings import Settings
from extractors.versions import versions_fingerprint, work_fingerprint
from flows import interrupt, stages, timeline
from flows.inputs import skipped_files
from flows.modelworker import compute
from flows.output import manifest_for, write_outputs
from flows.runners import abandon, cancel_future, finished as future_finished, wait_for
from flows.reporting import announce_end, announce_start, final_state, publish_artifacts, say
from flows.runcache import RunSummary, save_run, summary_of
from flows.stages import WorkFailed
from flows.timeline import mark
from schemas.document import DocStatus, Document, Fetched
from schemas.records import Candidate, Rejected

if TYPE_CHECKING:
    from extractors.reading.pdf import PdfPart


IO_THREADS = 8  # fetch tasks run on threads of the flow's process (see read_all)


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


_TEXT_DIGESTS: dict[int, tuple[str, str]] = {}  # id(text) -> (text, its sha256): a long text's parts hash it once


def _text_digest(text: str) -> str:
    known = _TEXT_DIGESTS.get(id(text))
    if known is None or known[0] is not text:
        if len(_TEXT_DIGESTS) > 16:
            _TEXT_DIGESTS.clear()
        known = _TEXT_DIGESTS[id(text)] = (text, hashlib.sha256(text.encode("utf-8")).hexdigest())
    return known[1]


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
        from prefect.transactions import get_transaction

        txn = get_transaction()
        if txn is not None:
            txn.write_on_commit = False
    return value


# The tasks' functions: the work itself is in flows/stages.py (no Prefect, shared with the model
# worker); a stage that needs the model is the model worker's when the CLI started one (see
# flows/modelworker.py), else done here.
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
                       manifest: dict) -> None:
    write_outputs(out, documents, records, rejected, manifest)


def _progress(done: int, total: int, doc: Document, cached: bool, progress: bool) -> None:
    mark(f"document {done}/{total} read and drafted: {doc.uri}")
    ok = doc.status == DocStatus.ok
    pages = f"{len(doc.pages)} page{'s' if len(doc.pages) != 1 else ''}, " if doc.pages else ""  # a PDF's
    detail = f"{pages}{len(doc.text)} chars" if ok else doc.error
    detail += ", cached" if cached else ""
    say(f"[{done:>{len(str(total))}}/{total}] {doc.status.value:<9} {doc.uri}  ({detail})", progress,
        warning=not ok and doc.status != DocStatus.skipped)


def _cached(future) -> bool:
    return future.state.name == "Cached"


WINDOW = 4  # parts of one document submitted at a time: the rest wait, so that a document of hundreds
# of parts neither holds hundreds of copies of its bytes or text in the queue nor keeps the others waiting


@dataclass
class Staged:
    """One document's stage (reading, or drafting): one task, or a task per part, submitted WINDOW at a
    time, and, once they are all done, one more that joins their values (`join_parts`)."""

    source: Fetched | Document  # what the stage works on
    whole: PrefectFuture | None = None  # the stage's result: its one task, or the join
    parts: list[PrefectFuture] = field(default_factory=list)  # the parts submitted so far
    drafted: bool = False  # a reading whose task also drafted: `whole` gives (Document, drafts)
    todo: list[tuple] = field(default_factory=list)  # the arguments of the parts not submitted yet
    submit: Callable[..., PrefectFuture] | None = None  # submits one part: submit(*arguments, seconds left)
    total: int = 0  # its parts, in all
    what: str = ""  # what a part does, for its progress line ("read", "drafted")
    limit: float | None = None  # drafting: the document's time limit (doc_timeout; None: no limit) ...
    budget: float | None = None  # ... and the seconds of it left (the parts' seconds taken off)
    failed: WorkFailed | None = None  # a part passed a limit: the document fails; its other parts are dropped
    finished: int = 0  # its parts done so far

    @cached_property
    def cached(self) -> bool:
        """Every task of the stage was answered from the cache: nothing was redone. Ask once it is done."""
        return all(_cached(f) for f in (*self.parts, self.whole) if f is not None)

    def out_of_time(self) -> WorkFailed:
        return WorkFailed("timeout", f"building the records of {self.source.uri} took longer than the limit of "
                          f"{self.limit:g} s ({self.finished} of its {self.total} parts done)")

    def submit_next(self) -> list[PrefectFuture]:
        """Submit parts until WINDOW of them are running (none once a part failed; none left once the time
        is spent); gives those submitted."""
        running = sum(1 for f in self.parts if not _done(f))
        new = []
        while self.todo and running + len(new) < WINDOW and self.failed is None:
            if self.budget is not None and self.budget <= 0:
                self.todo.clear()  # out of time: join_parts fails it once its running parts are done
                break
            new.append(self.submit(*self.todo.pop(0), self.budget))
        self.parts.extend(new)
        return new


def _done(future: PrefectFuture) -> bool:
    wrapped = getattr(future, "wrapped_future", None)
    return wrapped.done() if wrapped is not None else future.state.is_final()


def _marked(future: PrefectFuture, what: str) -> PrefectFuture:
    """The future; with CHUSHO_TIMELINE set, a timeline line as soon as its task ends (the progress lines
    come later, in the order the flow takes the values)."""
    wrapped = getattr(future, "wrapped_future", None)
    if timeline.ENABLED and wrapped is not None:
        wrapped.add_done_callback(lambda _f: mark(f"task done: {what}"))
    return future


def start_reading(fetched: Fetched, settings: Settings, tasks: DocumentTasks, draft: bool = False) -> Staged:
    """A source's reading: a long PDF's page ranges (submitted WINDOW at a time by `join_parts`; its join
    is not submitted yet); with `draft`, one task that reads and drafts a source of at most ONE_TASK_BYTES;
    else one read task."""
    ranges = pdf_ranges(fetched, settings)
    if ranges is not None:
        return Staged(fetched, todo=list(ranges), total=len(ranges), what="read",
                      submit=lambda first, last, _seconds: _marked(tasks.pages.submit(fetched, first, last, settings),
                                                                   f"pages {first + 1}-{last or 'end'} of {fetched.uri}"))
    if draft and stages.small(fetched):
        return Staged(fetched, whole=_marked(tasks.document.submit(fetched, settings), f"document {fetched.uri}"),
                      drafted=True)
    return Staged(fetched, whole=tasks.read.submit(fetched, settings))


def start_drafting(doc: Document, settings: Settings, tasks: DocumentTasks) -> Staged:
    """A document's drafts: one task, or (a long document whose trigger regions hold more than
    `split_chars` characters) a candidates task per part of them, submitted WINDOW at a time by
    `join_parts` within the document's time limit, their seconds added up (its assembly is not
    submitted yet)."""
    parts = _bounded(candidate_parts(doc, settings.split_chars), doc.text, settings.split_chars)
    if len(parts) <= 1:
        return Staged(doc, whole=_marked(tasks.drafts.submit(doc, settings), f"drafts of {doc.uri}"))
    return Staged(doc, todo=[(regions,) for regions in parts], total=len(parts), what="drafted",
                  limit=settings.doc_timeout or None, budget=settings.doc_timeout or None,
                  submit=lambda regions, seconds: _marked(tasks.candidates.submit(doc, regions, settings, seconds),
                                                          f"candidates of a part of {doc.uri}"))


def _bounded(parts: list[list[tuple[int, int]]], text: str, size: int) -> list[list[tuple[int, int]]]:
    """The parts with every region longer than `size` cut at line ends into regions of about `size`, a part
    each: a text whose every line is near a trigger word (a register of hundreds of thousands of rows) is one
    region, and the model must never get all of it in one task. A part's regions stay whole lines, so a
    sentence (a line at most) is never cut; a pattern spread over several lines at a cut is not found, as
    at the model's own chunk ends (Sudachi's input limit)."""
    out: list[list[tuple[int, int]]] = []
    for part in parts:
        kept: list[tuple[int, int]] = []
        for start, end in part:
            while end - start > size:
                cut = text.rfind("\n", start, start + size) + 1
                if cut <= start:  # one line longer than `size`: cut after it
                    cut = text.find("\n", start + size, end) + 1 or end
                if cut >= end:
                    break
                out.append(kept + [(start, cut)])
                kept, start = [], cut
            kept.append((start, end))
        out.append(kept)
    return [part for part in out if part]


def submit_read(fetched: Fetched, settings: Settings, tasks: DocumentTasks) -> PrefectFuture:
    """A source's reading submitted at once, for a flow that cannot wait (the crawl): its Document's future.

    A long PDF's join is given its page ranges' futures, which Prefect resolves to their values
    before it runs (on threads, a process pool or Dask alike); the ranges are all submitted at once.
    """
    reading = start_reading(fetched, settings, tasks)
    if reading.whole is None:
        parts = [reading.submit(*args, None) for args in reading.todo]
        reading.whole = tasks.join.submit(fetched, parts, settings)
    return reading.whole


def _part_done(st: Staged, future: PrefectFuture, progress: bool):
    """A part's value, its seconds taken from the document's budget and its progress line."""
    value = future.result()
    cached = _cached(future)
    if isinstance(value, WorkFailed):
        st.failed = st.failed or value
    elif st.what == "drafted":  # a candidates part: (candidates, seconds)
        if st.budget is not None and not cached:
            st.budget -= value[1]
        value = value[0]
    st.finished += 1
    if not cached:
        say(f"  part {st.finished}/{st.total} {st.what}: {st.source.uri}", progress)
    return value


def join_parts(staged: list[Staged], join, progress: bool = False) -> None:
    """Run the parts of each stage done in parts, WINDOW at a time per stage, and submit `join(stage, part
    values)` as soon as the last of a stage's parts is done; a stage whose part failed gets no join."""
    running: dict[int, tuple[PrefectFuture, Staged]] = {}
    values: dict[int, object] = {}

    def launch(st: Staged) -> None:
        for f in st.submit_next():
            running[id(f)] = (f, st)

    for st in staged:
        for f in st.parts:  # parts submitted already (read_all submits a long PDF's first ranges as it is fetched)
            running[id(f)] = (f, st)
        if st.todo:
            launch(st)
    while running:
        fut = next(as_completed([f for f, _st in running.values()]))
        _, st = running.pop(id(fut))
        values[id(fut)] = _part_done(st, fut, progress)
        launch(st)
        if any(other is st for _f, other in running.values()):
            continue
        done = [values.pop(id(f)) for f in st.parts]
        if st.failed is None and st.budget is not None and st.budget <= 0:
            st.failed = st.out_of_time()
        if st.failed is None:
            st.whole = join(st, done)


def _largest_first(sources: list[str]) -> list[int]:
    """The sources' indexes in the order to fetch them: local files largest first, then URLs in their order.
    Their readings are submitted as the fetches end, and the task runner takes tasks in the order they come:
    a long PDF's page ranges submitted after a hundred small documents would be read after them all, and
    its join and drafts later still, on one core while the other waits."""
    def size(source: str) -> int:
        if is_url(source):
            return -1
        try:
            return os.path.getsize(local_path(source))
        except OSError:
            return -1  # a missing file is reported by its fetch task

    return sorted(range(len(sources)), key=lambda i: -size(sources[i]))


def read_all(sources: list[str], settings: Settings, tasks: DocumentTasks, reads: list | None = None,
             progress: bool = False) -> list[Staged]:
    """Each source fetched, on threads of the flow's process (IO_THREADS: fetching waits on files and
    servers; a worker process would spend more on the task's set-up than on the work), and its
    reading submitted as soon as its bytes are there, in the order of `sources`: a small one read
    and drafted in one task, a long PDF in page ranges whose join is submitted with their values
    as soon as the last of them is read. `reads` (filled in place, if given) holds what was
    submitted when Ctrl-C interrupts it."""
    from prefect.task_runners import ThreadPoolTaskRunner

    reads = reads if reads is not None else [None] * len(sources)
    with ThreadPoolTaskRunner(max_workers=IO_THREADS) as io:
        try:
            submitted = {i: io.submit(fetch_task, {"source": sources[i], "settings": settings})
                         for i in _largest_first(sources)}
            fetches = [submitted[i] for i in range(len(sources))]
            where = {id(f): i for i, f in enumerate(fetches)}
            for fut in as_completed(fetches):
                reading = reads[where[id(fut)]] = start_reading(fut.result(), settings, tasks, draft=True)
                reading.submit_next()  # a long PDF's first page ranges at once, not after every small document
        except interrupt.Stopped:
            abandon(io)  # a fetch in progress is not waited for
            raise
    join_parts(reads, lambda st, values: _marked(tasks.join.submit(st.source, values, settings),
                                                 f"pages joined: {st.source.uri}"), progress)
    return reads


def draft_all(reads: list[Staged], settings: Settings, tasks: DocumentTasks, drafts: list | None = None,
              progress: bool = False) -> list[Staged]:
    """Each document's drafts (a reading that drafted is its own), submitted as soon as it is read,
    in the order of `reads`; a long document's assembly is submitted with its parts' candidates as
    soon as the last of them is found. `drafts` is filled in place, if given."""
    drafts = drafts if drafts is not None else [None] * len(reads)
    drafts[:] = [r if r.drafted else None for r in reads]
    todo = [r for r in reads if not r.drafted]
    where = {id(r.whole): i for i, r in enumerate(reads)}
    for fut in as_completed([r.whole for r in todo]):
        drafts[where[id(fut)]] = start_drafting(fut.result(), settings, tasks)
    join_parts([d for d, r in zip(drafts, reads) if not r.drafted],
               lambda st, values: _marked(tasks.assemble.submit(st.source, values, settings, st.budget),
                                          f"drafts of {st.source.uri}"), progress)
    return drafts


def process_all(sources: list[str], settings: Settings, progress: bool, cache: bool = True
                ) -> tuple[list[Document], list[list[dict]], dict[str, int]]:
    """Fetch, read and draft every source as tasks; (documents, drafts, cache hits) in the order of `sources`.

    Each stage is submitted as soon as its input is ready, with the value (not
    the future) as its parameter, so the same code runs on threads, a process
    pool or Dask workers. A long document's parts print a progress line each. Stopped by Ctrl-C
    (`flows/interrupt.py`), it gives the documents done and, for the others, a `stopped` line each
    (`after_stop`).
    """
    tasks = document_tasks(cache)
    n = len(sources)
    reads: list = [None] * n
    drafts: list = [None] * n
    documents: list = [None] * n
    found: list = [None] * n
    done = 0
    try:
        with interrupt.stoppable():
            read_all(sources, settings, tasks, reads, progress)
            draft_all(reads, settings, tasks, drafts, progress)
            for i, d in enumerate(drafts):  # a drafting that failed in its parts has no task to wait for
                if d.whole is None:
                    documents[i], found[i] = _values(reads[i], d)
                    done += 1
                    _progress(done, n, documents[i], False, progress)
            where = {id(d.whole): i for i, d in enumerate(drafts) if d.whole is not None}
            for fut in as_completed([d.whole for d in drafts if d.whole is not None]):
                i = where[id(fut)]
                documents[i], found[i] = _values(reads[i], drafts[i])
                done += 1
                _progress(done, n, documents[i], reads[i].cached and drafts[i].cached, progress)
    except interrupt.Stopped:
        after_stop(sources, reads, drafts, documents, found, progress)
    ok = [i for i in range(n) if documents[i].error_code != interrupt.STOPPED_CODE]
    hits = {"read": sum(reads[i].cached for i in ok), "drafts": sum(drafts[i].cached for i in ok)}
    return documents, found, hits


def _values(read: Staged, drafted: Staged) -> tuple[Document, list[dict]]:
    """A document's Document and drafts, once its last task is done; a drafting that passed a limit
    (a WorkFailed value, or a part's) fails the document."""
    if read.drafted:
        return read.whole.result()
    doc = read.whole.result()
    value = drafted.whole.result() if drafted.whole is not None else None
    failed = value if isinstance(value, WorkFailed) else drafted.failed
    return (failed.failed(doc), []) if failed is not None else (doc, value)


def _last_task(read: Staged | None, drafted: Staged | None) -> PrefectFuture | None:
    """The future whose end completes a document (None: its last task was not submitted yet)."""
    if read is not None and read.drafted:
        return read.whole
    return drafted.whole if drafted is not None else None


def after_stop(sources: list[str], reads: list, drafts: list, documents: list, found: list,
               progress: bool) -> None:
    """After the first Ctrl-C: cancel the tasks not started, give the documents in progress
    STOP_GRACE seconds, and fill `documents` with what is done and a `stopped` line for the rest.
    The flow's task runner is then left without waiting for what still runs."""
    from prefect.context import FlowRunContext

    for staged in (*reads, *drafts):
        for fut in (staged.parts + [staged.whole]) if staged is not None else []:
            cancel_future(fut)
    pending = [(i, _last_task(reads[i], drafts[i])) for i in range(len(sources)) if documents[i] is None]
    wait_for([fut for _, fut in pending if fut is not None], interrupt.STOP_GRACE)
    stopped = 0
    for i, fut in pending:
        if fut is not None and future_finished(fut):
            try:
                documents[i], found[i] = _values(reads[i], drafts[i])
                continue
            except Exception:  # noqa: BLE001  (cancelled or failed as the run stopped: not done)
                pass
        documents[i], found[i] = stopped_document(sources[i]), []
        stopped += 1
    context = FlowRunContext.get()
    if context is not None and context.task_runner is not None:
        abandon(context.task_runner)
    say(f"stopped: {len(sources) - stopped} documents done, {stopped} not done (listed as skipped, "
        f"error code {interrupt.STOPPED_CODE})", progress, warning=True)


def stopped_document(source: str) -> Document:
    """The documents.jsonl line of a source the run was stopped before it was done."""
    uri = source if "://" in source else Path(source).resolve().as_uri()
    return Document(uri=uri, status=DocStatus.skipped, error_code=interrupt.STOPPED_CODE,
                    error="not done: the run was stopped (Ctrl-C) first; run it again to finish (the documents "
                    "done come from the cache)")


def finish_run(flow_name: str, out: str, documents: list[Document], drafts: list[list[dict]], run: dict,
               settings: Settings, failure: str | None = None) -> State:
    """Records from the documents' drafts, then the output folder; shared by the extract and crawl flows.

    `run` holds the manifest's run-specific fields (id, started, inputs, and the
    crawl's report); counts, versions and settings are added here. The run's
    counts go to the log and, as artifacts, to the flow run in the UI. Gives the
    flow's final state (`reporting.final_state`): Cancelled when Ctrl-C stopped
    the run, Failed with the reason when `failure` says one (a crawl's start page)
    or no document could be read, else Completed; its data is the RunSummary.
    """
    stopped = interrupt.requested()
    if stopped:
        run = {**run, "stopped": "the run was stopped by Ctrl-C: documents not done are listed as skipped "
               f"with error code {interrupt.STOPPED_CODE}"}
    records, rejected = records_task(documents, drafts)
    mark("records built")
    manifest = manifest_for(run, documents, records, rejected, settings)
    write_outputs_task(Path(out), documents, records, rejected, manifest)
    mark("output folder written")
    if run.get("cache", {}).get("enabled") and "crawl" not in run and not stopped:
        save_run(documents, records, rejected, manifest)
    summary = summary_of(manifest, out)
    publish_artifacts(flow_name, manifest, documents, records, str(out))
    state = final_state(summary, documents, failure=failure, stopped=stopped)
    say(state.message, progress=False)  # the log's last line; the CLI prints its own
    return state


def note_flow_run() -> None:
    """Tell `flows/interrupt.py` which flow run a second Ctrl-C marks Cancelled (command-line runs only)."""
    from prefect.context import FlowRunContext
    from prefect.settings import PREFECT_API_URL

    context = FlowRunContext.get()
    if context is not None and context.flow_run is not None:
        interrupt.flow_run_started(PREFECT_API_URL.value(), str(context.flow_run.id))


@flow(name="chusho-extract", log_prints=False, on_running=[announce_start],
      on_completion=[announce_end], on_failure=[announce_end], on_crashed=[announce_end],
      on_cancellation=[announce_end])
def extract_flow(inputs: list[str], out: str, settings: Settings | None = None, progress: bool = False,
                 cache: bool = True, notes: dict | None = None) -> RunSummary:
    """Run the pipeline on files, folders and URLs and write the output folder `out`.

    Its final state's message gives the counts and the documents that could not be read;
    it is Failed when none could be, Cancelled when Ctrl-C stopped the command. `notes`: more
    fields for the manifest from the caller (what it did before the flow, e.g. a damaged Prefect
    database moved aside: `prefect_database_reset`).
    """
    mark("flow run running")
    note_flow_run()
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(), "inputs": inputs,
           "skipped_files": skipped_files(inputs), **(notes or {})}
    documents, drafts, hits = process_all(discover_sources(inputs), settings, progress, cache)
    run["cache"] = {"enabled": cache, "hits": hits, "whole_run": False}
    return finish_run("chusho-extract", out, documents, drafts, run, settings)
