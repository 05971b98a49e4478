"""Where tasks run: threads, local processes, or a Dask cluster; and how they are stopped.

- `auto` (default): `thread` for a handful of small inputs (`choose_runner`: at
  most SMALL_RUN_FILES files or URLs, SMALL_RUN_BYTES in all), where starting
  worker processes, each loading the model, would cost more than the work;
  `process` otherwise.
- `process`: a pool of worker processes on this machine, one per
  core by default. GiNZA holds the GIL, so threads cannot use a second core;
  processes can. The workers are forked from a fork server that has imported
  Prefect and the tasks and loaded the model once (`preload_pool`,
  `flows/preload.py`); the command line forks it from itself once it has
  imported Prefect and the flows (`fork_pool_server`: the copy only loads the
  model), so that it loads while the server starts. Where no fork
  server can be had (CHUSHO_POOL_START=spawn says so too), the workers are
  spawned and each loads the model on its first document. The workers take a
  long document's tasks (page ranges, join, candidates, drafts) before the small
  documents' still queued (`_goes_first`, `internals.queued_first`): its chain
  runs beside them, not after them all on one core.
- `thread`: the tasks run on threads of the flow's process; one model. From the
  command line, the model lives in one more process, the model worker
  (`runtime/modelworker.py`), forked before Prefect is imported: it loads the model
  on the other core while this process imports Prefect and creates the flow
  run, reads and drafts a small run's local files ahead, and does the model
  stages of the tasks; the flow's process never loads the model. Should the
  worker not start, or die, the model is loaded here (`warm_up_model`, or by the
  first task that needs it).
- `dask`: prefect-dask's DaskTaskRunner. With `dask_address` the tasks go to
  an existing Dask scheduler (workers on many machines, each with the project
  installed); without, a local cluster of `workers` single-threaded worker
  processes is started for the run. The model is loaded once per Dask worker
  (`extractors.language.nlp.load_nlp` is cached per process), not per task.

The flows do not change with the runner: they are given one with
`flow.with_options(task_runner=make_runner(...))`. Stopping their tasks at
Ctrl-C (`runtime/interrupt.py`): `cancel_future`, `finished`, `wait_for` (and
`internals.abandon`: a runner left without waiting for what still runs).

Prefect is imported inside `make_runner` and the worker's initializer, not
here: the command line imports this module (`choose_runner`) before it forks
the model worker, which must not inherit Prefect. The stages (the extractors)
too: for a run on processes, the command forks its temporary server as soon
as it has chosen the runner and imported `prefect` (`server.fork_server`).
"""
from __future__ import annotations

import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

from extractors.reading.paths import local_path
from flows.runtime import internals, orphans
from flows.runtime.timeline import mark

RUNNERS = ("auto", "process", "thread", "dask")
SMALL_RUN_FILES = 4  # a run of at most this many inputs ...
SMALL_RUN_BYTES = 3_000_000  # ... and bytes in all runs on threads under `auto`


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def choose_runner(sources: list[str]) -> str:
    """`auto`'s choice: threads for a handful of small files and URLs, worker processes otherwise."""
    if len(sources) > SMALL_RUN_FILES:
        return "process"
    size = 0
    for source in sources:
        if not source.startswith(("http://", "https://")):
            try:
                size += os.path.getsize(local_path(source))
            except OSError:
                pass  # a missing file is reported by its fetch task
    return "thread" if size <= SMALL_RUN_BYTES else "process"


def _in_background(name: str, load: Callable[[], None]) -> threading.Thread:
    """`load` started in a daemon thread named `name`; what fails there is left to the run, which loads it
    again where it needs it and reports what is missing there."""
    def run() -> None:
        try:
            load()
        except Exception:  # noqa: BLE001  (loaded again, and reported, where the run needs it)
            pass

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread


def warm_up_model() -> threading.Thread:
    """Load the model, the rule patterns and the name lists in a background thread (tasks that need
    them wait for it: each loader holds a lock or is idempotent; a missing model is reported by the
    first task that needs it)."""
    def load() -> None:
        from flows.runtime import stages  # (lazy: see the module's docstring)

        stages.load_model()
        mark("model, rules and name lists loaded (in the background)")

    return _in_background("warm-up-model", load)


def warm_up_run_end(flow_starts: threading.Event) -> threading.Thread:
    """In the flow's own process, in a background thread: what every run loads there on first use once
    the flow runs, each on the critical path of a small run (a tenth of a second or more each on a busy
    machine). At once, while the Prefect server starts: what the flow run's start imports (FastAPI's
    encoder, for the flow run's parameters; Prefect's visualization module). Then, once `flow_starts`
    is set (the server answers), while the flow run is being created (the flow's thread mostly waits
    for the server then): the name lists the records are linked with and their confidence model, the
    versions for the manifest, the output folder's schemas and review page template. Not during the
    server's start: the model worker, reniced to give the server's start the way, loads the model on the
    other core then, and the flow waits for it first. Whatever is not loaded yet when the flow needs it is loaded
    there, as without this. (Not at a lower priority: the flow's thread would wait for it on a busy
    machine, for a module it is importing, with no way back for an unprivileged user.)"""
    def load() -> None:
        import fastapi.encoders  # noqa: F401  (lazy: Prefect's Flow.serialize_parameters imports it)
        import prefect.utilities.visualization  # noqa: F401  (lazy: Prefect's Flow.__call__ imports it)

        flow_starts.wait()
        # lazy: the records' linking and confidence, the manifest and the output folder, in the flow's process
        from extractors.records.confidence import load_model as load_confidence_model
        from extractors.records.local_codes import local_bodies, prefectures_by_romaji
        from extractors.versions import versions
        from output.folder import schema_texts
        from output.review import review_template

        versions()
        local_bodies()
        prefectures_by_romaji()
        load_confidence_model()
        schema_texts()
        review_template()
        mark("run end's imports and name lists loaded (in the background)")

    return _in_background("warm-up-run-end", load)


def process_worker_init() -> None:
    """The process runner's worker initializer: death with the run, Ctrl-C left to the run, the memory
    limit, replacement over it, and Prefect's settings context validated once per run
    (`internals.reuse_settings_context`)."""
    from flows.runtime import stages  # (imported already in a worker: the tasks import it)

    orphans.die_with_parent(sig=signal.SIGKILL)  # (set already when flows/__init__.py was imported first)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the flow stops us
    signal.signal(signal.SIGTERM, _end_worker)
    stages.guard_memory()  # a pool worker runs one task at a time: the memory limit applies
    internals.replace_worker_when(stages.replacement_wanted, lambda: mark(
        f"pool worker {os.getpid()} replaced: a document took it over its memory limit"))
    internals.collections_without_dask()
    internals.reuse_settings_context()


def _end_worker(signum, frame) -> None:
    """SIGTERM in a process pool's worker (a stopped run terminates its pool; a killed command's
    death sends it): release its multiprocessing semaphores, which the pool's resource tracker would
    report as leaked, then exit at once."""
    try:
        internals.run_multiprocessing_finalizers()
    finally:
        os._exit(0)


_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"
PRELOAD = "flows.preload"  # what the fork server imports before it forks a worker
FORK_SERVER_NAME = "pool-forkserver"  # the name of a fork server forked from the command (`fork_pool_server`)
POOL_START = os.environ.get("CHUSHO_POOL_START", "forkserver")  # or "spawn": each worker loads everything


def _quiet_tracker() -> None:
    """multiprocessing's resource tracker (and the fork server), started after this with this interpreter's
    -W options, unlinks the semaphores of workers killed with the run; its warning about them is not the
    user's business."""
    if _QUIET_TRACKER not in sys.warnoptions:
        sys.warnoptions.append(_QUIET_TRACKER)


def preload_pool():
    """The fork server the process pool's workers are forked from, started now if it is not running (it
    imports Prefect and the tasks and loads the model: `flows/preload.py`); its multiprocessing context,
    or None when CHUSHO_POOL_START says spawn or no fork server can be started (the workers are then
    spawned). Dies with this process (POOL_PARENT, set while it starts)."""
    if POOL_START != "forkserver":
        return None
    _quiet_tracker()
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])
    before = os.environ.get(orphans.POOL_PARENT)
    os.environ[orphans.POOL_PARENT] = str(os.getpid())
    try:
        from multiprocessing import forkserver

        forkserver.ensure_running()
    except OSError as exc:
        mark(f"no fork server for the pool workers ({exc}): they are spawned")
        return None
    finally:
        if before is None:
            os.environ.pop(orphans.POOL_PARENT, None)
    return context


def fork_pool_server() -> bool:
    """The pool workers' fork server started as a fork of this process, which has imported Prefect and the
    tasks already (the command line, once the flows are imported): the fork server then only loads the model
    (`flows/preload.py`), where a fresh interpreter imports Prefect and the tasks again, over a second of
    CPU. Whether it was started; when not (CHUSHO_POOL_START says spawn, a fork server runs already, this is
    a child process, or another thread runs: a fork copies only this thread, and a lock another one holds
    would stay held in the copy), `preload_pool` starts one as before when the pool starts.

    The copy is made to look like the fork server multiprocessing starts (`forkserver.ensure_running`): it
    keeps only the standard streams, the listening socket and its end of the "alive" pipe (the output
    folder's lock, among others, is this process's alone), takes the default action for the signals this
    process handles, and never returns here: it serves until the run ends, then exits at once."""
    if POOL_START != "forkserver" or multiprocessing.parent_process() is not None or threading.active_count() > 1:
        return False
    # (here: only a run on the process pool forks its server, and the thread runner's runs import none of these)
    import gc
    import socket
    from multiprocessing import connection, forkserver, resource_tracker, util

    server = forkserver._forkserver
    if server._forkserver_pid is not None:
        return False
    _quiet_tracker()
    multiprocessing.get_context("forkserver").set_forkserver_preload([PRELOAD])
    resource_tracker.ensure_running()  # (started by this process, as ensure_running does: its workers use it)
    gc.collect()  # nothing left for the copy to finalise: every object it holds is this process's
    with socket.socket(socket.AF_UNIX) as listener:
        address = connection.arbitrary_address("AF_UNIX")
        listener.bind(address)
        if not util.is_abstract_socket_namespace(address):
            os.chmod(address, 0o600)
        listener.listen()
        alive_r, alive_w = os.pipe()
        os.environ[orphans.POOL_PARENT] = str(os.getpid())
        try:
            pid = os.fork()
        except OSError as exc:
            os.close(alive_r)
            os.close(alive_w)
            mark(f"fork server not forked from this process ({exc})")
            return False
        finally:
            if os.getpid() == int(os.environ[orphans.POOL_PARENT]):
                os.environ.pop(orphans.POOL_PARENT, None)
        if pid == 0:
            _serve_forks(listener.fileno(), alive_r, int(os.environ[orphans.POOL_PARENT]))  # never returns
        os.close(alive_r)
    with server._lock:
        server._forkserver_address, server._forkserver_alive_fd, server._forkserver_pid = address, alive_w, pid
    mark(f"pool workers' fork server forked (pid {pid})")
    return True


def _serve_forks(listener: int, alive_r: int, parent: int) -> None:
    """In the fork of `fork_pool_server`: multiprocessing's fork server loop, then exit (never return)."""
    code = 1
    try:
        orphans.die_with_parent(parent, signal.SIGKILL)  # first (flows.preload sets it again)
        orphans.part_from_command(FORK_SERVER_NAME, keep=(listener, alive_r))  # its workers take its name too
        from multiprocessing import forkserver

        forkserver.main(listener, alive_r, [PRELOAD])  # imports flows.preload: the model; ends when the run does
        code = 0
    except SystemExit:
        code = 0
    except BaseException:  # noqa: BLE001  (reported, and never back into the command's code)
        import traceback

        traceback.print_exc()
    finally:
        os._exit(code)


QUEUED_LAST = ("document", "documents")  # the tasks the process pool's workers take after every other task queued


def _goes_first(task) -> bool:
    """Whether a task goes ahead of those queued for the process pool's workers: all but a small document's
    one task. The others are a long document's: its page ranges, their join, its candidates and drafts, each
    submitted as the one before ends, a chain the run waits for to its end, which would otherwise wait behind
    every small document queued meanwhile, and end the run on one core."""
    return getattr(task, "name", None) not in QUEUED_LAST


def process_runner(workers: int):
    """Prefect's ProcessPoolTaskRunner whose workers are forked from the preloaded fork server
    (`preload_pool`), or spawned, and die with this process from their first moment: a forked worker
    with its fork server, which dies with this process; while the pool lives, POOL_PARENT in the
    environment tells a spawned worker who its parent is, and it sets itself to die with it as soon as
    it imports `flows` (flows/runtime/orphans.py)."""
    from prefect.task_runners import ProcessPoolTaskRunner  # lazy: see the module's docstring

    class ProcessRunner(ProcessPoolTaskRunner):
        def __enter__(self):
            os.environ[orphans.POOL_PARENT] = str(os.getpid())
            _quiet_tracker()
            super().__enter__()
            # (Prefect enters a copy of the flow's runner in a worker for each task it runs: only the run's
            # own process starts workers)
            if multiprocessing.parent_process() is None:
                context = preload_pool()
                if context is not None:
                    internals.pool_start_method(self, context)
                internals.queued_first(self, _goes_first)
            return self

        def __exit__(self, *exc):
            try:
                super().__exit__(*exc)
            finally:
                os.environ.pop(orphans.POOL_PARENT, None)

    return ProcessRunner(max_workers=workers, initializer=process_worker_init)


def make_runner(kind: str = "process", workers: int | None = None, dask_address: str | None = None):
    workers = workers or default_workers()
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner  # lazy: see the module's docstring

        return ThreadPoolTaskRunner(max_workers=max(4, workers * 2))
    if kind == "process":
        return process_runner(workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner  # lazy: Prefect, and Dask, asked for with --runner dask only

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise ValueError(f"unknown runner {kind!r}: choose one of {', '.join(RUNNERS)}")


def cancel_future(future) -> bool:
    """Cancel a task that has not started (True if it will not run); a running one runs on."""
    wrapped = getattr(future, "wrapped_future", None)
    if wrapped is not None:
        return wrapped.cancel()
    cancel = getattr(future, "cancel", None)  # prefect-dask's futures
    try:
        return bool(cancel()) if cancel is not None else False
    except Exception:  # noqa: BLE001
        return False


def done(future) -> bool:
    """Finished (or cancelled), asked without a call to the API where the runner's own future can say."""
    wrapped = getattr(future, "wrapped_future", None)
    return wrapped.done() if wrapped is not None else future.state.is_final()


def finished(future) -> bool:
    """Done and not cancelled, asked without a call to the API where the runner's own future can say."""
    wrapped = getattr(future, "wrapped_future", None)
    if wrapped is not None:
        return wrapped.done() and not wrapped.cancelled()
    try:
        return future.state.is_final()
    except Exception:  # noqa: BLE001
        return False


def _settled(future) -> bool:
    """Done, cancelled or failed (a process pool's futures are not plain concurrent futures: ask them)."""
    wrapped = getattr(future, "wrapped_future", None)
    if wrapped is not None:
        return wrapped.done() or wrapped.cancelled()
    try:
        return future.state.is_final()
    except Exception:  # noqa: BLE001
        return True


def wait_for(futures: list, timeout: float, step: float = 0.05) -> None:
    """Wait up to `timeout` seconds for the futures to settle (polled: they come from several runners)."""
    deadline = time.monotonic() + timeout
    left = list(futures)
    while left and time.monotonic() < deadline:
        left = [f for f in left if not _settled(f)]
        if left:
            time.sleep(step)
