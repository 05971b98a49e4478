"""What the process pool's workers are forked from: Prefect, the tasks and the model, loaded once.

Imported by the pool's fork server (multiprocessing's "forkserver" start
method, `flows.runtime.runners.preload_pool`; from the command line, a fork of
the command that has imported Prefect and the tasks already,
`runners.fork_pool_server`) before it forks any worker, and nowhere else:
importing it loads the model. Each worker is then a fork of a process that has
imported Prefect and the project's tasks and loaded GiNZA, the rule patterns and
the name lists, instead of a fresh interpreter that does all of it again (seconds
of CPU per worker, and again for a worker replaced over its memory limit). The
workers share the model's pages with the fork server until they write to them;
`gc.freeze()` keeps the collector from writing to every object it tracks.

The fork server:

- ignores Ctrl-C (the whole process group gets it: the run decides what stops)
  and dies with the run (SIGKILL, from its first moment: `orphans.die_with_parent`
  with the pid the run left in POOL_PARENT); its workers die with it (their
  initializer, `runners.process_worker_init`);
- loads what it can: a failure (a missing model) is left for the first task that
  needs the model to report, as without a fork server (multiprocessing would
  ignore an ImportError here, and end the fork server on any other error).
"""
from __future__ import annotations

import gc
import os
import signal

from flows.runtime import orphans
from flows.runtime.timeline import mark


def _preload() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = os.environ.pop(orphans.POOL_PARENT, None)
    orphans.die_with_parent(int(parent) if parent else None, signal.SIGKILL)
    try:
        from flows.runtime import internals, stages

        internals.collections_without_dask()  # as in each worker (runners.process_worker_init)
        import flows.tasks  # noqa: F401  (Prefect, the tasks a worker is sent, the extractors and the output)

        stages.load_model()
        mark(f"pool workers' fork server (pid {os.getpid()}): Prefect, the tasks and the model loaded")
    except Exception as exc:  # noqa: BLE001  (the first task that needs it reports it)
        mark(f"pool workers' fork server: not all loaded ({type(exc).__name__}: {exc})")
    gc.collect()
    gc.freeze()  # the objects loaded so far stay out of the collector's passes: their pages stay shared


_preload()
