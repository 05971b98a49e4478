"""The Prefect server a run reports to, found or started first, and watched while the flow runs.

`LocalApi.find()`: PREFECT_API_URL when it is set; else a Prefect server
already running on this machine at 127.0.0.1:4200 (`chusho-extract serve`'s,
or `prefect server start`'s; another address with CHUSHO_LOCAL_API), whose UI
then shows the run; else a temporary server of our own, stopped at the end:
a new interpreter started at once (`find()`), or, for the command line
(`find(start=False)`, then `launch()`), a fork of the command once it has
imported `prefect`, which both need (`fork_server`: the server then imports
only Prefect's server, about 0.8 CPU s less on every run; `ForkedServer`
gives it Popen's interface; CHUSHO_SERVER_START=spawn for a new interpreter).
Either starts early (its start-up overlaps the imports and the model load). A temporary server whose SQLite database is damaged
gets a new one (the old one moved aside). Once a temporary server of this
installation has migrated its database and registered Prefect's block types, a
stamp beside the database says so (`mark_database_ready`), and the next ones skip
those steps of Prefect's start-up (`database_ready`: Alembic's check, and the
load of every Prefect collection to hash the block registry). Its flow runs
past the retention are deleted after a run (`prune_old_runs`: its ephemeral
mode runs no vacuum).

`ServerWatch`: a server lost while the flow runs ends the command within a
minute, with one line saying whether the output was written.

Nothing here imports Prefect at import time (a server is asked over HTTP with
urllib): the command line finds the server before Prefect is imported, since
Prefect reads PREFECT_API_URL when it is imported.
"""
from __future__ import annotations

import atexit
import functools
import gc
import json
import logging
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from contextlib import ExitStack, contextmanager
from datetime import datetime, timedelta, timezone
from pathlib import Path

from flows.runtime import interrupt, orphans
from flows.runtime.environment import retention_days
from flows.runtime.internals import ephemeral_app, ephemeral_server_command
from flows.runtime.timeline import mark, process_start

DEFAULT_LOCAL_API = "http://127.0.0.1:4200/api"  # where `serve` (and `prefect server start`) listen


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
        from prefect.settings import PREFECT_API_URL  # (imported already: costs nothing)

        return PREFECT_API_URL.value()
    return None


PRUNE_EVERY = 86400.0  # seconds between two prunings of a temporary server's flow runs
PRUNE_BUDGET = 2.0  # seconds a run spends on it at most; the rest waits for the next run
PRUNED_STAMP = ".chusho-extract-pruned"  # in PREFECT_HOME: when the last pruning finished


RETRY_AFTER = (0.05, 0.1, 0.2, 0.4, 0.8)  # seconds before each new try of a call the server answered 503


def _api_call(method: str, url: str, body: dict | None = None, timeout: float = 10.0):
    """One call of the server's API; tried again (RETRY_AFTER) while it answers 503, which Prefect's server
    answers for an error a client may retry: SQLite busy (the run's own events, still being written by its
    services when the pruning starts, held the database: a run's pruning failed so, once in a few runs)."""
    request = urllib.request.Request(url, method=method, data=None if body is None else json.dumps(body).encode(),
                                     headers={"Content-Type": "application/json"})
    for pause in (*RETRY_AFTER, None):
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                text = response.read()
            return json.loads(text) if text else None
        except urllib.error.HTTPError as exc:
            if exc.code != 503 or pause is None:
                raise
        time.sleep(pause)


def prune_old_runs(api_url: str, days: float, home: str | None = None, budget: float = PRUNE_BUDGET) -> int:
    """Delete the flow runs (and their artifacts) that ended more than `days` ago, through the API.

    For the temporary servers: Prefect runs its vacuum service only in a lasting
    server (`serve`'s), not in the ephemeral mode of a run's own server, so the
    project's database would otherwise grow with every run. At most once every
    PRUNE_EVERY seconds (the stamp file PREFECT_HOME/PRUNED_STAMP), within `budget`
    seconds (the rest is deleted next time). Gives the number of runs deleted.
    """
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


READY_SUFFIX = ".chusho-extract-ready"  # beside the database: the installation that made it ready


def _installation() -> dict:
    """What a ready database depends on: Prefect's version (its migrations) and the state of the folder
    Prefect is installed in (any package installed or removed there, a collection with block types among
    them, changes its modification time)."""
    from importlib.metadata import distribution  # (imported already by the command line)

    dist = distribution("prefect")
    return {"prefect": dist.version, "packages": Path(dist.locate_file("")).stat().st_mtime_ns}


def _migrated_to(path: Path) -> str | None:
    """The database's Alembic revision, with block types registered in it; None when it is not so (not there,
    empty, damaged, busy: a server that migrates finds out)."""
    if not path.is_file():
        return None
    try:
        db = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=1)
        try:
            (revision,), = db.execute("SELECT version_num FROM alembic_version").fetchall()
            (block_types,), = db.execute("SELECT count(*) FROM block_type").fetchall()
        finally:
            db.close()
    except (sqlite3.Error, ValueError):
        return None
    return revision if block_types else None


def database_ready(path: Path | None) -> bool:
    """Whether a temporary server may skip its start-up's migrations and block registration on this database:
    a server of this very installation migrated it and registered its block types (the stamp beside it says
    so, written by `mark_database_ready`), and it is still at that revision with block types in it. A new or
    replaced database, another Prefect version or a package installed since: not ready (Prefect's own start)."""
    if path is None:
        return False
    try:
        stamp = json.loads(path.with_name(path.name + READY_SUFFIX).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    try:
        installed = _installation()
    except (OSError, ImportError):
        return False
    return stamp == {**installed, "revision": _migrated_to(path)} and stamp["revision"] is not None


def mark_database_ready(path: Path | None) -> None:
    """After a temporary server that ran Prefect's whole start-up answered: its database is migrated and its
    block types registered by this installation (the next servers skip both). A stamp that cannot be
    written costs the next start its half second, not the run."""
    if path is None:
        return
    try:
        stamp = {**_installation(), "revision": _migrated_to(path)}
        if stamp["revision"] is not None:
            path.with_name(path.name + READY_SUFFIX).write_text(json.dumps(stamp), encoding="utf-8")
    except (OSError, ImportError):
        pass


SERVER_NAME = "prefect-server"  # a forked temporary server's name (/proc/PID/comm): ps, bench.py's roles
# How a temporary server starts: "fork" (a copy of the command once it has imported `prefect`, which the
# server imports too: about 0.8 CPU s less on every run), or "spawn" (a new interpreter, `python -m uvicorn`).
SERVER_START = os.environ.get("CHUSHO_SERVER_START", "fork")


class ForkedServer:
    """A temporary server forked from the command (`fork_server`), with the part of `subprocess.Popen`'s
    interface the command uses: pid, returncode, poll, wait, terminate, kill."""

    def __init__(self, pid: int):
        self.pid, self.returncode = pid, None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                pid, status = os.waitpid(self.pid, os.WNOHANG)
            except ChildProcessError:  # (reaped elsewhere: gone all the same)
                self.returncode = 255
            else:
                if pid:
                    self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(SERVER_NAME, timeout)
            time.sleep(0.005)
        return self.returncode

    def send_signal(self, sig: int) -> None:
        if self.poll() is None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def fork_server(port: int, env: dict[str, str], log) -> ForkedServer | None:
    """A temporary server on 127.0.0.1:port as a fork of this process, once it has imported `prefect` (here,
    if not yet): the server's process then imports only Prefect's server. None when it cannot be forked
    (CHUSHO_SERVER_START=spawn, another thread runs: a fork copies only this one, and a lock another one
    holds would stay held in the copy; or this is a child process): the caller starts a new interpreter.

    The copy runs `ephemeral_app` under uvicorn as `python -m uvicorn` would, with `env` added to its
    environment and Prefect's settings read again from it, in a session of its own, with only the standard
    streams (stdin /dev/null, the others `log`) and dies with this process; it never returns here."""
    import multiprocessing  # (imported already by the command line)

    if SERVER_START != "fork" or multiprocessing.parent_process() is not None or threading.active_count() > 1:
        return None
    import prefect  # noqa: F401  (shared with the server: this process needs it next anyway)

    if threading.active_count() > 1:  # (Prefect's import started none; if a later version does: a new interpreter)
        return None
    parent = os.getpid()
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        pid = os.fork()
    except OSError as exc:
        mark(f"Prefect server not forked ({exc})")
        return None
    if pid == 0:
        _serve_forked(port, env, log.fileno(), parent)  # never returns
    return ForkedServer(pid)


def _serve_forked(port: int, env: dict[str, str], log: int, parent: int) -> None:
    """In the fork of `fork_server`: Prefect's server until it is stopped, then exit (never return)."""
    code = 1
    try:
        _server_preexec(parent)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(log, 1)
        os.dup2(log, 2)
        orphans.part_from_command(SERVER_NAME)  # only the standard streams kept
        atexit._clear()  # the command's exit handlers are not the server's (its own run at its end, below)
        os.environ.update(env)
        from prefect.context import refresh_global_settings_context

        refresh_global_settings_context()  # Prefect's settings as the server's environment says
        gc.freeze()  # the command's objects: never collected here (nor copied by a collection's writes)
        import uvicorn

        uvicorn.Server(uvicorn.Config(ephemeral_app, factory=True, host="127.0.0.1", port=port,
                                      log_level="error", lifespan="on")).run()
        code = 0
    except BaseException:  # noqa: BLE001  (said in its log, which the command shows when it fails to start)
        import traceback

        traceback.print_exc()
    finally:
        try:  # as an interpreter's exit: its threads joined, its exit handlers run, its streams flushed
            threading._shutdown()
            atexit._run_exitfuncs()
            sys.stdout.flush()
            sys.stderr.flush()
        finally:
            os._exit(code)


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
        self.database_ready = False  # a temporary server skips the start-up steps its database does not need

    @classmethod
    def find(cls, start: bool = True) -> "LocalApi":
        """The run's server. Its address goes into PREFECT_API_URL at once, before Prefect is imported
        here: Prefect's process-wide settings are read at import, and a thread that does not inherit
        the flow's settings context (the process pool's message thread, say) would otherwise find no
        API and start a temporary server of its own (hundreds of MB, and CPU for the run's API calls)."""
        configured = _configured_api()
        if configured:
            return cls(configured, how="configured")
        api = cls(running, how="running") if (running := running_local_api()) else cls.start(start)
        os.environ["PREFECT_API_URL"] = api.url
        return api

    @classmethod
    def start(cls, now: bool = True) -> "LocalApi":
        """A temporary server: a new interpreter started at once; without `now`, only its address, and
        `launch()` starts it later (a fork of this process once Prefect is imported, see `fork_server`)."""
        api = cls(f"http://127.0.0.1:{_free_port()}/api", how="temporary")
        atexit.register(api.stop)  # never left behind, whatever happens before active()
        if now:
            api._start(fork=False)
        return api

    def launch(self) -> None:
        """The temporary server `find(start=False)` gave the address of, started: forked from this process
        once it has imported `prefect` (`fork_server`), else a new interpreter. Nothing for another server."""
        if self.how == "temporary" and self.process is None and self.log is None:
            self._start(fork=True)

    def _start(self, fork: bool) -> None:
        port = urllib.parse.urlsplit(self.url).port
        ready = database_ready(prefect_database())
        command, ephemeral = ephemeral_server_command(port, database_ready=ready)
        # Its output goes to a file of its own: Prefect's services log tracebacks when they are
        # cancelled at shutdown (an event batch still being recorded), which are not the run's.
        self.log = tempfile.TemporaryFile()
        self.process = fork_server(port, ephemeral, self.log) if fork else None
        if self.process is None:
            self.process = subprocess.Popen(
                command, env={**os.environ, **ephemeral}, stdin=subprocess.DEVNULL, stdout=self.log,
                stderr=subprocess.STDOUT, preexec_fn=functools.partial(_server_preexec, os.getpid()))
        mark(f"Prefect server started ({'forked' if isinstance(self.process, ForkedServer) else 'spawned'}, "
             f"pid {self.process.pid})")
        self.database_ready = ready

    # How often `wait` asks: the command waits for nothing else then, and a refused connection (the server
    # listens once it is ready) costs 0.04 ms of CPU; every 50 ms made the flow start 25 ms late on average.
    POLL_EVERY = 0.01

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
            time.sleep(self.POLL_EVERY)
        if not self.database_ready:  # it migrated the database and registered the block types: not again
            mark_database_ready(prefect_database())
            self.database_ready = True

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
        self.database_ready = fresh.database_ready
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

    def stop(self, wait: bool = True) -> None:
        """Stop a temporary server and wait for it to exit; without `wait` (the command ends next), only until
        it no longer takes connections: uvicorn closes its port at once on SIGTERM, then ends Prefect's
        services and exits by itself (a tenth of a second later, which the command need not wait for)."""
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            port = urllib.parse.urlsplit(self.url or "").port
            deadline = time.monotonic() + 10
            while not wait and port and port_in_use(port) and self.process.poll() is None:
                if time.monotonic() > deadline:
                    wait = True
                    break
                time.sleep(0.005)
            try:
                if wait:
                    self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None
        if self.log is not None:
            self.log.close()
            self.log = None

    def release(self, wait: bool = True) -> None:
        """Not needed any more (the run ended, or ended before its flow): stop a temporary server (see `stop`),
        forget the address."""
        if self.how != "configured":
            os.environ.pop("PREFECT_API_URL", None)
        self.stop(wait)

    def prune(self) -> None:
        """A temporary server's flow runs past the retention, deleted (see `prune_old_runs`)."""
        if self.how != "temporary" or self.process is None or self.process.poll() is not None:
            return
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
        the end (up to 1 s, half a second on average); a run of a few seconds sends one at its start
        and no more anyway (every 180 s by default), so only for such runs, and for any run on a
        temporary server: heartbeats let a lasting server tell a crashed flow run from a running one,
        and a temporary server lives exactly as long as its run (it dies with the command)."""
        # lazy: Prefect reads PREFECT_API_URL when imported, so after find() has set it
        from prefect.settings import PREFECT_API_URL, PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

        heartbeats = heartbeats and self.how != "temporary"
        updates = {} if heartbeats else {PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}
        if self.how == "configured":
            with temporary_settings(updates=updates):
                yield self
            return
        try:
            with ExitStack() as settings:
                # Prefect's settings for the run, made (a tenth of a second) while the server starts
                settings.enter_context(temporary_settings(updates={PREFECT_API_URL: self.url, **updates}))
                started = self.url
                self.launch()  # (if the command did not: `find(start=False)`)
                self.wait()
                if self.url != started:  # a damaged database: a new server on another port (_recover_database)
                    settings.enter_context(temporary_settings(updates={PREFECT_API_URL: self.url, **updates}))
                os.environ["PREFECT_API_URL"] = self.url
                yield self
            self.prune()
        finally:
            self._send_queued_events()
            self.release(wait=False)  # the command ends next: the server ends its services by itself

    def _send_queued_events(self, timeout: float = 10.0) -> None:
        """Before a temporary server stops: the events Prefect's client still holds (the last task runs' states,
        the artifacts') sent to it. Prefect sends them from a thread, and would send what is left at the
        interpreter's exit, to a server stopped by then: each event tried eleven times, a second apart after
        the third (a run of one page took 36 s, another 80 s, to exit)."""
        worker = sys.modules.get("prefect.events.worker")  # (not imported: no event was queued)
        if worker is None or self.process is None or self.process.poll() is not None:
            return  # a lost server: ServerWatch ends the command
        # While it sends them (here, and at exit what is left), on a busy machine Prefect's queue logs
        # 「Still processing items: N items remaining...」 every 4 s as a warning on the run's stderr: its own
        # progress, no fault of the run. Its errors (a service that failed) still show.
        logging.getLogger(worker.EventsWorker.__name__).setLevel(logging.ERROR)
        try:
            worker.EventsWorker.drain_all(timeout=timeout, at_exit=False)
        except Exception:  # noqa: BLE001  (what is left is Prefect's to send at exit, as before)
            pass


def _silence_logging() -> None:
    """No more log output from this process: every handler of every logger drops what it is given
    (`logging.disable` alone is not enough: Prefect's internal loggers decide by a setting of theirs)."""
    logging.disable(logging.CRITICAL)
    for logger in [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]:
        for handler in getattr(logger, "handlers", ()):
            handler.setLevel(logging.CRITICAL + 1)


class ServerWatch:
    """A run's Prefect server, watched while the flow runs: a server lost ends the command within a minute.

    Prefect's client waits for a lost server for ever: the flow's last state change and,
    at the interpreter's exit, its event queue (a retry every few seconds per queued event, one
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
        try:
            with open(os.path.join(self.out, "manifest.json"), encoding="utf-8") as fh:
                started = datetime.fromisoformat(json.load(fh)["started"]).timestamp()
        except (OSError, ValueError, KeyError, TypeError):
            return False
        return started >= self.started - 1  # the flow run starts after the watch (1 s: clock steps)
