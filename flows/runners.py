"""Where tasks run (threads, local processes, or a Dask cluster), and which Prefect server they report to.

- `auto` (default): `thread` for a handful of small inputs (`choose_runner`: at
  most SMALL_RUN_FILES files or URLs, SMALL_RUN_BYTES in all), where starting
  worker processes, each loading the model, would cost more than the work;
  `process` otherwise.
- `process`: a pool of worker processes on this machine, one per
  core by default. GiNZA holds the GIL, so threads cannot use a second core;
  processes can. Each worker loads the model once, on its first document.
- `thread`: the tasks run on threads of the flow's process; one model. From the
  command line, the model lives in one more process, the model worker
  (`flows/modelworker.py`), forked before Prefect is imported: it loads the model
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
`flow.with_options(task_runner=make_runner(...))`.

The server (`LocalApi`): PREFECT_API_URL when it is set; else a Prefect server
already running on this machine at 127.0.0.1:4200 (`chusho-extract serve`'s,
or `prefect server start`'s; another address with CHUSHO_LOCAL_API), whose UI
then shows the run; else a temporary
server of our own, started before anything else is done (its ~6 s of start-up
overlap the imports and the model load) and stopped at the end.
"""
from __future__ import annotations

import atexit
import functools
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from flows import orphans
from flows.timeline import mark, process_start

RUNNERS = ("auto", "process", "thread", "dask")
SMALL_RUN_FILES = 4  # a run of at most this many inputs ...
SMALL_RUN_BYTES = 3_000_000  # ... and bytes in all runs on threads under `auto`
DEFAULT_LOCAL_API = "http://127.0.0.1:4200/api"  # where `serve` (and `prefect server start`) listen


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def die_with_parent() -> None:
    """In a child process: be sent SIGTERM when the process that started it dies, even by SIGKILL
    (Linux PR_SET_PDEATHSIG), so that a killed run leaves no server or worker processes behind."""
    orphans.die_with_parent()


def choose_runner(sources: list[str]) -> str:
    """`auto`'s choice: threads for a handful of small files and URLs, worker processes otherwise."""
    if len(sources) > SMALL_RUN_FILES:
        return "process"
    from extractors.reading.paths import local_path

    size = 0
    for source in sources:
        if not source.startswith(("http://", "https://")):
            try:
                size += os.path.getsize(local_path(source))
            except OSError:
                pass  # a missing file is reported by its fetch task
    return "thread" if size <= SMALL_RUN_BYTES else "process"


def warm_up_model() -> threading.Thread:
    """Load the model, the rule patterns and the name lists in a background thread (tasks that need
    them wait for it: each loader holds a lock or is idempotent)."""
    def load() -> None:
        try:
            from flows.stages import load_model

            load_model()
            mark("model, rules and name lists loaded (in the background)")
        except Exception:  # a missing model is reported by the first task that needs it
            pass

    thread = threading.Thread(target=load, name="warm-up-model", daemon=True)
    thread.start()
    return thread


def process_worker_init() -> None:
    """The process runner's worker initializer: `die_with_parent`, and one settings context per run.

    Prefect runs each task on a worker process inside the flow's context, sent along with the task:
    the settings context is validated anew for every task (pydantic-settings builds ~50 models from
    the environment each time), ~0.22 s of CPU per task, as much as the work on a small page. That
    context is the same for every task of a flow run (the runner serialises it once), so the worker
    validates each distinct one once and enters a copy of it for each task. The rest of Prefect's
    `hydrated_context` (flow run and task run contexts, tags, assets, the client) is Prefect's own.
    """
    orphans.die_with_parent(sig=signal.SIGKILL)  # (set already when flows/__init__.py was imported first)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole process group: the flow stops us
    signal.signal(signal.SIGTERM, _end_worker)
    from flows import stages

    stages.guard_memory()  # a pool worker runs one task at a time: the memory limit applies
    _replaced_when_asked()
    _collections_without_dask()
    import json

    import prefect.context as prefect_context

    prefect_hydrated = prefect_context.hydrated_context
    if getattr(prefect_hydrated, "reuses_settings", False):
        return
    validated: dict[str, object] = {}
    clients: dict[str, object] = {}  # API URL -> this worker's client context, entered once and kept

    @contextmanager
    def hydrated_context(serialized_context=None, client=None):
        settings = (serialized_context or {}).get("settings_context")
        if not settings:
            with prefect_hydrated(serialized_context, client):
                yield
            return
        key = json.dumps(settings, sort_keys=True, default=str)
        if key not in validated:
            validated.clear()  # one run at a time: the last one is all that is needed
            validated[key] = prefect_context.SettingsContext(**settings)
        rest = {name: value for name, value in serialized_context.items() if name != "settings_context"}
        with validated[key].model_copy():
            with prefect_hydrated(rest, client or _worker_client(clients)):
                yield

    hydrated_context.reuses_settings = True
    prefect_context.hydrated_context = hydrated_context


def _collections_without_dask() -> None:
    """In a pool worker: Prefect's collections (the `prefect.collections` entry points) loaded now, but for
    prefect-dask's.

    Prefect loads every installed collection the first time a task's context names a block (its result
    storage), so that collections may register block types: in each worker, at its first task.
    prefect-dask registers none (it gives the Dask task runner, which a pool worker never uses), and
    its import (dask.distributed) took 3 s of a worker's first task on a busy 2-core machine. Prefect
    keeps what it loaded in a module global (`prefect._internal.plugins.collections._collections`,
    prefect 3.8); where that is not as expected, nothing is done and Prefect loads them all itself."""
    try:
        from importlib.metadata import EntryPoints, entry_points

        from prefect._internal.plugins import collections as plugins
    except ImportError:
        return
    if getattr(plugins, "_collections", False) is not None or not hasattr(plugins, "safe_load_entrypoints"):
        return  # loaded already, or not the Prefect this was written for
    wanted = EntryPoints(ep for ep in entry_points(group="prefect.collections")
                         if ep.value.split(".")[0].split(":")[0] != "prefect_dask")
    plugins._collections = plugins.safe_load_entrypoints(wanted)


def _worker_client(clients: dict[str, object]):
    """This worker process's one Prefect client for the run's API, made and entered at its first task and kept.

    Without it Prefect makes two clients per task run in a worker (one for the flow run's context, one for
    the task engine's client context), each with a new TLS context (certifi's bundle parsed), a new
    connection and, for the entered one, the server's version asked again. Entered once here, the client
    context stays current in the worker's thread (a pool worker runs its tasks one after another in that
    thread), so the task engine's `SyncClientContext.get_or_create()` finds it too."""
    from prefect.context import SyncClientContext
    from prefect.settings import PREFECT_API_URL

    url = str(PREFECT_API_URL.value())
    context = clients.get(url)
    if context is None:
        clients.clear()  # another API (a pool lives for one run): its client is left for the collector
        context = SyncClientContext()
        try:
            context.__enter__()  # not left: the process ends with the pool
        except Exception:  # noqa: BLE001  (no server to be had: the task engine says so, as without this)
            return None
        clients[url] = context
    return context.client


def _end_worker(signum, frame) -> None:
    """SIGTERM in a process pool's worker (a stopped run terminates its pool; a killed command's
    death sends it): release its multiprocessing semaphores, which the pool's resource tracker would
    report as leaked, then exit at once."""
    try:
        import multiprocessing.util

        multiprocessing.util._run_finalizers(0)
    finally:
        os._exit(0)


_QUIET_TRACKER = "ignore:resource_tracker:UserWarning"


def process_runner(workers: int):
    """Prefect's ProcessPoolTaskRunner whose workers die with this process from their first moment:
    while its pool lives, POOL_PARENT in the environment tells a spawned worker who its parent is, and
    the worker sets itself to die with it as soon as it imports `flows` (flows/orphans.py)."""
    from prefect.task_runners import ProcessPoolTaskRunner

    class ProcessRunner(ProcessPoolTaskRunner):
        def __enter__(self):
            os.environ[orphans.POOL_PARENT] = str(os.getpid())
            # multiprocessing's resource tracker, started now with this interpreter's -W options, unlinks the
            # semaphores of workers killed with the run; its warning about them is not the user's business
            if _QUIET_TRACKER not in sys.warnoptions:
                sys.warnoptions.append(_QUIET_TRACKER)
            return super().__enter__()

        def __exit__(self, *exc):
            try:
                super().__exit__(*exc)
            finally:
                os.environ.pop(orphans.POOL_PARENT, None)

    return ProcessRunner(max_workers=workers, initializer=process_worker_init)


def _replaced_when_asked() -> None:
    """In a process pool's worker: once a task leaves it over its memory limit for good
    (`stages.replacement_wanted`), it exits after sending that task's result, and the pool starts another.

    The pool (concurrent.futures.ProcessPoolExecutor) replaces a worker that says, with a result,
    that it is exiting (its max_tasks_per_child mechanism); a worker that dies otherwise breaks the
    whole pool. So the worker's result queue is given a `put` that marks the result of such a task
    with its pid, and its call queue a `get` that exits instead of taking another task. Both are
    found in the frame of the pool's worker loop, which calls this initializer (Python 3.11's
    `_process_worker`); elsewhere nothing is changed, and a worker over its limit keeps working.
    """
    from concurrent.futures import process as cf_process

    frame = sys._getframe()
    while frame is not None and frame.f_code is not cf_process._process_worker.__code__:
        frame = frame.f_back
    if frame is None:
        return
    call_queue, result_queue = frame.f_locals.get("call_queue"), frame.f_locals.get("result_queue")
    if call_queue is None or result_queue is None:
        return
    from flows import stages

    put, get = result_queue.put, call_queue.get

    def put_result(item, *args, **kwargs):
        if stages.replacement_wanted() and isinstance(item, cf_process._ResultItem) and item.exit_pid is None:
            item.exit_pid = os.getpid()  # the pool takes this worker out and starts another
        return put(item, *args, **kwargs)

    def get_call(*args, **kwargs):
        if stages.replacement_wanted():  # its last result is sent: go
            mark(f"pool worker {os.getpid()} replaced: a document took it over its memory limit")
            os._exit(0)
        return get(*args, **kwargs)

    result_queue.put, call_queue.get = put_result, get_call


def make_runner(kind: str = "process", workers: int | None = None, dask_address: str | None = None):
    workers = workers or default_workers()
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=max(4, workers * 2))
    if kind == "process":
        return process_runner(workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise ValueError(f"unknown runner {kind!r}: choose one of {', '.join(RUNNERS)}")


def api_healthy(api_url: str, timeout: float = 1.0) -> bool:
    """Whether a Prefect API answers at api_url (urllib: no Prefect or httpx import needed)."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout) as response:
            return response.status == 200 and response.read().strip() == b"true"
    except (OSError, ValueError):
        return False


def running_local_api(api_url: str | None = None) -> str | None:
    """api_url (default: $CHUSHO_LOCAL_API, else 127.0.0.1:4200) when a Prefect server answers there
    (a refused connection is told at once)."""
    api_url = api_url or os.environ.get("CHUSHO_LOCAL_API") or DEFAULT_LOCAL_API
    return api_url if api_healthy(api_url, timeout=2.0) else None


def _configured_api() -> str | None:
    """PREFECT_API_URL from the environment, or from Prefect's settings if Prefect is imported already
    (a test harness sets it there)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if "prefect.settings" in sys.modules:
        from prefect.settings import PREFECT_API_URL

        return PREFECT_API_URL.value()
    return None


PRUNE_EVERY = 86400.0  # seconds between two prunings of a temporary server's flow runs
PRUNE_BUDGET = 2.0  # seconds a run spends on it at most; the rest waits for the next run
PRUNED_STAMP = ".chusho-extract-pruned"  # in PREFECT_HOME: when the last pruning finished


def _api_call(method: str, url: str, body: dict | None = None, timeout: float = 10.0):
    import json

    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        text = response.read()
    return json.loads(text) if text else None


def prune_old_runs(api_url: str, days: float, home: str | None = None, budget: float = PRUNE_BUDGET) -> int:
    """Delete the flow runs (and their artifacts) that ended more than `days` ago, through the API.

    For the temporary servers: Prefect runs its vacuum service only in a lasting
    server (`serve`'s), not in the ephemeral mode of a run's own server, so the
    project's database would otherwise grow with every run. At most once every
    PRUNE_EVERY seconds (the stamp file PREFECT_HOME/PRUNED_STAMP), within `budget`
    seconds (the rest is deleted next time). Gives the number of runs deleted.
    """
    from datetime import datetime, timedelta, timezone
    from pathlib import Path

    stamp = Path(home or os.environ.get("PREFECT_HOME") or ".") / PRUNED_STAMP
    try:
        if time.time() - stamp.stat().st_mtime < PRUNE_EVERY:
            return 0
    except OSError:
        pass  # never pruned
    cutoff = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat()
    deadline = time.monotonic() + budget
    deleted = 0
    while time.monotonic() < deadline:
        runs = _api_call("POST", f"{api_url}/flow_runs/filter",
                         {"flow_runs": {"end_time": {"before_": cutoff}}, "sort": "EXPECTED_START_TIME_ASC", "limit": 50})
        if not runs:
            stamp.parent.mkdir(parents=True, exist_ok=True)
            stamp.touch()
            break
        for run in runs:
            artifacts = _api_call("POST", f"{api_url}/artifacts/filter",
                                  {"artifacts": {"flow_run_id": {"any_": [run["id"]]}}})
            for artifact in artifacts or []:
                _api_call("DELETE", f"{api_url}/artifacts/{artifact['id']}")
            _api_call("DELETE", f"{api_url}/flow_runs/{run['id']}")  # its task runs and states go with it
            deleted += 1
            if time.monotonic() >= deadline:
                break
    return deleted


def _server_preexec(parent: int | None = None) -> None:
    """In a Prefect server's process, before it runs: a session of its own, so that Ctrl-C in the
    terminal (SIGINT to the foreground process group) does not stop it while the run still needs it
    (to mark the flow run Cancelled); the command stops it last. And death with its parent (`parent`,
    its pid: at once if it died between the fork and now)."""
    os.setsid()
    orphans.die_with_parent(parent)


def port_in_use(port: int) -> bool:
    """Whether something listens on 127.0.0.1:port."""
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def prefect_database() -> Path | None:
    """The SQLite file a temporary Prefect server uses (its connection URL, else PREFECT_HOME/prefect.db),
    or None for another database."""
    url = os.environ.get("PREFECT_SERVER_DATABASE_CONNECTION_URL") or \
        os.environ.get("PREFECT_API_DATABASE_CONNECTION_URL")
    if url:
        scheme, _, rest = url.partition(":///")
        path = rest.split("?", 1)[0]
        return Path(path) if scheme.startswith("sqlite") and path and path != ":memory:" else None
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser() / "prefect.db"


def damaged_database(path: Path) -> str | None:
    """SQLite's word on a damaged database file (quick_check), or None: sound, or not there."""
    import sqlite3

    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(path, timeout=10)
        try:
            verdict = db.execute("PRAGMA quick_check(1)").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as exc:
        if getattr(exc, "sqlite_errorname", "") not in ("SQLITE_CORRUPT", "SQLITE_NOTADB"):
            return None  # busy, locked, unreadable: not known to be damaged
        return str(exc)
    return None if verdict == "ok" else verdict


class LocalApi:
    """The Prefect API a run reports to; `LocalApi.find()` as early as possible, then `with api.active():`.

    `find()` takes no time when a server is configured or running (it only asks),
    and otherwise starts a temporary server process (uvicorn with Prefect's app, as
    Prefect's own ephemeral mode does, without importing Prefect's server here) and
    returns at once; `active()` waits for it to answer, points PREFECT_API_URL at it
    (inherited by worker processes: one server for the run and its workers, not one
    each) and stops it at the end.
    """

    def __init__(self, url: str | None, process: subprocess.Popen | None = None, how: str = "configured",
                 log=None):
        self.url, self.process, self.how = url, process, how
        self.reset: dict | None = None  # its damaged database moved aside: {"file", "moved_to", "error"}
        self.log = log  # a temporary server's output: shown when it fails to start, not in the run's own

    @classmethod
    def find(cls) -> "LocalApi":
        """The run's server. Its address goes into PREFECT_API_URL at once, before Prefect is imported
        here: Prefect's process-wide settings are read at import, and a thread that does not inherit
        the flow's settings context (the process pool's message thread, say) would otherwise find no
        API and start a temporary server of its own (~250 MB, and CPU for the run's API calls)."""
        configured = _configured_api()
        if configured:
            return cls(configured, how="configured")
        api = cls(running, how="running") if (running := running_local_api()) else cls.start()
        os.environ["PREFECT_API_URL"] = api.url
        return api

    @classmethod
    def start(cls) -> "LocalApi":
        port = _free_port()
        env = {**os.environ, "PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
               "PREFECT__SERVER_FINAL": "1"}
        # Its output goes to a file of its own: Prefect's services log tracebacks when they are
        # cancelled at shutdown (an event batch still being recorded), which are not the run's.
        log = tempfile.TemporaryFile()
        process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"],
            env=env, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
            preexec_fn=functools.partial(_server_preexec, os.getpid()))
        api = cls(f"http://127.0.0.1:{port}/api", process, how="temporary", log=log)
        atexit.register(api.stop)  # never left behind, whatever happens before active()
        return api

    def wait(self, timeout: float | None = None) -> None:
        """Until the temporary server answers; a clear error if it exits or does not answer in time."""
        if self.process is None:
            return
        timeout = timeout or float(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120"))
        deadline = time.monotonic() + timeout
        while not api_healthy(self.url, timeout=1.0):
            if self.process.poll() is not None and self.reset is None and self._recover_database():
                continue  # a damaged database was moved aside: a new server on a new one
            if self.process.poll() is not None:
                raise RuntimeError(f"the temporary Prefect server exited with status {self.process.returncode} "
                                   f"before answering at {self.url}{self._log_tail()}")
            if time.monotonic() > deadline:
                tail = self._log_tail()
                self.stop()
                raise RuntimeError(f"the temporary Prefect server did not answer at {self.url} in {timeout:g} s"
                                   f"{tail}")
            time.sleep(0.05)

    def _recover_database(self) -> bool:
        """After the temporary server exited before answering: if its database is damaged (SQLite's
        "database disk image is malformed"), move it aside, say so, and start a new server on a new one."""
        path = prefect_database()
        why = damaged_database(path) if path else None
        if why is None:
            return False
        aside = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%dT%H%M%SZ', time.gmtime())}")
        for suffix in ("", "-wal", "-shm", "-journal"):
            if os.path.exists(f"{path}{suffix}"):
                os.replace(f"{path}{suffix}", f"{aside}{suffix}")
        self.reset = {"file": str(path), "moved_to": str(aside), "error": why}
        print(f"chusho-extract: warning: the Prefect database {path} is damaged ({why}): moved aside to {aside}; "
              f"a new one is used (the old one keeps the history of earlier runs)", file=sys.stderr, flush=True)
        self.stop()
        fresh = type(self).start()
        self.url, self.process, self.log = fresh.url, fresh.process, fresh.log
        return True

    def _log_tail(self, size: int = 3000) -> str:
        """The end of a temporary server's output, to go with an error about it."""
        if self.log is None:
            return ""
        try:
            self.log.seek(0, os.SEEK_END)
            self.log.seek(max(0, self.log.tell() - size))
            text = self.log.read().decode("utf-8", "replace").strip()
        except (OSError, ValueError):
            return ""
        return f"; it printed:\n{text}" if text else ""

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None

    def release(self) -> None:
        """Not needed after all (the run ended before its flow): stop a temporary server, forget the address."""
        if self.how != "configured":
            os.environ.pop("PREFECT_API_URL", None)
        self.stop()

    def prune(self) -> None:
        """A temporary server's flow runs past the retention, deleted (see `prune_old_runs`)."""
        if self.how != "temporary" or self.process is None or self.process.poll() is not None:
            return
        from flows import interrupt, retention_days

        if interrupt.stopped():
            return  # stopping: not the time
        try:
            deleted = prune_old_runs(self.url, retention_days())
        except (OSError, ValueError) as exc:  # the run is done: a failed clean-up waits for the next one
            mark(f"old flow runs not pruned: {exc}")
            return
        if deleted:
            mark(f"{deleted} flow runs older than {retention_days():g} days deleted")

    @contextmanager
    def active(self, heartbeats: bool = True):
        """The server, answering, for the flow run inside. Without `heartbeats`, the flow run sends
        none: Prefect's heartbeat thread sleeps in one-second steps and the flow waits for it at
        the end (up to 1 s of a run of a few seconds); a run that short sends one at its start and
        no more anyway (every 180 s by default), so only for such runs."""
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        updates = {} if heartbeats else {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
        if self.how == "configured":
            with temporary_settings(updates=updates):
                yield self
            return
        try:
            self.wait()
            os.environ["PREFECT_API_URL"] = self.url
            with temporary_settings(updates={PREFECT_API_URL: self.url, **updates}):
                yield self
            self.prune()
        finally:
            self.release()


# -- stopping a flow's tasks (Ctrl-C, see flows/interrupt.py)

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


def abandon(runner) -> None:
    """Shut a task runner down without waiting for the tasks still running: queued ones are dropped,
    a process pool's workers are terminated, a thread pool's threads are left to end (the command
    exits without waiting for them). Its own __exit__ then has nothing left to wait for."""
    for event in list(getattr(runner, "_cancel_events", {}).values()):
        try:
            event.set()  # a task not yet begun sees it and does not begin
        except (OSError, ValueError):
            pass
    executor = getattr(runner, "_executor", None)
    if executor is not None:
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            try:
                process.terminate()
            except (OSError, ValueError, AttributeError):
                pass
        runner._executor = None
    resolver = getattr(runner, "_resolver_executor", None)
    if resolver is not None:
        resolver.shutdown(wait=False, cancel_futures=True)
        runner._resolver_executor = None


def _silence_logging() -> None:
    """No more log output from this process: every handler of every logger drops what it is given
    (`logging.disable` alone is not enough: Prefect's internal loggers decide by a setting of theirs)."""
    import logging

    logging.disable(logging.CRITICAL)
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", ()):
            handler.setLevel(logging.CRITICAL + 1)


class ServerWatch:
    """A run's Prefect server, watched while the flow runs: a server lost ends the command within a minute.

    Prefect's client waits for a lost server for ever: the flow's last state change and,
    at the interpreter's exit, its event queue (a retry every ~7 s per queued event, one
    warning line each: a run whose temporary server was killed wrote its output and then
    never exited). Every CHECK_EVERY seconds this thread asks: a temporary server's process
    that exited is lost at once; any other server that does not answer MISSES times in a
    row is lost. Then Prefect's log output is silenced, the command is given GRACE seconds
    to end by itself (its output may be being written), and it is ended with exit status 1
    and one line: which server was lost, when, and whether this run's output was written
    (`out/manifest.json` of this run; a folder's previous output is never touched). The
    documents done are in the cache: a rerun does not redo them.

    `with ServerWatch(api, out):` inside `api.active()`: leaving the block stops the watch,
    unless the server was lost (then it ends the command once the main thread is done).
    """

    CHECK_EVERY = 2.0  # an HTTP health check of a server that is not ours
    POLL_EVERY = 0.1  # a look at our temporary server's process (free): a loss is seen before Prefect says much
    MISSES = 5
    GRACE = 30.0

    def __init__(self, api: LocalApi, out, cache: bool = True):
        self.api, self.out, self.cache = api, out, cache
        self.started = time.time()
        self.lost: str | None = None
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="prefect-server-watch", daemon=True)

    def __enter__(self) -> "ServerWatch":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        if self.lost is None:
            self._stop.set()

    def _why_lost(self) -> str | None:
        process = self.api.process
        if process is not None:
            code = process.poll()
            if code is not None:
                how = f"killed by {signal.Signals(-code).name}" if code < 0 and -code in signal.valid_signals() \
                    else f"exited with status {code}"
                return f"the temporary Prefect server ({how})"
            return None
        return None if api_healthy(self.api.url, timeout=2.0) else f"the Prefect server at {self.api.url}"

    def _watch(self) -> None:
        misses = 0
        while not self._stop.wait(self.POLL_EVERY if self.api.process is not None else self.CHECK_EVERY):
            why = self._why_lost()
            misses = misses + 1 if why else 0
            if why and (self.api.process is not None or misses >= self.MISSES):
                self._end(why)
                return

    def _end(self, why: str) -> None:
        self.lost = why
        lost_at = time.time()
        _silence_logging()  # its client and event queue would print a warning or an error every few seconds
        main = threading.main_thread()
        while main.is_alive() and time.time() - lost_at < self.GRACE:
            time.sleep(0.2)
        written = self._output_written()
        after = f"{lost_at - process_start():.0f} s into the run"
        if written:
            end = f"the output in {self.out} was written; Prefect's record of the run is incomplete"
        else:
            end = f"the run was ended before its output was written ({self.out} is as it was)" + (
                "; the documents done are cached: run it again to go on" if self.cache else "")
        sys.stdout.flush()
        print(f"chusho-extract: error: {why} stopped answering {after}: {end}", file=sys.stderr, flush=True)
        os._exit(1)

    def _output_written(self) -> bool:
        """Whether this run wrote its output folder: a manifest that started after this watch did."""
        import json
        from datetime import datetime

        try:
            with open(os.path.join(self.out, "manifest.json"), encoding="utf-8") as fh:
                started = datetime.fromisoformat(json.load(fh)["started"]).timestamp()
        except (OSError, ValueError, KeyError, TypeError):
            return False
        return started >= self.started - 1  # the flow run starts after the watch (1 s: clock steps)
