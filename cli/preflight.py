"""Checks `run` and `crawl` make before any work (and before Prefect starts), beyond the command's own.

- `output_lock(out)`: one run or crawl at a time per output folder, as one
  crawl per state file: an exclusive flock on the folder itself (no lock file
  among the outputs), held until the command ends. A second command into the
  folder raises `OutputInUse` at once (the CLI prints it and exits 3); two runs
  into one folder would otherwise both succeed, the later silently replacing
  the other's output. A file system without locks is not locked.
- `unreachable_only(inputs, out, settings)`: when every input is a URL whose
  host refuses the connection or does not resolve, the output folder is
  written with their failures at once, without a Prefect server or a flow
  run (seconds for a run of one unreachable URL, most of it the server's
  start). A slow or silent host, or one behind a proxy, is left to the run.
"""
from __future__ import annotations

import fcntl
import os
import socket
import sys
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from cli.inputs import is_url

PROBE_TIMEOUT = 3.0  # seconds a connection to an input URL's host may take in the check before a run


class OutputInUse(Exception):
    """Another run or crawl holds the output folder."""

    exit_status = 3  # as for a crawl state file in use


@contextmanager
def output_lock(out: str | os.PathLike):
    """Hold the output folder for this command (see the module's docstring)."""
    fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = _lock_holder(fd)
        os.close(fd)
        raise OutputInUse(f"another run or crawl (pid {holder}) is writing into the output folder {out}; not "
                          "starting a second one") from None
    except OSError:
        pass
    try:
        yield
    finally:
        os.close(fd)


def _lock_holder(fd: int) -> str:
    """The pid holding a flock on the file of `fd`, from /proc/locks (Linux); '?' elsewhere."""
    st = os.fstat(fd)
    try:
        with open("/proc/locks", encoding="ascii", errors="replace") as fh:
            for line in fh:
                fields = line.split()
                if len(fields) > 5 and fields[1] == "FLOCK" and fields[5].count(":") == 2:
                    major, minor, inode = fields[5].split(":")
                    if int(inode) == st.st_ino and os.makedev(int(major, 16), int(minor, 16)) == st.st_dev:
                        return fields[4]
    except (OSError, ValueError):
        pass
    return "?"


def refused(url: str, timeout: float) -> bool:
    """Whether the URL's host cannot be reached for certain: no such host, or the connection refused."""
    parts = urlsplit(url)
    if not parts.hostname or (urllib.request.getproxies().get(parts.scheme)
                              and not urllib.request.proxy_bypass(parts.hostname)):
        return False
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        socket.create_connection((parts.hostname, port), timeout=timeout).close()
    except (socket.gaierror, ConnectionRefusedError):
        return True
    except (OSError, ValueError):
        return False
    return False


def unreachable_only(inputs: list[str], out: str, settings, progress: bool = True) -> int | None:
    """When every input is a URL whose host is unreachable for certain: each gets its documents.jsonl
    line (the fetch's own error and code) and a progress line, the output folder is written, and the
    number of documents is given; None otherwise (the run goes on as usual)."""
    if not inputs or not all(is_url(i) for i in inputs):
        return None
    # lazy: the reader and the output folder's writers, for a run of URLs only (a run of files is not slowed)
    from extractors.reading import fetch_url, read_document
    from output import manifest_for, skipped_files, write_outputs
    from schemas.document import DocStatus

    with ThreadPoolExecutor(max_workers=min(8, len(inputs))) as pool:
        if not all(pool.map(lambda url: refused(url, min(PROBE_TIMEOUT, settings.http_timeout)), inputs)):
            return None
        documents = list(pool.map(lambda url: read_document(fetch_url(url, settings), settings), inputs))
    if any(d.status == DocStatus.ok for d in documents):
        return None  # reachable after all (it came up meanwhile): the run reads it
    for n, doc in enumerate(documents, start=1):
        if progress:
            print(f"[{n}/{len(documents)}] {doc.status.value:<9} {doc.uri}  ({doc.error})", file=sys.stderr)
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(), "inputs": inputs,
           "skipped_files": skipped_files(inputs), "unreachable": "no input could be reached: written without a "
           "flow run"}
    write_outputs(Path(out), documents, [], [], manifest_for(run, documents, [], [], settings))
    return len(documents)
