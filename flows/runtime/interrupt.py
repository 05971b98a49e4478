"""Ctrl-C during `run` and `crawl`, answered as Scrapy answers it.

A terminal sends SIGINT to the whole foreground process group. The command's
helpers keep out of it: the temporary Prefect server runs in a session of its
own (`server.LocalApi.start`), the model worker and the process pool's workers
ignore SIGINT; the command stops them itself, the server last.

- `install()` (the CLI, just before it calls the flow) puts `_on_sigint` in place;
  `uninstall()` restores Python's own handler.
- The first Ctrl-C prints one line and sets `requested()`. While the flow's
  process waits for its tasks (`stoppable()`), `Stopped` is raised there at once;
  elsewhere the flow sees `requested()` at its next step. The flow then cancels
  the tasks not started, gives those running STOP_GRACE seconds, writes what is
  done (the rest listed as `skipped`, error code `stopped`) and ends Cancelled;
  the command stops the server and exits 130. The cache holds every finished
  document, so the next run resumes.
- A second Ctrl-C stops at once: the flow run is marked Cancelled on its server
  (best effort, two seconds at most), the `on_hard_stop` callbacks stop the
  server and the workers, and the process exits 130.
- Before `install()` (the server starting, the model loading), Ctrl-C raises
  KeyboardInterrupt as usual: the command prints `interrupted` and exits 130.
"""
from __future__ import annotations

import json
import os
import signal
import sys
import threading
import urllib.request
from collections.abc import Callable
from contextlib import contextmanager

from flows.runtime import internals

STOP_GRACE = 3.0  # seconds the documents in progress get to finish after the first Ctrl-C
EXIT_STATUS = 130  # 128 + SIGINT, as a shell reports a command Ctrl-C stopped
FIRST_LINE = "stopping after the documents in progress; Ctrl-C again to stop now"
STOPPED_CODE = "stopped"  # documents.jsonl error_code of a document not done when the run was stopped


class Stopped(Exception):
    """Raised in the flow's process, where it waits for its tasks, at the first Ctrl-C."""


class _State:
    def __init__(self) -> None:
        self.installed = False
        self.requested = False
        self.raising = 0  # depth of stoppable() blocks in the main thread
        self.flow_run: tuple[str, str] | None = None  # (API URL, flow run id) of the flow being run
        self.hard_stop: list[Callable[[], None]] = []
        self.previous = None  # the SIGINT handler install() replaced


_state = _State()


def requested() -> bool:
    """Whether Ctrl-C asked the run to stop (never true outside the command line)."""
    return _state.requested and _state.installed


def stopped() -> bool:
    """Whether Ctrl-C stopped the command's run (after `uninstall()` too)."""
    return _state.requested


def install() -> None:
    """Answer SIGINT as above, from now on (in the main thread, where Python runs signal handlers)."""
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        return  # started with Ctrl-C ignored (in the background): keep it so
    _state.__init__()  # a fresh run (tests run several commands in one process)
    _state.installed = True
    _state.previous = signal.signal(signal.SIGINT, _on_sigint)


def uninstall() -> None:
    """Put the SIGINT handler install() replaced back (`requested()` still tells whether it stopped the run)."""
    if _state.installed and threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, _state.previous or signal.default_int_handler)
    _state.installed, _state.flow_run, _state.hard_stop = False, None, []


def on_hard_stop(callback: Callable[[], None]) -> None:
    """Run `callback` (quickly) before the process exits at a second Ctrl-C."""
    _state.hard_stop.append(callback)


def flow_run_started(api_url: str | None, flow_run_id: str | None) -> None:
    """The flow run a second Ctrl-C marks Cancelled before the process exits."""
    if _state.installed and api_url and flow_run_id:
        _state.flow_run = (api_url, str(flow_run_id))


@contextmanager
def stoppable():
    """A block of the flow's main thread that the first Ctrl-C may interrupt with `Stopped`."""
    if _state.requested and _state.installed:
        raise Stopped()
    _state.raising += 1
    try:
        yield
    finally:
        _state.raising -= 1


def check() -> None:
    """Raise `Stopped` if Ctrl-C asked the run to stop."""
    if _state.requested and _state.installed:
        raise Stopped()


def exit_now(status: int) -> None:
    """After a stopped run: exit at once with `status`, without waiting for the threads of tasks that
    were left running (Python would join them at exit). Multiprocessing's finalizers run first: they
    release the process pool's semaphores, which its resource tracker would otherwise report as leaked."""
    try:
        internals.run_multiprocessing_finalizers()
    except Exception:  # noqa: BLE001
        pass
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):
            pass
    os._exit(status)


def _on_sigint(signum, frame) -> None:
    if _state.requested:
        _stop_now()
    _state.requested = True  # a flow run still being created sees it as it begins: nothing is read
    _write(f"chusho-extract: {FIRST_LINE}\n")
    if _state.raising:
        raise Stopped()


def _write(text: str) -> None:
    try:
        os.write(sys.stderr.fileno(), text.encode("utf-8", "replace"))
    except (OSError, ValueError):
        pass


def _mark_cancelled(api_url: str, flow_run_id: str) -> None:
    body = {"state": {"type": "CANCELLED", "name": "Cancelled",
                      "message": "stopped at once by a second Ctrl-C; documents in progress were not written"},
            "force": True}
    request = urllib.request.Request(f"{api_url}/flow_runs/{flow_run_id}/set_state", method="POST",
                                     data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    try:
        urllib.request.urlopen(request, timeout=2).close()
    except (OSError, ValueError):
        pass


def _stop_now() -> None:
    """The second Ctrl-C: mark the flow run Cancelled, run the callbacks, exit 130 without clean-up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a third one changes nothing
    _write("chusho-extract: stopping now\n")
    if _state.flow_run is not None:
        _mark_cancelled(*_state.flow_run)
    for callback in reversed(_state.hard_stop):
        try:
            callback()
        except Exception:  # noqa: BLE001  (stopping at once: what cannot be stopped dies with us)
            pass
    exit_now(EXIT_STATUS)
