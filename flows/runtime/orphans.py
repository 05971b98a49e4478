"""Child processes that die with the process that started them, from their very start.

A run killed outright (SIGKILL, the OOM killer) cannot stop its children; each
child must notice by itself. On Linux, `prctl(PR_SET_PDEATHSIG)` has the kernel
signal a process when its parent dies (strictly: the parent's thread that
started it, and the pools here start their workers from threads that live as
long as the pool). It must be set as early as possible, and the parent checked
right after it is set: a parent that died before that sends no signal.

- The temporary Prefect server and the model worker call `die_with_parent(pid
  of the parent)` first thing (between fork and exec, or first in the forked
  process).
- The process pool's workers are spawned: a fresh interpreter that imports the
  run's main module (the `chusho-extract` script, or `cli.main`), and so this
  package, long before the pool's initializer runs (after Prefect is imported,
  seconds later). `flows/__init__.py` calls `guard_spawned_child()`, which acts
  in a multiprocessing child whose parent set `POOL_PARENT` to its own pid
  (`runners.ProcessRunner` does, while its pool lives): SIGKILL on the parent's
  death, at once if the parent is already gone. The variable is removed from
  the child's environment, so that its own children are not taken for ours.

multiprocessing's resource tracker needs nothing: it exits when the last
process holding its pipe (the run and its pool workers) is gone.
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys

POOL_PARENT = "CHUSHO_POOL_PARENT"
_PR_SET_PDEATHSIG = 1


def die_with_parent(parent: int | None = None, sig: int = signal.SIGTERM) -> None:
    """In a child process: be sent `sig` when the process that started it dies, even by SIGKILL; with
    `parent` (its pid), exit at once if it is already gone (re-parented before this was set)."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, sig)
    except (OSError, AttributeError):
        return  # not Linux: the atexit hook and the pool's own shutdown still stop them on a normal exit
    if parent is not None and os.getppid() != parent:
        os._exit(1)


_PR_SET_NAME = 15  # prctl's option: the calling thread's name (/proc/PID/comm)


def part_from_command(name: str, keep: tuple[int, ...] = ()) -> None:
    """In a process forked from the command that never returns into its code (the temporary Prefect
    server, the pool's fork server): take `name` (ps, the benchmark's roles: its command line is the
    command's), close every descriptor but the standard streams and `keep` (the output folder's lock,
    the model worker's pipe, ...: the command's alone), and give back the command's signal handlers
    (SIGINT's stays: Python's own)."""
    try:
        ctypes.CDLL(None).prctl(_PR_SET_NAME, name.encode())
    except (OSError, AttributeError):
        pass
    kept = {0, 1, 2, *keep}
    for fd in [int(entry) for entry in os.listdir("/proc/self/fd")]:
        if fd not in kept:
            try:
                os.close(fd)
            except OSError:
                pass  # (the listing's own descriptor, closed already)
    for sig in signal.valid_signals():
        try:
            if callable(signal.getsignal(sig)) and sig != signal.SIGINT:
                signal.signal(sig, signal.SIG_DFL)
        except (OSError, ValueError, TypeError):
            pass


def guard_spawned_child() -> None:
    """In a multiprocessing child spawned by a process that set POOL_PARENT: die with it (see above)."""
    parent = os.environ.pop(POOL_PARENT, None)
    if parent and "--multiprocessing-fork" in getattr(sys, "orig_argv", ()):
        die_with_parent(int(parent), signal.SIGKILL)
