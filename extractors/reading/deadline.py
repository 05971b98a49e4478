"""A per-document time limit that works in any thread.

`with time_limit(seconds, what):` raises `TimeLimitExceeded` inside the block
once `seconds` have passed. Prefect runs tasks in worker threads, where
SIGALRM cannot be used, so a timer thread raises the exception in the
working thread (CPython's `PyThreadState_SetAsyncExc`, the mechanism Prefect
itself uses for task timeouts). It lands at the next Python bytecode: a loop
in a pure-Python parser (pdfminer) is stopped; a single long call into C
(one Tesseract page, one Sudachi chunk) finishes first. A pending exception
that has not landed when the block ends is withdrawn, so it never escapes
the block.
"""
from __future__ import annotations

import ctypes
import threading
from contextlib import contextmanager


class TimeLimitExceeded(BaseException):
    """A BaseException, so that a library's `except Exception` cannot swallow it."""


def _raise_in(thread_id: int, exc_type: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exc_type) if exc_type else None)


@contextmanager
def time_limit(seconds: float | None, what: str = "the work"):
    if not seconds or seconds <= 0:
        yield
        return
    message = f"{what} took longer than the limit of {seconds:g} s"
    target = threading.get_ident()
    lock = threading.Lock()
    stop = threading.Event()
    state = {"inside": True, "fired": False}

    def watch() -> None:
        if stop.wait(seconds):
            return
        # Raised again every 50 ms until it lands: an exception that arrives while the
        # thread runs a weakref callback or __del__ is printed and dropped by CPython.
        while True:
            with lock:
                if not state["inside"]:
                    return
                state["fired"] = True
                _raise_in(target, TimeLimitExceeded)
            if stop.wait(0.05):
                return

    def end() -> None:
        stop.set()
        with lock:
            state["inside"] = False
            if state["fired"]:
                _raise_in(target, None)  # withdraw one that has not landed yet

    watcher = threading.Thread(target=watch, name="time-limit", daemon=True)
    watcher.start()
    try:
        yield
    except TimeLimitExceeded:
        end()
        raise TimeLimitExceeded(message) from None
    finally:
        end()
    if state["fired"]:  # every delivery was dropped, but the limit was passed all the same
        raise TimeLimitExceeded(message)
