"""Where a run's seconds go: `CHUSHO_TIMELINE=1 chusho-extract run ...` prints a line per milestone.

Each line gives the seconds since the process started (from /proc, so the
interpreter's own start-up counts) and the milestone: the command checked, the
Prefect server asked for, Prefect imported, the model loaded, the server
answering, the flow running, each document read and drafted, the output
written. `benchmarks/startup.py` prints one such timeline. Off by default:
nothing is printed and nothing is imported.
"""
from __future__ import annotations

import os
import sys
import time

ENABLED = bool(os.environ.get("CHUSHO_TIMELINE"))


def process_start() -> float:
    """The process's start on the time.time() clock (Linux /proc; else this module's import)."""
    try:
        with open("/proc/self/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
        ticks = int(fields[19])  # starttime, in clock ticks after boot
        with open("/proc/uptime", "rb") as fh:
            uptime = float(fh.read().split()[0])
        return time.time() - uptime + ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return time.time()


_START = process_start() if ENABLED else 0.0


def mark(what: str) -> None:
    """Print `[timeline] 1.23 s  what` to stderr when CHUSHO_TIMELINE is set."""
    if ENABLED:  # one write: the model worker's lines go to the same stderr, and must not cut into ours
        sys.stderr.write(f"[timeline] {time.time() - _START:6.2f} s  {what}\n")
        sys.stderr.flush()
