"""Where tasks run: threads, local processes, or a Dask cluster (local or remote).

- `process` (default): a pool of worker processes on this machine, one per
  core by default. GiNZA holds the GIL, so threads cannot use a second core;
  processes can. Each worker loads the model once, on its first document.
- `thread`: one process; the lightest on memory (one model).
- `dask`: prefect-dask's DaskTaskRunner. With `dask_address` the tasks go to
  an existing Dask scheduler (workers on many machines, each with the project
  installed); without, a local cluster of `workers` single-threaded worker
  processes is started for the run. The model is loaded once per Dask worker
  (`extractors.language.nlp.load_nlp` is cached per process), not per task.

The flows do not change with the runner: they are given one with
`flow.with_options(task_runner=make_runner(...))`.
"""
from __future__ import annotations

import os
from contextlib import contextmanager

RUNNERS = ("process", "thread", "dask")


def default_workers() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def make_runner(kind: str = "process", workers: int | None = None, dask_address: str | None = None):
    workers = workers or default_workers()
    if kind == "thread":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=max(4, workers * 2))
    if kind == "process":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True,
                                              "dashboard_address": None})
    raise ValueError(f"unknown runner {kind!r}: choose one of {', '.join(RUNNERS)}")


@contextmanager
def shared_local_api():
    """One local Prefect server for the run and every worker process it starts.

    Without PREFECT_API_URL, Prefect starts a temporary server per process:
    each worker of a process pool or local Dask cluster would start its own
    (~220 MB and several seconds each, and their task runs would not show in
    the run's server). This starts one, points PREFECT_API_URL (inherited by
    the workers) at it, and stops it at the end. With PREFECT_API_URL set, or
    inside a test harness that set the API URL, it does nothing.
    """
    from prefect.settings import PREFECT_API_URL, temporary_settings

    if os.environ.get("PREFECT_API_URL") or PREFECT_API_URL.value():
        yield
        return
    from prefect.server.api.server import SubprocessASGIServer

    server = SubprocessASGIServer()
    server.start(timeout=int(os.environ.get("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "120")))
    os.environ["PREFECT_API_URL"] = server.api_url
    try:
        with temporary_settings(updates={PREFECT_API_URL: server.api_url}):
            yield
    finally:
        os.environ.pop("PREFECT_API_URL", None)
        server.stop()
