"""The work of the extract flow's per-document tasks, as plain functions (no Prefect here).

`flows/extract.py` makes them Prefect tasks; the model worker (`flows/modelworker.py`,
a process without Prefect) runs the ones that need the model (`MODEL_STAGES`) for a
small run on threads. One definition of each, so both give the same values.

Every stage works under the document's limits (`limits`): the time limit
(`doc_timeout`; reading has it inside `read_document`, building records gets it
here, and a candidates part gets what is left of it) and, in a worker process
(`guard_memory()`: the process pool's workers, the model worker), the memory
limit (`max_worker_memory`: the process's resident memory). A stage that passes
one gives a failed Document (reading) or `WorkFailed` (building records), never
an exception; after a memory failure the process frees what it can and asks to
be replaced once the task's value is sent (`replacement_wanted`).
"""
from __future__ import annotations

import ctypes
import gc
import threading
import time
from contextlib import contextmanager
from typing import TYPE_CHECKING, Callable, TypeVar

from extractors.reading import join_pdf_parts, pdf_ranges, read_document, read_pdf_part
from extractors.reading.deadline import MemoryLimitExceeded, TimeLimitExceeded, memory_limit, time_limit
from extractors.records import document_drafts
from extractors.records.build import drafts_from_candidates, part_candidates
from extractors.settings import Settings
from schemas.document import DocStatus, Document, Fetched
from schemas.records import Candidate

if TYPE_CHECKING:
    from extractors.reading.pdf import PdfPart

T = TypeVar("T")
ONE_TASK_BYTES = 1_000_000  # a source this small (not a long PDF) is read and drafted in one task
LIMIT_CODES = ("timeout", "memory")  # the error codes of a document that passed a limit
_WORKER = threading.Event()  # set in a worker process: the memory limit applies (one stage at a time)
_REPLACE = threading.Event()  # set when this worker process should be replaced after its current task


class WorkFailed:
    """A stage of building a document's records that passed a limit: the document's error (a value, not
    an exception: no traceback, and the flow fails that one document). A plain class: pickled to and
    from worker processes."""

    def __init__(self, code: str, message: str):
        self.code, self.message = code, message

    def __repr__(self) -> str:
        return f"WorkFailed({self.code!r}, {self.message!r})"

    def failed(self, doc: Document) -> Document:
        """The document, failed with this error (its text kept: the review page shows what was read)."""
        return doc.model_copy(update={"status": DocStatus.failed, "error": self.message, "error_code": self.code})


def guard_memory() -> None:
    """In a worker process that runs one stage at a time: the memory limit applies from now on."""
    _WORKER.set()


def replacement_wanted() -> bool:
    """Whether this worker process passed its memory limit and stayed over it: it should be replaced."""
    return _REPLACE.is_set()


def _free_memory() -> None:
    """After a memory failure: collect and give freed memory back to the system for the rest of this task,
    and ask to be replaced after it (a heap that grew that far stays scattered: a new process is cheaper)."""
    gc.collect()
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):
        pass
    _REPLACE.set()


@contextmanager
def limits(settings: Settings, what: str, seconds: float | None = None, timed: bool = True):
    """`doc_timeout` (or `seconds`; not when `timed` is False: the stage times itself) and, in a worker
    process, `max_worker_memory` on the block."""
    memory = settings.max_worker_memory if _WORKER.is_set() else None
    with memory_limit(memory, what), time_limit(
            (settings.doc_timeout if seconds is None else max(seconds, 0.001)) if timed else None, what):
        yield


def _building(settings: Settings, doc: Document, work: Callable[[], T], seconds: float | None = None,
              part: str = "") -> T | WorkFailed:
    """`work()` (building records of `doc`) under its limits; a limit passed gives `WorkFailed`."""
    what = f"building the records of {doc.uri}{part}"
    try:
        with limits(settings, what, seconds):
            return work()
    except TimeLimitExceeded as exc:  # (the limit is the document's, of which `seconds` were left)
        return WorkFailed("timeout", str(exc) if seconds is None else
                          f"{what} took longer than the limit of {settings.doc_timeout:g} s (its parts added up)")
    except MemoryLimitExceeded as exc:
        _free_memory()
        return WorkFailed("memory", str(exc))


def _reading(settings: Settings, fetched: Fetched, work: Callable[[], T]) -> T | Document:
    """`work()` (reading; it keeps its own time limit) under the memory limit; passing it gives the failed
    Document."""
    try:
        with limits(settings, f"reading {fetched.uri}", timed=False):
            return work()
    except MemoryLimitExceeded as exc:
        _free_memory()
        return Document(uri=fetched.uri, sha256=fetched.sha256, media_type=fetched.media_type,
                        status=DocStatus.failed, error=str(exc), error_code="memory")


def small(fetched: Fetched) -> bool:
    """At most ONE_TASK_BYTES: small enough to be read and drafted in one task (if not a long PDF)."""
    return len(fetched.content or b"") <= ONE_TASK_BYTES


def one_task(fetched: Fetched, settings: Settings) -> bool:
    """Whether the extract flow reads and drafts this source in one `document` task: `small`, and
    not a PDF long enough to be read in page ranges (`pdf_ranges`)."""
    return pdf_ranges(fetched, settings) is None and small(fetched)


def read_stage(fetched: Fetched, settings: Settings) -> Document:
    return _reading(settings, fetched, lambda: read_document(fetched, settings))


def drafts_stage(doc: Document, settings: Settings | None = None) -> list[dict] | WorkFailed:
    return _building(settings or Settings(), doc, lambda: document_drafts(doc))


def document_stage(fetched: Fetched, settings: Settings) -> tuple[Document, list[dict]]:
    """A small document read and drafted in one task: half the per-task cost of a worker process. A limit
    passed while building its records fails the document."""
    doc = read_stage(fetched, settings)
    drafts = drafts_stage(doc, settings)
    return (drafts.failed(doc), []) if isinstance(drafts, WorkFailed) else (doc, drafts)


def pages_stage(fetched: Fetched, first: int, last: int | None, settings: Settings) -> PdfPart | Document:
    return _reading(settings, fetched, lambda: read_pdf_part(fetched, first, last, settings))


def join_stage(fetched: Fetched, parts: list[PdfPart | Document], settings: Settings) -> Document:
    return _reading(settings, fetched, lambda: join_pdf_parts(fetched, parts, settings))


def candidates_stage(doc: Document, regions: list[tuple[int, int]], settings: Settings | None = None,
                     seconds: float | None = None) -> tuple[list[Candidate], float] | WorkFailed:
    """One part's candidates and the seconds of work they took (the flow adds a document's parts up against
    its time limit; CPU seconds of this thread: parts running side by side on threads share one core), within
    `seconds` (what is left of the limit)."""
    started = time.thread_time()
    found = _building(settings or Settings(), doc, lambda: part_candidates(doc, regions), seconds,
                      f" (characters {regions[0][0]}-{regions[-1][1]})" if regions else "")
    return found if isinstance(found, WorkFailed) else (found, time.thread_time() - started)


def assemble_stage(doc: Document, parts: list[list[Candidate]], settings: Settings | None = None,
                   seconds: float | None = None) -> list[dict] | WorkFailed:
    """A long document's drafts from its parts' candidates, within `seconds` (what is left of its limit)."""
    return _building(settings or Settings(), doc, lambda: drafts_from_candidates(doc, [c for p in parts for c in p]),
                     seconds)


# The stages that run GiNZA or the name lists: what the model worker is asked for.
MODEL_STAGES = {"document": document_stage, "drafts": drafts_stage, "candidates": candidates_stage,
                "assemble": assemble_stage}


def load_model() -> None:
    """The model, the rule patterns, the gazetteer and the institution names, loaded now (each once
    per process) rather than by the first document that needs them."""
    from extractors.language.gazetteer import find_municipalities
    from extractors.language.institutions import find_institutions
    from extractors.language.nlp import load_nlp, load_ruler

    load_nlp()
    load_ruler()
    find_municipalities("")
    find_institutions("")
