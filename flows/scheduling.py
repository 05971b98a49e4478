"""Each document's tasks submitted as soon as their inputs are ready, and stopped at Ctrl-C.

`process_all(sources, settings, progress, cache)` fetches, reads and drafts
every source as tasks (`flows/tasks.py`) and gives (documents, drafts, cache
hits) in the order of the sources:

- Fetching runs on threads of the flow's process (IO_THREADS: it waits on
  files and servers; a task on a worker process costs Prefect more set-up than
  the work); each source's reading is submitted as soon as its bytes are there.
  A URL's download is a `fetch` task; a local file's bytes are read without
  one: a task run costs the Prefect server more CPU than reading a small file
  (its run and three states recorded), and the reading's task that follows
  records the document (a file that cannot be read is a failed document there,
  as before).
- A small source (`stages.small`) is read and drafted in one `document` task:
  a task on a worker process costs about as much of Prefect's own CPU as the
  work on a small page; on the process pool, a few such sources
  go to one `documents` task (`Batches`), each done in turn and given back to a
  task of its own if it raised there. A PDF with more pages than `split_pages` is read in page
  ranges of about that many pages, a task each, and one more task joins them
  into the Document one read gives (`start_reading`); another large source is
  read in one task.
- A document read on its own whose trigger regions
  (`extractors.language.triggers`) hold more than `split_chars` characters has
  its candidates found in parts, a task each, within the document's time limit
  (their seconds added up), and one more task assembles its drafts
  (`start_drafting`): the drafts of one task.
- The parts of one document are submitted WINDOW at a time (`Staged`,
  `join_parts`): a document of hundreds of parts neither holds hundreds of
  copies of its bytes or text in the queue nor keeps the others waiting.

Each task gets values, not futures, as its parameters, so the same code runs on
threads, a process pool or Dask workers. Stopped by Ctrl-C
(`runtime/interrupt.py`), it gives the documents done and, for the others, a
`stopped` line each (`after_stop`).
"""
from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import as_completed as futures_completed
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from prefect.context import FlowRunContext
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import ThreadPoolTaskRunner

from extractors.reading import fetch_source, is_url, pdf_ranges
from extractors.reading.paths import local_path
from extractors.records.build import candidate_parts
from extractors.settings import Settings
from flows.reporting import say
from flows.runtime import interrupt, stages, timeline
from flows.runtime.internals import abandon, pool_workers
from flows.runtime.runners import cancel_future, done as future_done, finished as future_finished, wait_for
from flows.runtime.stages import WorkFailed
from flows.runtime.timeline import mark
from flows.tasks import DocumentTasks, document_tasks, documents_task, fetch_task
from schemas.document import DocStatus, Document, Fetched

IO_THREADS = 8  # fetch tasks run on threads of the flow's process (see read_all)
BATCH_MAX = 4  # small documents in one `documents` task at most (`Batches`): a long document's next task
# (its join, its drafts) waits for a worker to finish the batch it holds


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
    item: int | None = None  # ... or, a `documents` task's (`Batches`), the item of its list that does (None:
    # not done there: given a task of its own)
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
        if self.item is not None:  # a `documents` task's: its item says
            return self.whole.result()[self.item][1]
        return all(_cached(f) for f in (*self.parts, self.whole) if f is not None)

    def out_of_time(self) -> WorkFailed:
        return WorkFailed("timeout", f"building the records of {self.source.uri} took longer than the limit of "
                          f"{self.limit:g} s ({self.finished} of its {self.total} parts done)")

    def submit_next(self) -> list[PrefectFuture]:
        """Submit parts until WINDOW of them are running (none once a part failed; none left once the time
        is spent); gives those submitted."""
        running = sum(1 for f in self.parts if not future_done(f))
        new = []
        while self.todo and running + len(new) < WINDOW and self.failed is None:
            if self.budget is not None and self.budget <= 0:
                self.todo.clear()  # out of time: join_parts fails it once its running parts are done
                break
            new.append(self.submit(*self.todo.pop(0), self.budget))
        self.parts.extend(new)
        return new


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


class Batches:
    """Small local documents gathered into `documents` tasks (`tasks.documents_task`), for a run on the process
    pool: a task run costs the worker's engine, the server and the flow's process about as much CPU as
    reading and drafting a small page. With the cache, each document keeps its own cache entry
    (`tasks.documents_stage`). Guided: a batch holds about 1/(2 x workers) of the local files still to
    come, at most BATCH_MAX, so that the last are one to a task and both workers end together; one left
    alone is a `document` task as before. A batch is submitted as soon as it is full or no local file is
    left to fetch (a download is not waited for)."""

    def __init__(self, task, settings: Settings, tasks: DocumentTasks, workers: int, local: int,
                 cache: bool = False):
        self.task, self.settings, self.tasks, self.workers, self.cache = task, settings, tasks, workers, cache
        self.left = local  # local files not fetched yet
        self.pending: list[Staged] = []  # fetched, not submitted yet

    def size(self) -> int:
        return max(1, min(BATCH_MAX, -(-(self.left + len(self.pending)) // (2 * self.workers))))

    def fetched(self, source: str, value: Fetched) -> Staged | None:
        """A source's bytes are there: its Staged when it was gathered into a batch (its `whole` set when the
        batch is submitted), else None (it is read as before)."""
        if is_url(source):
            return None
        self.left -= 1
        if value.error or not stages.one_task(value, self.settings):
            self.flush(ready=not self.left)
            return None
        staged = Staged(value, drafted=True, item=len(self.pending))
        self.pending.append(staged)
        self.flush(ready=len(self.pending) >= self.size() or not self.left)
        return staged

    def flush(self, ready: bool = True) -> None:
        if not ready or not self.pending:
            return
        batch, self.pending = self.pending, []
        if len(batch) == 1:
            batch[0].item = None
            batch[0].whole = start_reading(batch[0].source, self.settings, self.tasks, draft=True).whole
            return
        future = self.task.submit([st.source for st in batch], self.settings, self.cache)
        for st in batch:
            st.whole = _marked(future, f"document {st.source.uri}")


def _pool_workers() -> int:
    """The flow's process pool's workers; 0 for another task runner (threads, Dask)."""
    context = FlowRunContext.get()
    runner = context.task_runner if context is not None else None
    return pool_workers(runner)


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
    running: dict[PrefectFuture, Staged] = {}  # the parts submitted and not done, with their stage
    values: dict[PrefectFuture, object] = {}  # the values of a stage's parts done, until its last is

    def launch(st: Staged) -> None:
        for f in st.submit_next():
            running[f] = st

    for st in staged:
        for f in st.parts:  # parts submitted already (read_all submits a long PDF's first ranges as it is fetched)
            running[f] = st
        if st.todo:
            launch(st)
    while running:
        fut = next(as_completed(list(running)))
        st = running.pop(fut)
        values[fut] = _part_done(st, fut, progress)
        launch(st)
        if any(other is st for other in running.values()):
            continue
        done = [values.pop(f) for f in st.parts]
        if st.failed is None and st.budget is not None and st.budget <= 0:
            st.failed = st.out_of_time()
        if st.failed is None:
            st.whole = join(st, done)


def _largest_first(sources: list[str]) -> list[int]:
    """The sources' indexes in the order to fetch them: local files largest first, then URLs in their order.
    Their readings are submitted as the fetches end, and the task runner takes tasks in the order they come:
    a long PDF's page ranges submitted after a hundred small documents would be read after them all, and
    its join and drafts later still, on one core while the other waits. (The process runner also takes a long
    document's later tasks, its join and drafts, before the small documents still queued: `runners._goes_first`.)"""
    def size(source: str) -> int:
        if is_url(source):
            return -1
        try:
            return os.path.getsize(local_path(source))
        except OSError:
            return -1  # a missing file is reported by its fetch task

    return sorted(range(len(sources)), key=lambda i: -size(sources[i]))


def read_all(sources: list[str], settings: Settings, tasks: DocumentTasks, reads: list | None = None,
             progress: bool = False, batch=None) -> list[Staged]:
    """Each source fetched, on threads of the flow's process (IO_THREADS: fetching waits on files and
    servers; a worker process would spend more on the task's set-up than on the work), and its
    reading submitted as soon as its bytes are there, largest local file first: a small one read
    and drafted in one task, a long PDF in page ranges whose join is submitted with their values
    as soon as the last of them is read. `reads` (filled in place, if given) holds what was
    submitted when Ctrl-C interrupts it. `batch` (the `documents` task): on the process pool, small local files
    read and drafted a few to a task (`Batches`)."""
    reads = reads if reads is not None else [None] * len(sources)
    workers = _pool_workers() if batch is not None else 0
    batches = Batches(batch, settings, tasks, workers, sum(not is_url(s) for s in sources),
                      tasks is document_tasks(True)) if workers else None
    files = ThreadPoolExecutor(max_workers=IO_THREADS, thread_name_prefix="read-file")
    with ThreadPoolTaskRunner(max_workers=IO_THREADS) as io:
        try:
            fetched: dict[Future, tuple[int, Callable[[], Fetched]]] = {}  # each fetch: its source, its value
            for i in _largest_first(sources):
                if is_url(sources[i]):  # a download: a task of its own (its state and time in the flow run)
                    fut = io.submit(fetch_task, {"source": sources[i], "settings": settings})
                    fetched[fut.wrapped_future] = (i, fut.result)
                else:  # a local file's bytes: read on a thread, no task (see the module's docstring)
                    fut = files.submit(fetch_source, sources[i], settings)
                    fetched[fut] = (i, fut.result)
            for fut in futures_completed(fetched):
                i, value = fetched[fut]
                value = value()
                gathered = batches.fetched(sources[i], value) if batches is not None else None
                if gathered is not None:
                    reads[i] = gathered
                    continue
                reading = reads[i] = start_reading(value, settings, tasks, draft=True)
                reading.submit_next()  # a long PDF's first page ranges at once, not after every small document
        except interrupt.Stopped:
            abandon(io)  # a fetch in progress is not waited for
            raise
        finally:
            files.shutdown(wait=False, cancel_futures=True)
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
    where = {r.whole: i for i, r in enumerate(reads)}
    for fut in as_completed([r.whole for r in todo]):
        drafts[where[fut]] = start_drafting(fut.result(), settings, tasks)
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
    (`flows/runtime/interrupt.py`), it gives the documents done and, for the others, a `stopped` line each
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
            read_all(sources, settings, tasks, reads, progress, documents_task)
            draft_all(reads, settings, tasks, drafts, progress)
            for i, d in enumerate(drafts):  # a drafting that failed in its parts has no task to wait for
                if d.whole is None:
                    documents[i], found[i] = _values(reads[i], d)
                    done += 1
                    _progress(done, n, documents[i], False, progress)
            where: dict[PrefectFuture, list[int]] = {}  # each last task not done: its documents (a batch's, several)
            for i, d in enumerate(drafts):
                if d.whole is not None:
                    where.setdefault(d.whole, []).append(i)
            while where:
                fut = next(as_completed(list(where)))
                for i in where.pop(fut):
                    if _given_back(reads[i]):  # a batch's document not done there: a task of its own
                        reads[i] = drafts[i] = start_reading(reads[i].source, settings, tasks, draft=True)
                        where.setdefault(reads[i].whole, []).append(i)
                        continue
                    documents[i], found[i] = _values(reads[i], drafts[i])
                    done += 1
                    _progress(done, n, documents[i], reads[i].cached and drafts[i].cached, progress)
    except interrupt.Stopped:
        after_stop(sources, reads, drafts, documents, found, progress)
    ok = [i for i in range(n) if documents[i].error_code != interrupt.STOPPED_CODE]
    # (a read that drafted too is its own drafting: stopped while reading, `draft_all` never said so in `drafts`)
    hits = {"read": sum(reads[i].cached for i in ok),
            "drafts": sum((reads[i] if reads[i].drafted else drafts[i]).cached for i in ok)}
    return documents, found, hits


def _values(read: Staged, drafted: Staged) -> tuple[Document, list[dict]]:
    """A document's Document and drafts, once its last task is done; a drafting that passed a limit
    (a WorkFailed value, or a part's) fails the document."""
    if read.drafted:
        value = read.whole.result()
        if read.item is None:
            return value
        if value[read.item] is None:
            raise RuntimeError(f"{read.source.uri} was not done in its batch")  # (see _given_back)
        return value[read.item][0]
    doc = read.whole.result()
    value = drafted.whole.result() if drafted.whole is not None else None
    failed = value if isinstance(value, WorkFailed) else drafted.failed
    return (failed.failed(doc), []) if failed is not None else (doc, value)


def _given_back(read: Staged) -> bool:
    """A document of a `documents` task (done) that it did not read and draft: one that raised there, or
    came after a memory failure."""
    if read.item is None:
        return False
    try:
        return read.whole.result()[read.item] is None
    except Exception:  # noqa: BLE001  (the batch itself failed: said by _values, as a task of one would be)
        return False


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
