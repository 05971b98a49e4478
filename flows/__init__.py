"""Prefect flows and the command line. Orchestration, I/O, caching and retries live here.

Importing this package sets quiet, offline defaults for Prefect before Prefect
is imported (each can still be overridden from the environment): no telemetry,
no logs shipped to the API, warnings only. Task results that are cached (each
document's reading and drafts, keyed by its bytes and the code and model
versions) are persisted under `CHUSHO_CACHE_DIR`, by default
`~/.cache/chusho-extract/results` (Prefect's PREFECT_LOCAL_STORAGE_PATH).

Prefect's home (its SQLite database, profiles and UI files) is the project's
own, `$XDG_DATA_HOME/chusho-extract/prefect` (by default
`~/.local/share/chusho-extract/prefect`), not the user's `~/.prefect`, which
other projects share: the temporary servers of `run` and `crawl` and the server
of `serve` use it. PREFECT_HOME in the environment overrides it. Flow runs that
ended more than CHUSHO_PREFECT_RETENTION_DAYS days ago (default 30) are deleted:
by Prefect's vacuum service in `serve`'s server, by `runners.prune_old_runs`
(at most daily) for the temporary servers, whose ephemeral mode runs no vacuum.

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


def default_prefect_home() -> str:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(base) / "chusho-extract" / "prefect")


DEFAULT_RETENTION_DAYS = 30.0


def retention_days() -> float:
    """Days a finished flow run is kept: CHUSHO_PREFECT_RETENTION_DAYS (a positive number; anything
    else gives the default). Prefect's vacuum service keeps at least an hour whatever it says."""
    try:
        days = float(os.environ.get("CHUSHO_PREFECT_RETENTION_DAYS", DEFAULT_RETENTION_DAYS))
    except ValueError:
        return DEFAULT_RETENTION_DAYS
    return days if 0 < days < float("inf") else DEFAULT_RETENTION_DAYS


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
    "PREFECT_HOME": default_prefect_home(),
    # serve's server deletes flow runs (with their logs and artifacts) and events past the retention
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "events,flow_runs",
    "PREFECT_SERVER_SERVICES_DB_VACUUM_RETENTION_PERIOD": str(max(3601, int(retention_days() * 86400))),
    # the task-run loggers' "Finished in state Completed()" lines (about three a document) stay out of
    # a run's log; the flows write one line per document
    "PREFECT_LOGGING_LOGGERS_PREFECT_TASK_RUNS_LEVEL": "WARNING",
    # Dask (--runner dask): no INFO chatter from the scheduler and workers
    "DASK_LOGGING__DISTRIBUTED": "warning",
}.items():
    os.environ.setdefault(_key, _value)
if os.environ["PREFECT_HOME"] == default_prefect_home():  # Prefect makes its home without its parents
    try:
        Path(os.environ["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    except OSError:
        pass  # Prefect says so when it needs it
if os.environ.get("CHUSHO_PREFECT_RETENTION_DAYS"):  # the project's own variable wins
    os.environ["PREFECT_SERVER_SERVICES_DB_VACUUM_RETENTION_PERIOD"] = str(max(3601, int(retention_days() * 86400)))
if os.environ.get("CHUSHO_CACHE_DIR"):  # the project's own variable wins
    os.environ["PREFECT_LOCAL_STORAGE_PATH"] = os.environ["CHUSHO_CACHE_DIR"]
