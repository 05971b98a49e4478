"""Every place the project reaches into Prefect's or Python's internals, because no public API does it.

Each function names the internal it relies on; `tests/test_internals.py` checks
each one on the installed versions (the attribute or signature is there and
behaves as used here), so that an upgrade of Prefect (pinned in pyproject.toml,
which says so beside the pin) or of Python (3.11) that changes one fails a test
instead of a run.

Prefect 3.8.8:

- `reuse_settings_context()`: a process pool's worker validates Prefect's
  settings context once per run instead of once per task (it replaces
  `prefect.context.hydrated_context`, which `prefect.task_runners.
  _run_task_in_subprocess` looks up at each call). No setting turns the
  per-task validation off. Each worker also keeps one Prefect client for the
  run's API (a `SyncClientContext` entered at its first task), which the task
  engine's `SyncClientContext.get_or_create()` then finds, instead of two new
  clients (and TLS contexts) per task.
- `collections_without_dask()`: a pool worker loads Prefect's collections
  (`prefect.collections` entry points) but prefect-dask's, by setting
  `prefect._internal.plugins.collections._collections` before Prefect loads
  them at the first task (prefect-dask registers no block; its import of
  dask.distributed was most of a worker's first task).
- `abandon(runner)`: a task runner shut down without waiting for the tasks
  still running (Ctrl-C): the public `cancel_all()` and `__exit__` wait for
  them. It sets the runner's `_cancel_events`, shuts its `_executor` (and a
  process pool's `_resolver_executor`) down without waiting and clears them, so
  that `__exit__` has nothing left to wait for.
- `isolate_flow_run_processes(runner)`: `serve`'s Runner starts each flow run's
  process in a session of its own (`EngineCommandStarter._isolate_process_group`,
  which the Runner leaves off, set on the starter its
  `_scheduled_run_poller._resolve_starter` gives): the terminal's Ctrl-C then
  reaches `serve` only, which cancels the runs.
- `ephemeral_server_command(port)`: the command and environment of Prefect's own
  temporary server (`SubprocessASGIServer._run_uvicorn_command`: uvicorn with
  `prefect.server.api.server:create_app`, here through `ephemeral_app`, and the
  private PREFECT__SERVER_EPHEMERAL variable; not PREFECT__SERVER_FINAL, whose one
  effect with FastAPI 0.150 is a full garbage collection before the server
  answers, a tenth of a second that reclaims nothing), run without importing Prefect's server;
  for a database this installation made ready, the three settings that skip the
  start-up's migrations and block registration (`SKIP_WHEN_READY`: what
  `create_app`'s lifespan reads, and the Alembic table `alembic_version` that
  `server.database_ready` reads), else the one that has it register the block
  types without consulting its memo (`REGISTER_WHEN_NOT_READY`); and the
  task-run recorder's batch size and flush interval (`RECORD_IN_BATCHES`:
  public settings, but set here beside the others the temporary server gets;
  the recorder flushes what is left when the server stops). The app is
  made by `ephemeral_app()`: Prefect's `create_app` (its app caches keyed by a
  constant meanwhile, not by `Settings.hash_key()`: `_constant_app_key`), then
  `routers_used_first`.

FastAPI 0.150 (Prefect's dependency; pinned in pyproject.toml):

- `routers_used_first(app)`: the Prefect API's included routers (the
  `_IncludedRouter` entries of the `/api` app's `router.routes`) reordered so
  that those a run calls (`USED_FIRST`) come first, in the order a run first
  reaches them. FastAPI builds an included router's routes (dependants,
  pydantic adapters) the first time a request is matched against it, in the
  order of `routes`: the client's first request (`/admin/version`, next to last)
  had a new server build all thirty, a quarter of a second of its one core on a
  small run's critical path; the others are now built only if a request reaches
  them (a run's requests never reach the task runs', states' and logs' routers).

Python 3.11:

- `replace_worker_when(wanted)`: a process pool's worker that must be replaced
  (over its memory limit) exits after sending its task's result, and the pool
  starts another (`concurrent.futures.process._process_worker`'s queues and
  `_ResultItem.exit_pid`, its max_tasks_per_child mechanism).
- `pool_start_method(runner, context)`: Prefect's ProcessPoolTaskRunner makes its
  pool with the "spawn" start method, fixed in its `__enter__`; the pool (no
  worker started yet) is made again with the same size, initializer and
  arguments (`ProcessPoolExecutor._max_workers`, `_initializer`, `_initargs`)
  and another context, the fork server's (`runners.preload_pool`).
- `pool_workers(runner)`: a process runner's pool size
  (`ProcessPoolTaskRunner._max_workers`), for the flow's batches of small documents.
- `queued_first(runner, first)`: a process runner's tasks for which `first(task)`
  holds go ahead of the others still queued for a worker. Prefect's
  ProcessPoolTaskRunner submits each task to its pool from a thread of its own
  (`_resolve_futures_and_submit`, wrapped here to mark that thread while it
  submits), and the pool takes its work in the order of its queue of work ids
  (`ProcessPoolExecutor._work_ids`, a `queue.Queue` read by the pool's manager
  thread, replaced before the first task by one with a lane for them ahead).
- `run_multiprocessing_finalizers()`: `multiprocessing.util._run_finalizers(0)`
  before `os._exit`, so that a process exiting at once still releases the
  pool's semaphores (else its resource tracker reports them as leaked).

Prefect is imported inside each function, not here: the command line imports
the runners, and so this module, before it forks the model worker, which must
not inherit Prefect (see `runtime/modelworker.py`).
"""
from __future__ import annotations

import functools
import json
import os
import queue
import sys
import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import process as cf_process
from contextlib import contextmanager
from importlib.metadata import EntryPoints, entry_points
from pathlib import Path


def reuse_settings_context() -> None:
    """In a process pool's worker: each distinct settings context validated once, a copy entered per task.

    Prefect runs each task on a worker process inside the flow's context, sent along with the task:
    the settings context is validated anew for every task (pydantic-settings builds some fifty models
    from the environment each time), as much CPU as the work on a small page. That context is the same
    for every task of a flow run (the runner serialises it once). The rest of Prefect's
    `hydrated_context` (flow run and task run contexts, tags, assets, the client) is Prefect's own.
    """
    import prefect.context as prefect_context  # lazy: see the module's docstring

    prefect_hydrated = prefect_context.hydrated_context
    if getattr(prefect_hydrated, "reuses_settings", False):
        return
    validated: dict[str, object] = {}
    clients: dict[str, object] = {}  # API URL -> this worker's client context, entered once and kept

    @contextmanager
    def hydrated_context(serialized_context=None, client=None):
        settings = (serialized_context or {}).get("settings_context")
        if not settings:
            with prefect_hydrated(serialized_context, client):
                yield
            return
        key = json.dumps(settings, sort_keys=True, default=str)
        if key not in validated:
            validated.clear()  # one run at a time: the last one is all that is needed
            validated[key] = prefect_context.SettingsContext(**settings)
        rest = {name: value for name, value in serialized_context.items() if name != "settings_context"}
        with validated[key].model_copy():
            with prefect_hydrated(rest, client or _worker_client(clients)):
                yield

    hydrated_context.reuses_settings = True
    prefect_context.hydrated_context = hydrated_context


def _worker_client(clients: dict[str, object]):
    """This worker process's one Prefect client for the run's API, made and entered at its first task and kept.

    Without it Prefect makes two clients per task run in a worker (one for the flow run's context, one for
    the task engine's client context), each with a new TLS context (certifi's bundle parsed), a new
    connection and, for the entered one, the server's version asked again. Entered once here, the client
    context stays current in the worker's thread (a pool worker runs its tasks one after another in that
    thread), so the task engine's `SyncClientContext.get_or_create()` finds it too."""
    from prefect.context import SyncClientContext  # lazy: see the module's docstring
    from prefect.settings import PREFECT_API_URL

    url = str(PREFECT_API_URL.value())
    context = clients.get(url)
    if context is None:
        clients.clear()  # another API (a pool lives for one run): its client is left for the collector
        context = SyncClientContext()
        try:
            context.__enter__()  # not left: the process ends with the pool
        except Exception:  # noqa: BLE001  (no server to be had: the task engine says so, as without this)
            return None
        clients[url] = context
    return context.client


def collections_without_dask() -> bool:
    """In a pool worker: Prefect's collections loaded now, but for prefect-dask's; whether it was done.

    Prefect loads every installed collection the first time a task's context names a block (its result
    storage), so that collections may register block types: in each worker, at its first task.
    prefect-dask registers none (it gives the Dask task runner, which a pool worker never uses). Where
    the global is not as expected (loaded already, another Prefect), nothing is done and Prefect loads
    them all itself."""
    try:
        from prefect._internal.plugins import collections as plugins  # lazy: see the module's docstring
    except ImportError:
        return False
    if getattr(plugins, "_collections", False) is not None or not hasattr(plugins, "safe_load_entrypoints"):
        return False
    wanted = EntryPoints(ep for ep in entry_points(group="prefect.collections")
                         if ep.value.split(".")[0].split(":")[0] != "prefect_dask")
    plugins._collections = plugins.safe_load_entrypoints(wanted)
    return True


def abandon(runner) -> None:
    """Shut a task runner down without waiting for the tasks still running: queued ones are dropped,
    a process pool's workers are terminated, a thread pool's threads are left to end (the command
    exits without waiting for them). Its own __exit__ then has nothing left to wait for."""
    for event in list(getattr(runner, "_cancel_events", {}).values()):
        try:
            event.set()  # a task not yet begun sees it and does not begin
        except (OSError, ValueError):
            pass
    executor = getattr(runner, "_executor", None)
    if executor is not None:
        processes = list((getattr(executor, "_processes", None) or {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            try:
                process.terminate()
            except (OSError, ValueError, AttributeError):
                pass
        runner._executor = None
    resolver = getattr(runner, "_resolver_executor", None)
    if resolver is not None:
        resolver.shutdown(wait=False, cancel_futures=True)
        runner._resolver_executor = None


def isolate_flow_run_processes(runner) -> None:
    """After `await runner.__aenter__()`: the flow-run processes the Runner starts from now on each start
    in a session of their own (where its process starter can)."""
    poller = runner._scheduled_run_poller
    resolve = poller._resolve_starter

    def isolated(flow_run):
        starter = resolve(flow_run)
        if hasattr(starter, "_isolate_process_group"):
            starter._isolate_process_group = True
        return starter

    poller._resolve_starter = isolated


def ephemeral_server_command(port: int, database_ready: bool = False) -> tuple[list[str], dict[str, str]]:
    """The command that runs Prefect's server app on 127.0.0.1:port as its ephemeral mode does, and the
    variables to add to its environment (no UI; the ephemeral switch, not the final-instance one: see the
    module's docstring). With
    `database_ready` (its database migrated and its block types registered by this very installation,
    `server.database_ready`), also SKIP_WHEN_READY: the app's start-up then neither runs the migrations
    (Alembic, to find there is nothing to do) nor loads every Prefect collection (prefect-dask and so
    dask.distributed, about half a second of CPU) to hash the block registry it would not register again."""
    # --app-dir: uvicorn imports the factory from there first, not from the working folder (a `flows` of the
    # user's own must not stand in for ours), as Prefect's own command does for its package
    command = [sys.executable, "-m", "uvicorn", "--app-dir", str(Path(__file__).resolve().parents[2]),
               "--factory", f"{__name__}:ephemeral_app",
               "--host", "127.0.0.1", "--port", str(port), "--log-level", "error", "--lifespan", "on"]
    env = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1"}
    steps = SKIP_WHEN_READY if database_ready else REGISTER_WHEN_NOT_READY
    env.update({name: value for name, value in {**steps, **RECORD_IN_BATCHES}.items() if name not in os.environ})
    return command, env


# The settings (Prefect 3.8.8's names) read by `create_app`'s lifespan before the server answers: the
# migrations (`run_migrations`: server.database.migrate_on_start) and the block types' registration
# (`add_block_types`: server.register_blocks_on_start, wrapped by server.memoize_block_auto_registration,
# whose check loads every collection even when registration is off). The user's own values win.
SKIP_WHEN_READY = {"PREFECT_SERVER_DATABASE_MIGRATE_ON_START": "false",
                   "PREFECT_SERVER_REGISTER_BLOCKS_ON_START": "false",
                   "PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
# Else the block types are registered for real: Prefect's memo of the last registration (memo_store.toml in
# PREFECT_HOME) is keyed by the database's URL, not the database, and skips it on a new database at that path.
REGISTER_WHEN_NOT_READY = {"PREFECT_SERVER_MEMOIZE_BLOCK_AUTO_REGISTRATION": "false"}
# The task-run recorder (the service that writes the task runs and their states from the clients' events) in
# batches of up to 100 events, written at least every second and at the server's stop, instead of Prefect's
# default of one event per write: a run emits three events per task run (Pending, Running, Completed), and each
# write is a transaction of its own (a query for the task runs already known, an upsert whose SQL is compiled
# anew, the states' insert, a commit). On the benchmark's corpus (68 task runs) the server took 4.0-4.5 CPU s with
# one event a write, 2.7-3.0 s with these. The task runs and their states recorded are the same; a state shows
# up to a second later (a run's own server has no UI). The user's own values win.
RECORD_IN_BATCHES = {"PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE": "100",
                     "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_FLUSH_INTERVAL": "1"}


def ephemeral_app():
    """uvicorn's factory for a run's temporary server (`ephemeral_server_command`): Prefect's app
    (`prefect.server.api.server:create_app`, which Prefect's own temporary server runs), with the API's
    routers a run calls matched first (`routers_used_first`)."""
    from prefect.server.api.server import create_app  # lazy: in the server's process only
    from prefect.settings import Settings

    with _constant_app_key(Settings):
        app = create_app()
    routers_used_first(app)
    return app


EPHEMERAL_APP_KEY = "chusho-extract-ephemeral-app"  # Settings.hash_key() while a run's server makes its app


@contextmanager
def _constant_app_key(settings_class):
    """`Settings.hash_key` giving EPHEMERAL_APP_KEY while the block runs. `create_app` and the `create_api_app`
    it calls key their per-process app caches by it: every setting written out as an environment variable,
    then hashed, about 50 ms of CPU each, twice, on a small run's critical path. A run's temporary server
    makes its app once (nothing in it looks the app up again), and a later `create_app` outside the block
    computes the real key, which never equals this one: no app is found by it that should not be."""
    own = settings_class.__dict__["hash_key"]
    settings_class.hash_key = lambda self: EPHEMERAL_APP_KEY
    try:
        yield
    finally:
        settings_class.hash_key = own


# The Prefect API's routers (their prefixes) that a run of the flows calls, in the order it first reaches them:
# the version check, the CSRF token, the flow and its run, the artifacts, the events (the client's websocket;
# the task runs' states travel as events). Then those a run of ours does not call but a flow of Prefect's may
# (task runs, states, logs: sent to the API when a user turns that on). The others (the UI's, deployments,
# work pools, blocks, automations, ...) are matched after them. FastAPI builds a router when a request is
# first matched against it: a run's requests never reach those after /events.
USED_FIRST = ("/admin", "/csrf-token", "/flows", "/flow_runs", "/artifacts", "/events",
              "/task_runs", "/flow_run_states", "/task_run_states", "/logs")


def routers_used_first(app) -> bool:
    """The `/api` app's included routers in `app` reordered, USED_FIRST first in its order, the others after
    them in theirs (the other routes keep their places); whether it was done: not when the app is not as
    expected, nor when two routers share one of USED_FIRST's prefixes or one put after them has a path
    under one of them (a request then matches the same route as before: FastAPI keeps every path of a
    router under its prefix, and no two of USED_FIRST's prefixes hold the same path)."""
    from fastapi.routing import _IncludedRouter  # lazy: in the server's process only
    from starlette.routing import Mount

    api = next((r.app for r in getattr(app, "routes", ()) if isinstance(r, Mount) and r.path == "/api"), None)
    router = getattr(api, "router", None)
    routes = getattr(router, "routes", None)
    if not isinstance(routes, list) or not hasattr(router, "_mark_routes_changed"):
        return False
    places = [i for i, r in enumerate(routes) if isinstance(r, _IncludedRouter)]
    included = [routes[i] for i in places]
    prefixes = [_prefix(r) for r in included]
    if not places or None in prefixes:
        return False
    later = [r for r, p in zip(included, prefixes) if p not in USED_FIRST]
    if any(_path(route).startswith(USED_FIRST) for r in later for route in r.original_router.routes):
        return False  # a router moved after the others has a path under theirs: matching could change
    first = {p: r for r, p in zip(included, prefixes) if p in USED_FIRST}
    if len(first) != sum(p in USED_FIRST for p in prefixes):
        return False  # two routers under one of those prefixes: their order could matter
    order = [first[p] for p in USED_FIRST if p in first] + later
    for i, route in zip(places, order):
        routes[i] = route
    router._mark_routes_changed()
    return True


def _path(route) -> str:
    """A route's path within its router's app (its router's prefix included)."""
    return getattr(route, "path", None) or getattr(route, "path_format", None) or ""


def _prefix(included) -> str | None:
    """An included router's path prefix: the one it was included with and its own."""
    outer = getattr(getattr(included, "include_context", None), "prefix", None)
    inner = getattr(getattr(included, "original_router", None), "prefix", None)
    return None if outer is None or inner is None else outer + inner


def replace_worker_when(wanted: Callable[[], bool], on_exit: Callable[[], None] | None = None) -> bool:
    """In a process pool's worker (called from its initializer): once `wanted()` says so, the worker exits
    after sending its current task's result, and the pool starts another. Gives whether it could be set.

    The pool (concurrent.futures.ProcessPoolExecutor) replaces a worker that says, with a result,
    that it is exiting (its max_tasks_per_child mechanism); a worker that dies otherwise breaks the
    whole pool. So the worker's result queue is given a `put` that marks the result of such a task
    with its pid, and its call queue a `get` that exits instead of taking another task. Both are
    found in the frame of the pool's worker loop, which calls the initializer (`_process_worker`);
    elsewhere nothing is changed, and the worker keeps working.
    """
    frame = sys._getframe()
    while frame is not None and frame.f_code is not cf_process._process_worker.__code__:
        frame = frame.f_back
    if frame is None:
        return False
    call_queue, result_queue = frame.f_locals.get("call_queue"), frame.f_locals.get("result_queue")
    if call_queue is None or result_queue is None:
        return False
    put, get = result_queue.put, call_queue.get

    def put_result(item, *args, **kwargs):
        if wanted() and isinstance(item, cf_process._ResultItem) and item.exit_pid is None:
            item.exit_pid = os.getpid()  # the pool takes this worker out and starts another
        return put(item, *args, **kwargs)

    def get_call(*args, **kwargs):
        if wanted():  # its last result is sent: go
            if on_exit is not None:
                on_exit()
            # (the messages its tasks sent the run, still being written by the queue's thread, written first: an
            # exit in the middle of one would leave the queue's lock, shared with the run, held for good, and the
            # run hung at its end)
            run_multiprocessing_finalizers(flush=True)
            os._exit(0)
        return get(*args, **kwargs)

    result_queue.put, call_queue.get = put_result, get_call
    return True


def pool_start_method(runner, context) -> bool:
    """After `ProcessPoolTaskRunner.__enter__`: its pool, which has started no worker yet, made again to start
    its workers with `context`; whether it was (not when the pool is not as expected, or has workers)."""
    executor = getattr(runner, "_executor", None)
    if not isinstance(executor, cf_process.ProcessPoolExecutor) or getattr(executor, "_processes", None):
        return False
    try:
        size, initializer, initargs = executor._max_workers, executor._initializer, executor._initargs
    except AttributeError:
        return False
    runner._executor = cf_process.ProcessPoolExecutor(max_workers=size, mp_context=context, initializer=initializer,
                                                      initargs=initargs)
    executor.shutdown(wait=False)
    return True


_SUBMITTING_FIRST = threading.local()  # set in a runner's submitting thread while it submits a task that goes first


class _FirstLane(queue.Queue):
    """A FIFO queue with a lane ahead: what is put while the putting thread is marked (`_SUBMITTING_FIRST`) is
    taken before the rest, each lane in its order."""

    def _init(self, maxsize: int) -> None:
        self.queue, self.ahead = deque(), deque()

    def _qsize(self) -> int:
        return len(self.ahead) + len(self.queue)

    def _put(self, item) -> None:
        (self.ahead if getattr(_SUBMITTING_FIRST, "on", False) else self.queue).append(item)

    def _get(self):
        return (self.ahead or self.queue).popleft()


def pool_workers(runner) -> int:
    """The process pool's size of a ProcessPoolTaskRunner (its `_max_workers`); 0 for another runner."""
    from prefect.task_runners import ProcessPoolTaskRunner  # lazy: see the module's docstring

    return runner._max_workers if isinstance(runner, ProcessPoolTaskRunner) else 0


def queued_first(runner, first: Callable[[object], bool]) -> bool:
    """After `ProcessPoolTaskRunner.__enter__` (and `pool_start_method`), before any task: the tasks for which
    `first(task)` holds taken by the pool's workers before the others still queued (those already handed to
    a worker, at most one more than the workers, are not overtaken); whether it could be done (not when the
    runner or its pool is not as expected, or the pool has work already)."""
    executor = getattr(runner, "_executor", None)
    submit = getattr(runner, "_resolve_futures_and_submit", None)
    if (not isinstance(executor, cf_process.ProcessPoolExecutor) or submit is None
            or type(getattr(executor, "_work_ids", None)) is not queue.Queue
            or getattr(executor, "_queue_count", None) != 0):
        return False

    @functools.wraps(submit)
    def resolve_and_submit(task, *args, **kwargs):
        _SUBMITTING_FIRST.on = bool(first(task))
        try:
            return submit(task, *args, **kwargs)
        finally:
            _SUBMITTING_FIRST.on = False

    executor._work_ids = _FirstLane()
    runner._resolve_futures_and_submit = resolve_and_submit
    return True


def run_multiprocessing_finalizers(flush: bool = False) -> None:
    """Multiprocessing's exit-time finalizers, run now (before an `os._exit`): they release the process
    pool's semaphores, which its resource tracker would otherwise report as leaked. With `flush`, also
    those a normal exit runs last: each queue's feeder thread joined once it has written what it holds
    (only where the reading end is still read: a worker the running pool replaces)."""
    util = sys.modules.get("multiprocessing.util")
    if util is not None:
        util._run_finalizers(0)
        if flush:
            util._run_finalizers()
