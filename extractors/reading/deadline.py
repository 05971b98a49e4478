"""Limits on one document's work that work in any thread: its time, and its process's memory.

`with time_limit(seconds, what):` raises `TimeLimitExceeded` inside the block
once `seconds` have passed; `with memory_limit(megabytes, what):` raises
`MemoryLimitExceeded` once the process's resident memory passes `megabytes`
(looked at every POLL seconds: meant for a worker process that works on one
document at a time). Prefect runs tasks in worker threads, where SIGALRM
cannot be used, so a watcher thread raises the exception in the working
thread (CPython's `PyThreadState_SetAsyncExc`, the mechanism Prefect itself
uses for task timeouts). It lands at the next Python bytecode: a loop in a
pure-Python parser (pdfminer) is stopped; a single long call into C (one
Tesseract page, one Sudachi chunk) finishes first. A pending exception that
has not landed when the block ends is withdrawn, so it never escapes the
block. Both are BaseExceptions, so that a library's `except Exception` cannot
swallow them.
"""
from __future__ import annotations

import ctypes
import os
import threading
from collections.abc import Callable
from contextlib import contextmanager

POLL = 0.1  # seconds between two looks at the process's memory


class TimeLimitExceeded(BaseException):
    """The time limit passed."""


class MemoryLimitExceeded(BaseException):
    """The process's memory passed its limit."""


def _raise_in(thread_id: int, exc_type: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


@contextmanager
def _raising(exc_type: type[BaseException], message: str, due: Callable[[threading.Event], bool]):
    """Raise `exc_type(message)` in this thread once `due(stop)` says so; `due` waits on `stop` (set when the
    block ends) and returns False if the block ended first."""
    target = threading.get_ident()
    lock = threading.Lock()
    stop = threading.Event()
    state = {"inside": True, "fired": False}

    def watch() -> None:
        if not due(stop):
            return
        # Raised again every 50 ms until it lands: an exception that arrives while the
        # thread runs a weakref callback or __del__ is printed and dropped by CPython.
        while True:
            with lock:
                if not state["inside"]:
                    return
                state["fired"] = True
                _raise_in(target, exc_type)
            if stop.wait(0.05):
                return

    def end() -> None:
        stop.set()
        with lock:
            state["inside"] = False
            if state["fired"]:
                _raise_in(target, None)  # withdraw one that has not landed yet

    watcher = threading.Thread(target=watch, name=f"limit-{exc_type.__name__}", daemon=True)
    watcher.start()
    try:
        yield
    except exc_type:
        end()
        raise exc_type(message) from None
    finally:
        end()
    if state["fired"]:  # every delivery was dropped, but the limit was passed all the same
        raise exc_type(message)


@contextmanager
def time_limit(seconds: float | None, what: str = "the work"):
    if not seconds or seconds <= 0:
        yield
        return
    with _raising(TimeLimitExceeded, f"{what} took longer than the limit of {seconds:g} s",
                  lambda stop: not stop.wait(seconds)):
        yield


def resident_megabytes() -> float | None:
    """This process's resident memory in MB (Linux /proc), or None where it cannot be told."""
    try:
        with open("/proc/self/statm", "rb") as fh:
            return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


@contextmanager
def memory_limit(megabytes: float | None, what: str = "the work"):
    if not megabytes or megabytes <= 0 or resident_megabytes() is None:
        yield
        return

    def due(stop: threading.Event) -> bool:
        while not stop.wait(POLL):
            if (resident_megabytes() or 0) > megabytes:
                return True
        return False

    with _raising(MemoryLimitExceeded, f"{what} took the worker process over the memory limit of "
                  f"{megabytes:g} MB (max_worker_memory)", due):
        yield
