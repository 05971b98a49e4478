"""The model worker: one plain process (no Prefect) that holds GiNZA for a small run on threads.

On the thread runner the tasks run in the CLI's own process, where importing
Prefect and loading the model (spaCy, ja_ginza, the rule patterns, the
gazetteer and the institution names), each a few seconds, would take turns on
one core (the GIL). So `chusho-extract run` forks this process as soon as it
has asked for the Prefect server (a temporary server is started first: its
start is the longest chain of such a run, and the worker is reniced to 10 until
it answers), before Prefect is imported (`ModelWorker.start`; fork: nothing to
import again, sooner than spawn or forkserver, and no thread to copy yet). The model is
loaded there, on the second core, while the CLI imports Prefect and creates the
flow run. The CLI's process never loads the model on that path.

The worker:

- fetches the run's local files it was given (the CLI passes them when `auto`
  judged the run small), and sends its *plan*: those the flow will read and
  draft in one `document` task (`stages.one_task`), each with the fetch fields
  and sha256 of the bytes it read, and the settings;
- loads the model (`stages.load_model`);
- reads and drafts the planned files, ahead of the flow (*read-ahead*), one at a
  time, in order, but a request waiting goes first, a file a task waits for moves
  to the front (`want`: the others may be cache hits) and a file whose bytes the
  flow found changed is dropped (`drop`);
- serves requests: a model stage (`stages.MODEL_STAGES`) on the values the
  flow's task sends, until it is stopped.

In the CLI's process, a task of a model stage calls `compute(stage, ...)`. With a
worker in use, a `document` task whose source is planned takes the read-ahead
result only when the worker fetched the very bytes (sha256) and fetch fields the
flow fetched, with equal settings; otherwise (changed bytes or settings, a URL, a
document read in parts) the task sends its own values to the worker. If the
worker is gone (killed, its model failed to load) or raised, the task does the
work in its own process, as without a worker. The tasks stay Prefect tasks, with
their states and cache: a cache hit never calls the function, so it never waits
for the worker.

`die_with_parent` makes a killed CLI take the worker with it; the CLI stops it
(SIGKILL: it holds nothing to save, and freeing the model would only cost time)
at the end of the run.
"""
from __future__ import annotations

import itertools
import multiprocessing
import os
import signal
import threading
from collections import Counter
from contextlib import contextmanager

from extractors.reading import fetch_source
from flows.runtime import stages
from flows.runtime.orphans import die_with_parent
from flows.runtime.timeline import mark

START_METHOD = os.environ.get("CHUSHO_WORKER_START", "fork")  # fork: see the module's docstring


class WorkerUnavailable(Exception):
    """The worker cannot give this value (gone, or it raised): compute it in this process."""


def _fetch_fields(fetched) -> dict:
    """What a read-ahead result is checked against besides the settings: every field but the bytes
    themselves (their sha256 stands for them)."""
    return fetched.model_dump(exclude={"content"})


def _main(conn, sources: list[str], settings, parent: int | None = None) -> None:
    """The worker process's main: see `_serve`; a closed pipe (the CLI is gone) ends it quietly."""
    die_with_parent(parent)  # first: a CLI killed before this is noticed here
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the CLI stops us
    stages.guard_memory()  # one stage at a time: its memory limit applies
    try:
        _serve(conn, sources, settings)
    except (EOFError, OSError):
        pass


def _serve(conn, sources: list[str], settings) -> None:
    """Plan, model, read-ahead, then requests until stopped or the pipe closes."""
    ahead = []
    for source in sources:
        try:
            fetched = fetch_source(source, settings)
            if not fetched.error and stages.one_task(fetched, settings):
                ahead.append(fetched)
        except Exception:  # noqa: BLE001  (the flow's own fetch reports it)
            pass
    conn.send(("plan", {f.uri: (_fetch_fields(f), f.sha256) for f in ahead}, settings))
    try:
        stages.load_model()
    except BaseException as exc:  # noqa: BLE001  (the first task that needs the model reports it)
        conn.send(("failed", f"the model did not load: {type(exc).__name__}: {exc}"))
        return
    mark("model, rules and name lists loaded (in the model worker)")
    conn.send(("ready",))
    while True:
        # requests first (a task waits for each), then the next file read ahead: a task that wants
        # one of those (the others may be cached) moves it to the front
        if ahead and not conn.poll():
            fetched = ahead.pop(0)
            try:
                result = ("ok", stages.document_stage(fetched, settings))
            except Exception as exc:  # noqa: BLE001
                result = ("error", f"{type(exc).__name__}: {exc}")
            _send(conn, ("ahead", fetched.uri), result)
            mark(f"read ahead in the model worker: {fetched.uri}")
            if stages.replacement_wanted():
                return  # over its memory limit for good: the flow's tasks do the rest themselves
            continue
        message = conn.recv()
        if message[0] == "stop":
            return
        if message[0] == "want":
            ahead.sort(key=lambda f: f.uri != message[1])  # stable: the rest keep their order
            continue
        if message[0] == "drop":  # the flow fetched other bytes: not needed
            ahead = [f for f in ahead if f.uri != message[1]]
            continue
        _, rid, stage, args = message
        try:
            result = ("ok", stages.MODEL_STAGES[stage](*args))
        except Exception as exc:  # noqa: BLE001
            result = ("error", f"{type(exc).__name__}: {exc}")
        _send(conn, ("reply", rid), result)
        if stages.replacement_wanted():
            return  # over its memory limit for good: the flow's tasks do the rest themselves


def _send(conn, head: tuple, result: tuple) -> None:
    try:
        conn.send((*head, result))
    except (TypeError, AttributeError, ValueError, RecursionError) as exc:  # a value that does not pickle
        conn.send((*head, ("error", f"not sent: {type(exc).__name__}: {exc}")))


class ModelWorker:
    """The CLI's handle on the worker process; `compute()` uses the one `use()`d."""

    def __init__(self, process, conn):
        self.process, self._conn = process, conn
        self._cond = threading.Condition()
        self._plan: dict[str, tuple] | None = None  # URI -> (fetch fields, sha256) of each file read ahead
        self._plan_settings = None
        self._ahead: dict[str, tuple] = {}
        self._replies: dict[int, tuple] = {}
        self._ids = itertools.count()
        self._send_lock = threading.Lock()
        self._listener: threading.Thread | None = None
        self._gone: str | None = None
        self._stopping = False
        self.stats: Counter = Counter()  # read-ahead results taken / not taken, requests, fallbacks

    @classmethod
    def start(cls, sources: list[str], settings, method: str | None = None) -> "ModelWorker":
        """Start the worker; `sources`: local files to read ahead (the flow will fetch the same).
        Forked (the fastest: sooner than spawn or forkserver, which import everything again)
        unless `method` or CHUSHO_WORKER_START say otherwise, or this process already has threads."""
        if method is None:  # fork copies only the calling thread: with others running (a caller's), spawn
            method = START_METHOD if threading.active_count() == 1 else "spawn"
        ctx = multiprocessing.get_context(method)
        ours, theirs = ctx.Pipe()
        process = ctx.Process(target=_main, args=(theirs, list(sources), settings, os.getpid()),
                              name="chusho-model-worker", daemon=True)
        process.start()
        theirs.close()  # ours then reads EOF when the worker exits, however it exits
        mark(f"model worker started (pid {process.pid}, {method})")
        return cls(process, ours)

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def _listen(self) -> None:
        """The thread that takes the worker's messages, started on first use (not at start: the CLI
        may still start a server process, which should not be forked from a process with threads)."""
        with self._cond:
            if self._listener is None:
                self._listener = threading.Thread(target=self._receive, name="model-worker-messages", daemon=True)
                self._listener.start()

    def _receive(self) -> None:
        while True:
            try:
                message = self._conn.recv()
            except Exception as exc:  # noqa: BLE001  (EOF: it exited or was killed; or a value did not unpickle)
                self._lost(f"it exited ({type(exc).__name__})" if isinstance(exc, (EOFError, OSError))
                           else f"{type(exc).__name__}: {exc}")
                return
            with self._cond:
                kind = message[0]
                if kind == "plan":
                    self._plan, self._plan_settings = message[1], message[2]
                elif kind == "ahead":
                    self._ahead[message[1]] = message[2]
                elif kind == "reply":
                    self._replies[message[1]] = message[2]
                elif kind == "failed":
                    self._plan = self._plan or {}
                    self._lost(message[1])
                self._cond.notify_all()

    def _lost(self, why: str) -> None:
        with self._cond:
            if self._gone is None:
                self._gone = why
                if not self._stopping:
                    mark(f"model worker gone ({why}): the document work runs in this process")
            self._cond.notify_all()

    @property
    def gone(self) -> str | None:
        return self._gone

    def planned(self) -> set[str]:
        """The URIs it reads ahead, once it has fetched them (none when it is gone first)."""
        self._listen()
        with self._cond:
            self._cond.wait_for(lambda: self._plan is not None or self._gone)
            return set(self._plan or {})

    def document(self, fetched, settings):
        """A small source read and drafted: the read-ahead result when the worker fetched the very bytes
        (sha256) and fetch fields the flow fetched, with equal settings; else the worker's work on the
        values given."""
        self._listen()
        with self._cond:
            self._cond.wait_for(lambda: self._plan is not None or self._gone)
            planned = None if self._gone else self._plan.get(fetched.uri)
            same = planned == (_fetch_fields(fetched), fetched.sha256) and self._plan_settings == settings
            ready = fetched.uri in self._ahead
        if planned is not None and not same:
            self.stats["read ahead for other bytes or settings"] += 1
            mark(f"read-ahead not used (other bytes or settings): {fetched.uri}")
            self._send(("drop", fetched.uri))
        elif planned is not None:
            if not ready:
                self._send(("want", fetched.uri))  # next, before the other files read ahead
            with self._cond:
                self._cond.wait_for(lambda: fetched.uri in self._ahead or self._gone)
                status, value = self._ahead.pop(fetched.uri, ("gone", self._gone))
            if status == "ok":
                self.stats["read ahead"] += 1
                return value
            if status != "gone":
                self.stats["read-ahead raised"] += 1
            raise WorkerUnavailable(value)
        return self.call("document", fetched, settings)

    def call(self, stage: str, *args):
        """The worker's value of a model stage on `args`; WorkerUnavailable when it is gone or raised."""
        self._listen()
        if self._gone is not None:
            raise WorkerUnavailable(self._gone)
        rid = next(self._ids)
        if not self._send(("call", rid, stage, args)):
            raise WorkerUnavailable(self._gone)
        with self._cond:
            self._cond.wait_for(lambda: rid in self._replies or self._gone)
            reply = self._replies.pop(rid, None)
        if reply is None:
            raise WorkerUnavailable(self._gone)
        status, value = reply
        if status != "ok":
            self.stats["raised"] += 1
            raise WorkerUnavailable(value)
        self.stats[f"{stage} requests"] += 1
        return value

    def renice(self, niceness: int) -> None:
        """Its scheduling priority (a temporary server's start, seconds of one core, is then the longest
        chain of the run: the worker gives way to it). Back to 0 is allowed with CAP_SYS_NICE only."""
        try:
            os.setpriority(os.PRIO_PROCESS, self.process.pid, niceness)
        except OSError:
            pass

    def _send(self, message: tuple) -> bool:
        """Send (not holding the condition: a large message waits for the worker to read it)."""
        try:
            with self._send_lock:
                self._conn.send(message)
            return True
        except (OSError, ValueError) as exc:  # the pipe is closed: it is gone
            self._lost(f"it exited ({type(exc).__name__})")
            return False

    def kill(self) -> None:
        """Kill it, without waiting (it holds nothing to save: SIGKILL spares it freeing the model; the system
        frees its memory meanwhile, a tenth of a second of a core for a loaded model); `stop` reaps it."""
        with self._cond:
            self._stopping = True
        if self.process.is_alive():
            self.process.kill()

    def stop(self) -> None:
        """Kill and reap it."""
        self.kill()
        self.process.join(timeout=10)
        if self._listener is None:
            self._conn.close()  # no thread reads it: close it here


_current: ModelWorker | None = None
_one_flow = False  # the worker in use serves one flow run (`use`, `finished`)


def current() -> ModelWorker | None:
    return _current


@contextmanager
def use(worker: ModelWorker | None, one_flow: bool = False):
    """`compute()` asks `worker` (None: no worker) inside; it is stopped at the end. With `one_flow` (the
    command line's run), it serves one flow run, and is killed as soon as that run's documents are done
    (`finished`)."""
    global _current, _one_flow
    before, _current = (_current, _one_flow), worker
    _one_flow = one_flow
    try:
        yield worker
    finally:
        _current, _one_flow = before
        if worker is not None:
            worker.stop()


def finished() -> None:
    """A flow run's model work is done (every document drafted): a worker in use for one flow run is killed
    now, so that the system frees its memory while the run builds the records and writes its output, not
    after; `use()` reaps it at the end. A model stage asked for after this is done in this process (as
    when the worker is gone)."""
    if _current is not None and _one_flow:
        _current.kill()


def compute(stage: str, *args):
    """A model stage's value: from the worker in use when there is one and it can give it, else here."""
    worker = _current
    if worker is not None:
        try:
            return worker.document(*args) if stage == "document" else worker.call(stage, *args)
        except WorkerUnavailable:
            worker.stats["computed here"] += 1
    return stages.MODEL_STAGES[stage](*args)
