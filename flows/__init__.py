"""Prefect flows and the command line. Orchestration, I/O, caching and retries live here.

Importing this package sets quiet, offline defaults for Prefect before Prefect
is imported (each can still be overridden from the environment): no telemetry,
no logs shipped to the API, warnings only. Task results that are cached (each
document's reading and drafts, keyed by its bytes and the code and model
versions) are persisted under `CHUSHO_CACHE_DIR`, by default
`~/.cache/chusho-extract/results` (Prefect's PREFECT_LOCAL_STORAGE_PATH).

In a process pool's worker, importing it is among the first things done (the
run's main module imports it): the worker is then set to die with the run
(`flows/orphans.py`).
"""
import os
from pathlib import Path

from flows.orphans import guard_spawned_child

guard_spawned_child()


def default_cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return str(Path(base) / "chusho-extract" / "results")


def set_cache_dir(path: str) -> None:
    """Where cached task results go; call before Prefect is imported (the CLI's --cache-dir does)."""
    os.environ["CHUSHO_CACHE_DIR"] = os.environ["PREFECT_LOCAL_STORAGE_PATH"] = str(Path(path).resolve())


for _key, _value in {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_LOGGING_TO_API_ENABLED": "false",
    "PREFECT_LOGGING_LEVEL": "WARNING",
    "PREFECT_SERVER_LOGGING_LEVEL": "WARNING",
    "PREFECT_UI_ENABLED": "false",
    # The first flow call starts a temporary local server: ~10 s here, more on a busy 2-core machine.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_LOCAL_STORAGE_PATH": os.environ.get("CHUSHO_CACHE_DIR") or default_cache_dir(),
    # Dask (--runner dask): no INFO chatter from the scheduler and workers
    "DASK_LOGGING__DISTRIBUTED": "warning",
}.items():
    os.environ.setdefault(_key, _value)
if os.environ.get("CHUSHO_CACHE_DIR"):  # the project's own variable wins
    os.environ["PREFECT_LOCAL_STORAGE_PATH"] = os.environ["CHUSHO_CACHE_DIR"]
