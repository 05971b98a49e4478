"""`chusho-extract serve`: the crawl and extract flows as Prefect deployments, on a local Prefect server.

One deployment per source of the sources file (`crawl-<name>`, on the
source's cron schedule in its time zone, writing to `OUT/<name>/` with its own
state file) and one `manual` deployment of the extract flow, for runs on given
files or URLs. Unless `PREFECT_API_URL` points at a Prefect server already, a
local one is started (`prefect server start` on 127.0.0.1, SQLite under
PREFECT_HOME, with the UI) and stopped again on exit. Nothing needs an account
or a cloud.

What the operator sees:

- the server's own log goes to `OUT/prefect-server.log` (a file, never a pipe
  nobody reads, which would fill and block the server on a long run); its
  errors (a scheduler loop that fails, say) are echoed to this terminal with
  the exception's last line, so they cannot go unnoticed;
- each deployment run prints a line here when it starts and when it ends
  (flow run name, source, counts or error), see `flows/reporting.py`;
- the flow runs send their log lines to the API (per-document progress, the
  summary) and publish a markdown artifact with their counts, for the UI.

Prefect (and the flows, which import it) is imported inside `serve()` and what it
calls, not here: `serve()` first puts FLOW_RUN_ENV into the environment, and
Prefect reads its logging settings when it is imported.
"""
from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import threading
import time
from datetime import datetime
from pathlib import Path

from flows.runtime.internals import isolate_flow_run_processes
from flows.runtime.orphans import die_with_parent
from flows.runtime.server import api_healthy
from schemas.crawl import DEFAULT_TIMEZONE, CrawlSource, load_sources

SERVER_START_TIMEOUT = 180.0  # seconds; a cold start on a busy 2-core machine takes a while
SERVER_LOG = "prefect-server.log"
SHUTDOWN_TIMEOUT = 40.0  # seconds the runs in progress get to end Cancelled when serve stops

# Flow runs started by the runner inherit these: log lines go to the API (the UI shows them)
# at INFO, while this terminal only gets the runs' start and end lines (an error is in the end line).
# Prefect's task-run loggers stay at WARNING: a task's "Finished in state Completed()" lines (about three
# per document) would drown the one line per document the flows write.
FLOW_RUN_ENV = {
    "PREFECT_LOGGING_TO_API_ENABLED": "true",
    "PREFECT_LOGGING_LEVEL": "INFO",
    "PREFECT_LOGGING_HANDLERS_CONSOLE_LEVEL": "CRITICAL",  # a run's errors: in its end line and the UI
    "PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL": "WARNING",
}


def deployments(sources: list[CrawlSource], out_root: str | Path) -> list:
    """RunnerDeployments: `crawl-<source>` for each source, and `manual` for the extract flow."""
    # lazy: Prefect after FLOW_RUN_ENV (see the module's docstring)
    from prefect.deployments.runner import EntrypointType
    from prefect.schedules import Cron

    from flows.crawl import crawl_flow
    from flows.extract import extract_flow

    out_root = Path(out_root).resolve()
    made = []
    for source in sources:
        out = out_root / source.name
        schedules = [Cron(source.schedule, timezone=source.timezone or DEFAULT_TIMEZONE)] if source.schedule else []
        made.append(crawl_flow.to_deployment(
            name=f"crawl-{source.name}", schedules=schedules, tags=["crawl"],
            description=f"Crawl {', '.join(source.start_urls)} (depth {source.max_depth}) into {out}",
            parameters={"sources": [source.model_dump(mode="json")], "out": str(out),
                        "state": str(out / "crawl-state.sqlite")},
            entrypoint_type=EntrypointType.MODULE_PATH))
    made.append(extract_flow.to_deployment(
        name="manual", tags=["extract"], description="Extract records from the given files, folders or URLs",
        parameters={"inputs": [], "out": str(out_root / "manual")}, entrypoint_type=EntrypointType.MODULE_PATH))
    return made


def _last_lines(path: Path, n: int = 5) -> str:
    try:
        return " | ".join(path.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-n:])
    except OSError:
        return ""


def _server_preexec() -> None:
    """In the server's process, before it runs: a session of its own, and death with its parent.

    Its own session keeps Ctrl-C in the terminal (SIGINT to the whole foreground
    group) from killing the server while the runner still needs it to cancel its
    flow runs and pause the schedules; `serve` stops it last. PR_SET_PDEATHSIG
    (Linux) stops it if `serve` itself is killed outright.
    """
    os.setsid()
    die_with_parent()


def server_env(port: int) -> dict[str, str]:
    """The environment of the server `serve` starts on 127.0.0.1:port.

    The UI asks `/ui-settings` where its API is; Prefect answers PREFECT_UI_API_URL,
    else PREFECT_API_URL (a profile's, often 127.0.0.1:4200), else the host and port
    of PREFECT_SERVER_API_HOST/PORT, not those of `prefect server start --port`. So
    all three are set to this server's address: the UI served on a port talks to
    the API on that port, never to another server on 4200.
    """
    return {"PREFECT_UI_ENABLED": "true", "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
            "PREFECT_SERVER_API_HOST": "127.0.0.1", "PREFECT_SERVER_API_PORT": str(port),
            "PREFECT_UI_API_URL": f"http://127.0.0.1:{port}/api"}


def start_local_server(port: int, log_path: Path) -> tuple[subprocess.Popen, str]:
    """`prefect server start` on 127.0.0.1:port with the UI, its output appended to `log_path`.

    Gives (process, API URL) once the server answers.
    """
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, **server_env(port)}
    env.pop("PREFECT_API_URL", None)
    prefect = Path(sys.executable).with_name("prefect")
    cmd = [str(prefect)] if prefect.exists() else [sys.executable, "-m", "prefect"]
    with open(log_path, "a", encoding="utf-8") as log:
        log.write(f"\n=== {datetime.now().astimezone().isoformat(timespec='seconds')} "
                  f"chusho-extract serve: prefect server start --port {port}\n")
        log.flush()
        proc = subprocess.Popen([*cmd, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                preexec_fn=_server_preexec)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the Prefect server did not start (exit {proc.returncode}); its log "
                               f"{log_path} ends: {_last_lines(log_path)}")
        if api_healthy(api_url, timeout=2.0):
            return proc, api_url
        time.sleep(0.5)
    _stop(proc)
    raise RuntimeError(f"the Prefect server did not answer on {api_url} within {SERVER_START_TIMEOUT:g} s "
                       f"(see {log_path})")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


_ERROR_LINE = re.compile(r"\|\s*(ERROR|CRITICAL)\s*\|\s*(.*)")
_CHAINED = ("During handling of the above exception", "The above exception was the direct cause")


def server_errors(lines: list[str]) -> list[str]:
    """One line per problem in a chunk of the server's log: ERROR/CRITICAL records and tracebacks.

    A traceback is told by its last line (the exception; of a chain of
    exceptions, the last one); an ERROR record that a traceback follows is
    reported once, with that exception.
    """
    found: list[str] = []
    record: str | None = None  # the ERROR record a traceback may belong to
    exception: str | None = None  # the last exception line of the traceback being read
    in_traceback = False

    def flush() -> None:
        nonlocal record, exception
        if record or exception:
            found.append(": ".join(p for p in (record, exception) if p))
        record = exception = None

    for line in lines:
        if line.startswith("Traceback (most recent call last)"):
            in_traceback = True
        elif in_traceback and (line[:1].isspace() or not line.strip()):
            continue
        elif in_traceback and not exception:
            exception = line.strip()
        elif line.startswith(_CHAINED):
            exception = None  # the next traceback's exception replaces this one
        else:
            in_traceback = False
            match = _ERROR_LINE.search(line)
            if match or exception:
                flush()
            if match:
                record = match.group(2).strip()
    flush()
    return found


class ServerLogWatcher(threading.Thread):
    """Follows the server's log file and prints its errors to this terminal as they appear."""

    def __init__(self, path: Path, interval: float = 1.0):
        super().__init__(name="prefect-server-log", daemon=True)
        self.path, self.interval = path, interval
        self.position = path.stat().st_size if path.exists() else 0
        self.reported = 0
        self._held = False
        self._stop_event = threading.Event()

    def poll(self) -> None:
        try:
            with open(self.path, encoding="utf-8", errors="replace") as fh:
                fh.seek(self.position)
                chunk = fh.read()
        except OSError:
            return
        # only whole lines, and a traceback only once it is complete (its exception line is there);
        # an ERROR record at the end waits one poll for the traceback that usually follows it
        cut = chunk.rfind("\n") + 1
        lines = chunk[:cut].splitlines()
        if lines and (lines[-1][:1].isspace() or lines[-1].startswith("Traceback")):
            return  # wait for the rest of this traceback
        if lines and _ERROR_LINE.search(lines[-1]) and not self._held:
            self._held = True
            return
        self._held = False
        self.position += len(chunk[:cut].encode("utf-8"))
        for problem in server_errors(lines):
            self.reported += 1
            print(f"{_clock()} Prefect server error (details in {self.path}): {problem[:300]}", file=sys.stderr,
                  flush=True)

    def run(self) -> None:
        while not self._stop_event.wait(self.interval):
            self.poll()

    def stop(self) -> None:
        self._stop_event.set()
        self.poll()


def _clock() -> str:
    """This machine's time with its zone: schedules are in the sources file's zone, often another."""
    return datetime.now().astimezone().strftime("%H:%M:%S %Z")


def _run_deployments(made: list) -> None:
    """`prefect.serve`'s Runner until SIGTERM or Ctrl-C, which take the same path.

    The first one cancels the flow runs in progress (each is told over Prefect's
    control channel and ends Cancelled, its hooks run), then stops the Runner,
    which pauses the schedules and returns here; a second one stops the Runner
    at once. Prefect 3.8.8's Runner answers SIGTERM by calling its async `stop()`
    without awaiting it and exiting from inside the event loop (a RuntimeWarning,
    a traceback, flow runs left Running), and asyncio answers Ctrl-C by cancelling
    the Runner, which kills its flow runs without a state: both are replaced.
    SIGTERM does not go through SIGINT: `serve` started in the background (`&`,
    nohup) ignores SIGINT, and must still stop on SIGTERM.

    Each flow run's process starts in a session of its own (the `isolate_process_group`
    of Prefect's EngineCommandStarter, which the Runner leaves off:
    `internals.isolate_flow_run_processes`): Ctrl-C in this
    terminal reaches the whole foreground process group, and a flow run that got it
    would crash with a KeyboardInterrupt traceback here instead of being cancelled.
    """
    from prefect.runner import Runner  # lazy: after FLOW_RUN_ENV (see the module's docstring)

    class _Runner(Runner):
        main_task: asyncio.Task | None = None
        shutdown_task: asyncio.Task | None = None

        def handle_sigterm(self, *args, **kwargs) -> None:  # Prefect's signal.signal handler
            if self.main_task is not None:
                self.main_task.get_loop().call_soon_threadsafe(self.request_stop)

        def request_stop(self) -> None:
            if self.main_task is None or self.main_task.done():
                return
            if self.shutdown_task is None:
                print(f"{_clock()} stopping: cancelling the runs in progress (Ctrl-C again to stop now)",
                      file=sys.stderr, flush=True)
                self.shutdown_task = self.main_task.get_loop().create_task(self._shutdown())
            else:
                self.main_task.cancel()

        async def _shutdown(self) -> None:
            try:
                await asyncio.wait_for(self.cancel_all(), timeout=SHUTDOWN_TIMEOUT)
            except (Exception, asyncio.TimeoutError):  # noqa: BLE001  (stopping anyway)
                pass
            finally:
                self.main_task.cancel()

        async def __aenter__(self):
            entered = await super().__aenter__()
            isolate_flow_run_processes(self)
            return entered

    runner = _Runner(pause_on_shutdown=True)
    for deployment in made:
        runner.add_deployment(deployment)

    async def main() -> None:
        runner.main_task = asyncio.current_task()
        if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:  # not started with Ctrl-C ignored
            asyncio.get_running_loop().add_signal_handler(signal.SIGINT, runner.request_stop)
        await runner.start()

    try:
        asyncio.run(main())
    except (KeyboardInterrupt, asyncio.CancelledError):
        pass


def serve(sources_file: str, out_root: str, port: int = 4200) -> int:
    """Serve the deployments until interrupted (Ctrl-C or SIGTERM)."""
    sources = load_sources(sources_file)
    out = Path(out_root)
    os.environ.update(FLOW_RUN_ENV)  # before Prefect is imported here, and inherited by the flow runs
    from prefect.settings import PREFECT_API_URL, temporary_settings  # lazy: after FLOW_RUN_ENV

    # until the runner starts (it then handles SIGTERM itself, see _run_deployments), a plain `kill`
    # runs the clean-up below
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = watcher = None
    api_url = os.environ.get("PREFECT_API_URL")
    if not api_url:
        out.mkdir(parents=True, exist_ok=True)
        log_path = (out / SERVER_LOG).resolve()
        print(f"starting a local Prefect server on 127.0.0.1:{port}; its log: {log_path}", file=sys.stderr,
              flush=True)
        watcher = ServerLogWatcher(log_path)
        server, api_url = start_local_server(port, log_path)
        watcher.start()
        os.environ["PREFECT_API_URL"] = api_url  # for the flow-run processes the runner starts
    else:
        print(f"using the Prefect server at {api_url} (PREFECT_API_URL); its log is that server's own",
              file=sys.stderr, flush=True)
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            made = deployments(sources, out)
            ui = api_url.removesuffix("/api")
            print(f"serving {len(made)} deployments; Prefect UI: {ui}/deployments", file=sys.stderr, flush=True)
            for d in made:
                if d.schedules:
                    sched = d.schedules[0].schedule
                    when = f"cron {sched.cron} ({sched.timezone})"
                else:
                    when = "on demand"
                print(f"  {d.flow_name}/{d.name}: {when}", file=sys.stderr, flush=True)
            _run_deployments(made)
            print(f"{_clock()} stopping: the deployments' schedules are paused; the server stops", file=sys.stderr,
                  flush=True)
    finally:
        _drain_prefect_workers()
        if watcher is not None:
            watcher.stop()
        if server is not None:
            _stop(server)
    return 0


def _drain_prefect_workers(timeout: float = 5.0) -> None:
    """Send the log lines and events this process still holds before its server stops: sent after, each
    batch would print a connection error in this terminal."""
    for module, name in (("prefect.logging.handlers", "APILogWorker"), ("prefect.events.worker", "EventsWorker")):
        worker = getattr(sys.modules.get(module), name, None)
        if worker is not None:
            try:
                worker.drain_all(timeout=timeout)
            except Exception:  # noqa: BLE001  (stopping anyway)
                pass
