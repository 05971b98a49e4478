"""The internals of Prefect and Python that `flows/runtime/internals.py` relies on, checked on the installed versions.

Each test fails when an upgrade removes, renames or changes the internal: the
attribute or signature is there, and it behaves as the project uses it. (How
the project's runs depend on them is tested end to end elsewhere: the settings
context in tests/test_worker_context.py, Ctrl-C in tests/test_stopping.py and
tests/test_serve.py, the temporary server in tests/test_startup.py, a worker
over its memory limit in tests/test_faults.py.)
"""
from __future__ import annotations

import inspect
import multiprocessing
import multiprocessing.connection
import os
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import wait as futures_wait
from concurrent.futures import process as cf_process
from pathlib import Path

import prefect
import prefect.context
import prefect.task_runners
from prefect.runner import Runner
from prefect.runner._scheduled_run_poller import ScheduledRunPoller
from prefect.runner._starter_engine import EngineCommandStarter
from prefect.server.api import server as prefect_server
from prefect.task_runners import ProcessPoolTaskRunner, ThreadPoolTaskRunner

from flows.runtime import internals


def test_hydrated_context_is_looked_up_at_each_task_and_takes_a_serialized_context():
    params = list(inspect.signature(prefect.context.hydrated_context).parameters)
    assert params[:2] == ["serialized_context", "client"]
    # the worker's task wrapper imports it when it runs, so replacing the module's attribute takes effect
    run_task = inspect.getsource(prefect.task_runners._run_task_in_subprocess)
    assert "from prefect.context import hydrated_context" in run_task
    assert 'settings_context := serialized_context.get("settings_context")' in \
        inspect.getsource(prefect.context.hydrated_context)
    assert hasattr(prefect.context.SettingsContext, "model_copy")


def test_collections_are_loaded_once_into_a_module_global_from_entry_points():
    """`collections_without_dask` sets the global Prefect fills on first use, with Prefect's own loader."""
    from prefect._internal.plugins import collections as plugins

    assert hasattr(plugins, "_collections") and callable(plugins.safe_load_entrypoints)
    loader = inspect.getsource(plugins.load_prefect_collections)
    assert "if _collections is not None and not reload:" in loader  # a global set before is what it gives
    assert "safe_load_entrypoints(" in loader


def test_the_task_engine_finds_an_entered_sync_client_context():
    """A worker's kept client (`_worker_client`) is found by the task engine's get_or_create."""
    from prefect.context import SyncClientContext

    assert hasattr(SyncClientContext, "get_or_create")
    assert "ctx = cls.get()" in inspect.getsource(SyncClientContext.get_or_create)


def _entered(runner):
    runner.__enter__()
    return runner


def test_abandon_leaves_a_thread_runner_without_waiting_for_its_running_task():
    runner = _entered(ThreadPoolTaskRunner(max_workers=1))
    assert isinstance(runner._cancel_events, dict) and runner._executor is not None
    release = threading.Event()
    running = threading.Event()
    runner._executor.submit(lambda: (running.set(), release.wait(30)))
    queued = runner._executor.submit(lambda: "ran")
    assert running.wait(10)
    event = threading.Event()
    runner._cancel_events["a task not begun"] = event
    started = time.monotonic()
    internals.abandon(runner)
    runner.__exit__(None, None, None)  # Prefect's own exit: nothing left to wait for
    assert time.monotonic() - started < 10  # not the 30 s the running task holds (a busy machine moves clocks)
    assert event.is_set() and queued.cancelled() and runner._executor is None
    release.set()


def _sleep(seconds: float) -> int:
    time.sleep(seconds)
    return os.getpid()


def test_abandon_terminates_a_process_runner_s_workers_and_its_exit_does_not_wait():
    runner = _entered(ProcessPoolTaskRunner(max_workers=1))
    try:
        assert runner._executor is not None and runner._resolver_executor is not None
        future = runner._executor.submit(_sleep, 60)
        deadline = time.monotonic() + 60
        while not runner._executor._processes and time.monotonic() < deadline:
            time.sleep(0.05)
        processes = list(runner._executor._processes.values())
        assert processes
        time.sleep(0.5)
        started = time.monotonic()
        internals.abandon(runner)
        runner.__exit__(None, None, None)
        assert time.monotonic() - started < 10
        # The process's sentinel (a pipe its exit closes), not join()/is_alive(): the executor's own
        # manager thread joins the same workers, and when it reaps one first, is_alive() in this
        # thread can read the reaped pid as still running (a failed CI run saw it once).
        for process in processes:
            assert multiprocessing.connection.wait([process.sentinel], 10), f"worker {process.pid} still runs"
        futures_wait([future], 10)  # settled by the pool's manager thread once it sees its worker gone (a loaded
        assert future.done() and runner._executor is None and runner._resolver_executor is None  # machine: later)
    finally:
        if runner._executor is not None:
            runner._executor.shutdown(wait=False, cancel_futures=True)


def test_the_runner_resolves_each_flow_run_s_starter_through_its_poller():
    assert "self._scheduled_run_poller = ScheduledRunPoller(" in inspect.getsource(Runner.__aenter__)
    assert "resolve_starter" in inspect.signature(ScheduledRunPoller.__init__).parameters
    assert "self._resolve_starter(flow_run)" in inspect.getsource(ScheduledRunPoller)
    assert "isolate_process_group" in inspect.signature(EngineCommandStarter.__init__).parameters
    assert 'kwargs["start_new_session"] = True' in inspect.getsource(EngineCommandStarter.start)

    class Poller:  # the Runner's poller, as isolate_flow_run_processes finds it
        def __init__(self):
            self._resolve_starter = lambda flow_run: EngineCommandStarter()

    class Started:
        _scheduled_run_poller = Poller()

    runner = Started()
    assert EngineCommandStarter()._isolate_process_group is False  # what the Runner leaves
    internals.isolate_flow_run_processes(runner)
    assert runner._scheduled_run_poller._resolve_starter("a flow run")._isolate_process_group is True


def test_the_ephemeral_server_command_is_prefect_s_own():
    command, env = internals.ephemeral_server_command(4321)
    prefect_own = inspect.getsource(prefect_server.SubprocessASGIServer._run_uvicorn_command)
    ours = internals.REGISTER_WHEN_NOT_READY.keys() | internals.RECORD_IN_BATCHES.keys()  # (tested below)
    for word in (*command[1:4], command[5], "prefect.server.api.server:create_app", "--lifespan",
                 *(env.keys() - ours)):
        assert word in prefect_own, word
    assert command[6] == "flows.runtime.internals:ephemeral_app"  # Prefect's app, its routers reordered (below)
    assert (Path(command[4]) / "flows" / "runtime" / "internals.py").samefile(internals.__file__)  # the app's folder
    assert "create_app()" in inspect.getsource(internals.ephemeral_app)
    create_app = inspect.getsource(prefect_server.create_app)
    assert 'os.getenv("PREFECT__SERVER_EPHEMERAL")' in create_app
    assert 'os.getenv("PREFECT__SERVER_FINAL")' in create_app
    # ... which we leave unset: with FastAPI >= 0.137 its one effect is a full collection before answering
    assert "PREFECT__SERVER_FINAL" not in env and prefect_server._FASTAPI_COPIES_ROUTES_ON_INCLUDE is False
    create_api_app = inspect.getsource(prefect_server.create_api_app)
    assert create_api_app.count("if final") == 2 and "gc.collect()" in create_api_app


def test_a_run_s_server_makes_its_app_without_hashing_every_setting():
    """create_app and create_api_app key their app caches by Settings.hash_key() (every setting written out and
    hashed): within `_constant_app_key` it is never called; outside it, twice per app, as before."""
    from prefect.settings import Settings, get_current_settings

    own = Settings.__dict__["hash_key"]
    calls = []
    Settings.hash_key = lambda self: calls.append(self) or own(self)
    try:
        with internals._constant_app_key(Settings):
            app = prefect_server.create_app(ephemeral=True, ignore_cache=True)
        assert calls == []
        assert prefect_server.create_app(ephemeral=True, ignore_cache=True) is not app
        assert len(calls) == 2
    finally:
        Settings.hash_key = own
    assert Settings.__dict__["hash_key"] is own
    assert get_current_settings().hash_key() != internals.EPHEMERAL_APP_KEY
    assert "_constant_app_key(Settings)" in inspect.getsource(internals.ephemeral_app)


def test_the_start_up_steps_a_ready_database_skips_are_read_under_these_names():
    from prefect.settings import Settings

    before = {name: os.environ.pop(name, None) for name in internals.SKIP_WHEN_READY}
    try:
        os.environ.update(internals.SKIP_WHEN_READY)
        read = Settings()
    finally:
        for name, value in before.items():
            os.environ.pop(name)
            if value is not None:
                os.environ[name] = value
    assert read.server.database.migrate_on_start is False
    assert read.server.register_blocks_on_start is False
    assert read.server.memoize_block_auto_registration is False
    lifespan = inspect.getsource(prefect_server.create_app)  # the lifespan reads them by their old names
    assert "PREFECT_API_DATABASE_MIGRATE_ON_START" in lifespan and "PREFECT_API_BLOCKS_REGISTER_ON_START" in lifespan
    assert "PREFECT_MEMOIZE_BLOCK_AUTO_REGISTRATION.value()" in inspect.getsource(
        prefect_server._memoize_block_auto_registration)
    not_ready = internals.ephemeral_server_command(4321)[1]
    assert not_ready.keys() & internals.SKIP_WHEN_READY.keys() == internals.REGISTER_WHEN_NOT_READY.keys()


def test_a_run_s_server_records_task_runs_in_batches_under_these_names(monkeypatch):
    """The task-run recorder's settings the temporary server gets (`RECORD_IN_BATCHES`: Prefect's default writes
    each event in a transaction of its own), read by Prefect under these names and used by the recorder; the
    user's own values win."""
    from prefect.server.services import task_run_recorder
    from prefect.settings import Settings
    from prefect.settings.models.server.services import ServerServicesTaskRunRecorderSettings

    for name in internals.RECORD_IN_BATCHES:
        monkeypatch.delenv(name, raising=False)
    env = internals.ephemeral_server_command(4321)[1]
    assert env.items() >= internals.RECORD_IN_BATCHES.items()
    for name, value in internals.RECORD_IN_BATCHES.items():
        monkeypatch.setenv(name, value)
    recorder = Settings().server.services.task_run_recorder
    assert recorder.batch_size == 100 > ServerServicesTaskRunRecorderSettings.model_fields["batch_size"].default
    assert recorder.flush_interval == 1
    source = inspect.getsource(task_run_recorder.TaskRunRecorder)
    assert "write_batch_size=self.service_settings().batch_size" in source
    assert "flush_every=int(self.service_settings().flush_interval)" in source
    monkeypatch.setenv("PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE", "7")
    assert "PREFECT_SERVER_SERVICES_TASK_RUN_RECORDER_BATCH_SIZE" not in internals.ephemeral_server_command(4321)[1]


def test_a_server_told_its_database_is_ready_runs_no_migration(tmp_path):
    """On an empty database: with the skip, the server answers and Alembic's table was never made
    (migrations skipped); without it, the server makes it."""
    import sqlite3
    import subprocess
    import urllib.request

    from flows.runtime.server import _free_port, api_healthy

    def start(ready: bool) -> str | None:
        db = tmp_path / f"ready-{ready}.db"
        port = _free_port()
        command, env = internals.ephemeral_server_command(port, database_ready=ready)
        env = {**os.environ, **env, "PREFECT_HOME": str(tmp_path),
               "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{db}"}
        env.pop("PREFECT_API_URL", None)
        server = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            deadline = time.monotonic() + 180
            while not api_healthy(f"http://127.0.0.1:{port}/api"):
                assert server.poll() is None and time.monotonic() < deadline
                time.sleep(0.1)
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/health", timeout=10) as answer:
                assert answer.status == 200
        finally:
            server.terminate()
            server.wait(timeout=60)
        tables = {name for (name,) in sqlite3.connect(db).execute("SELECT name FROM sqlite_master")}
        return "alembic_version" in tables

    assert start(ready=False) is True
    assert start(ready=True) is False


def test_the_api_s_routers_are_built_when_a_request_first_reaches_them_and_a_run_s_come_first():
    """FastAPI builds an included router's routes when a request is first matched against it, in the order of
    the app's routes: after the version check, only its router is built; after a flow's request, those up to
    the flows'; the task runs', states' and logs' only when a request goes past the events'; every route still
    answers (one of each kind), and a 404 stays a 404."""
    import warnings

    from fastapi.routing import _IncludedRouter
    from starlette.routing import Mount

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # starlette's test client says it prefers httpx2
        from fastapi.testclient import TestClient

    app = prefect_server.create_app(ephemeral=True, ignore_cache=True)
    api = next(r.app for r in app.routes if isinstance(r, Mount) and r.path == "/api")
    included = [r for r in api.router.routes if isinstance(r, _IncludedRouter)]
    prefixes = [internals._prefix(r) for r in included]
    assert set(internals.USED_FIRST) <= set(prefixes)
    assert prefixes.index("/admin") > prefixes.index("/deployments")  # Prefect's order: the version check last
    assert internals.routers_used_first(app)
    now = [internals._prefix(r) for r in api.router.routes if isinstance(r, _IncludedRouter)]
    assert now[:len(internals.USED_FIRST)] == list(internals.USED_FIRST)
    assert now[len(internals.USED_FIRST):] == [p for p in prefixes if p not in internals.USED_FIRST]
    assert sorted(now) == sorted(prefixes)

    def built() -> set[str]:
        return {internals._prefix(r) for r in included if r._effective_candidates_version is not None}

    with TestClient(app) as client:
        assert client.get("/api/admin/version").status_code == 200
        assert built() == {"/admin"}
        assert client.post("/api/flows/filter", json={}).status_code == 200
        assert built() == {"/admin", "/csrf-token", "/flows"}
        assert client.post("/api/artifacts/filter", json={}).status_code == 200
        assert "/task_runs" not in built()
        assert client.post("/api/task_runs/filter", json={}).status_code == 200
        assert built() == set(internals.USED_FIRST[:internals.USED_FIRST.index("/task_runs") + 1])
        assert client.post("/api/deployments/filter", json={}).status_code == 200
        assert client.get("/api/hello").status_code == 200
        assert client.get("/api/no-such-thing").status_code == 404
    assert "/deployments" in built()


def test_routers_are_left_in_their_order_when_two_share_one_of_a_run_s_prefixes():
    from fastapi import APIRouter, FastAPI

    api, flows, admin, more = FastAPI(), APIRouter(prefix="/flows"), APIRouter(prefix="/admin"), APIRouter()
    flows.add_api_route("/special", lambda: "flows")
    admin.add_api_route("/{anything}", lambda anything: "admin")
    more.add_api_route("/version", lambda: "more")
    api.include_router(flows)
    api.include_router(admin)
    api.include_router(more, prefix="/admin")  # under /admin too: which of the two answers depends on the order
    app = FastAPI()
    app.mount("/api", api)
    before = list(api.router.routes)
    assert not internals.routers_used_first(app)
    assert api.router.routes == before


def test_routers_are_left_in_their_order_when_a_later_one_holds_a_path_under_a_run_s_prefix():
    from fastapi import APIRouter, FastAPI
    from starlette.routing import Mount

    api, other, flows = FastAPI(), APIRouter(), APIRouter(prefix="/flows")
    other.add_api_route("/flows/special", lambda: "other")
    flows.add_api_route("/special", lambda: "flows")
    api.include_router(other)
    api.include_router(flows)
    app = FastAPI()
    app.mount("/api", api)
    before = list(api.router.routes)
    assert not internals.routers_used_first(app)
    assert api.router.routes == before
    assert next(r.app for r in app.routes if isinstance(r, Mount)) is api


def _parent_pid(_i: int) -> int:
    return os.getppid()


def test_a_process_runner_s_pool_size_is_read_and_other_runners_have_none():
    assert internals.pool_workers(ProcessPoolTaskRunner(max_workers=3)) == 3
    assert internals.pool_workers(ThreadPoolTaskRunner(max_workers=3)) == 0 and internals.pool_workers(None) == 0


def test_a_process_runner_s_pool_is_made_again_with_another_start_method():
    """Prefect fixes "spawn" in `__enter__`; the pool, made again with a "fork" context, starts its workers by
    fork (their parent is this process, whose module state they share) and runs the tasks."""
    assert 'multiprocessing.get_context("spawn")' in inspect.getsource(ProcessPoolTaskRunner.__enter__)
    with ProcessPoolTaskRunner(max_workers=1) as runner:
        spawned = runner._executor
        assert {"_max_workers", "_initializer", "_initargs"} <= set(vars(spawned))
        assert internals.pool_start_method(runner, multiprocessing.get_context("fork"))
        assert runner._executor is not spawned and runner._executor._mp_context.get_start_method() == "fork"
        assert runner._executor._initializer is spawned._initializer
        assert runner._executor._initargs == spawned._initargs  # (Prefect's event queue and our initializer)
        assert runner._executor.submit(_parent_pid, 0).result(timeout=60) == os.getpid()
        assert not internals.pool_start_method(runner, multiprocessing.get_context("fork"))  # it has a worker


@prefect.task(name="queued-first")
def _started_first(_i: int) -> float:
    return time.monotonic()


@prefect.task(name="queued-last")
def _started_last(i: int, hold: float = 0.0) -> float:
    started = time.monotonic()
    time.sleep(hold)
    return started


class _FirstRunner(ProcessPoolTaskRunner):
    def __enter__(self):
        super().__enter__()
        assert internals.queued_first(self, lambda task: task.name == "queued-first")
        assert not internals.queued_first(self, lambda task: True)  # once, before any task
        return self


@prefect.flow
def _queued(later: int) -> tuple[list[float], float]:
    busy = _started_last.submit(0, 1.5)  # the one worker is busy with it while the rest are queued
    rest = [_started_last.submit(i) for i in range(1, later + 1)]
    first = _started_first.submit(0)  # submitted last, taken before the rest still queued
    return [f.result() for f in [busy, *rest]], first.result()


def test_a_process_runner_s_tasks_marked_first_go_ahead_of_those_queued(prefect_server):
    """The runner submits each task from a thread of its own, naming the task; the pool takes its work ids from a
    queue replaced before the first task: a task marked first, submitted after six others while the one worker
    is busy, runs before those still queued (at most two are handed over to the worker ahead of it: the one
    it runs and one more), and every task runs."""
    assert list(inspect.signature(ProcessPoolTaskRunner._resolve_futures_and_submit).parameters)[:2] == ["self", "task"]
    assert "self._resolve_futures_and_submit,\n            task=task" in inspect.getsource(ProcessPoolTaskRunner.submit)
    assert "self._work_ids.put(" in inspect.getsource(ProcessPoolExecutor.submit)
    later, first = _queued.with_options(task_runner=_FirstRunner(max_workers=1))(6)
    assert later == sorted(later)  # the others in their order
    assert sum(started > first for started in later) >= 4  # ahead of at least the last four


_ASKED = False  # in a pool's worker: set by the task that asks for the worker's replacement


def _init() -> None:
    assert internals.replace_worker_when(lambda: _ASKED)


def _pid_and_ask(ask: bool) -> int:
    global _ASKED
    _ASKED = _ASKED or ask
    return os.getpid()


def test_a_pool_worker_that_asks_is_replaced_after_sending_its_result():
    assert "exit_pid" in inspect.signature(cf_process._ResultItem.__init__).parameters
    assert {"call_queue", "result_queue", "initializer"} <= set(inspect.signature(cf_process._process_worker).parameters)
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                             initializer=_init) as pool:
        # asked first: with "fork", a worker left idle by an earlier task counts as one the pool may reuse,
        # and CPython 3.11 then starts no other in its place (the project's pools use "spawn")
        asked = pool.submit(_pid_and_ask, True).result(timeout=60)  # its result still arrives
        after = pool.submit(_pid_and_ask, False).result(timeout=60)  # the pool is not broken
        again = pool.submit(_pid_and_ask, False).result(timeout=60)  # a worker that did not ask stays
    assert asked != after == again


def test_multiprocessing_s_finalizers_run_when_asked():
    import multiprocessing.util

    ran = []

    class Held:
        pass

    held = Held()
    multiprocessing.util.Finalize(held, ran.append, args=("released",), exitpriority=0)
    internals.run_multiprocessing_finalizers()
    assert ran == ["released"]
