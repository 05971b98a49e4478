"""The process runner's worker initializer (flows/runtime/runners.py `process_worker_init`).

Prefect validates the flow's settings context anew for every task it runs on a worker process;
the initializer makes a worker validate each distinct one once. Run in a fresh interpreter: the
initializer patches Prefect's `hydrated_context` for the whole process, as it does in a worker.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_WORKER = """
import prefect.context as pc
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

validations = []  # settings contexts validated while a task's context is hydrated
hydrating = False


class Counting(pc.SettingsContext):
    def __init__(self, **fields):
        validations.extend([1] if hydrating else [])
        super().__init__(**fields)


pc.SettingsContext = Counting
if {init}:
    from flows.runtime.runners import process_worker_init

    process_worker_init()
    process_worker_init()  # twice: still one patch
seen = []
for url in ["http://127.0.0.1:9/api"] * 3 + ["http://127.0.0.1:8/api"]:
    with temporary_settings({{PREFECT_API_URL: url}}):
        sent = pc.serialize_context()
    hydrating = True
    with pc.hydrated_context(sent):
        hydrating = False
        seen.append(get_current_settings().api.url)
    assert get_current_settings().api.url != url  # left again after the task
print(len(validations), *seen)
"""


def _run(init: bool) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _WORKER.format(init=init)], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT),
                                                      "HOME": str(ROOT / ".pytest-home")})
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout.split()


def test_a_worker_validates_each_settings_context_once():
    urls = ["http://127.0.0.1:9/api"] * 3 + ["http://127.0.0.1:8/api"]
    assert _run(init=False) == ["4", *urls]  # Prefect's own: one validation per task
    assert _run(init=True) == ["2", *urls]  # ours: one per distinct context, and each task sees its own


_KEPT: list = []  # in a worker: every client a task ran with, kept alive so that no two share an id()


def _client_of_this_task(i: int) -> tuple[int, int, bool]:
    """In a pool worker: (pid, id of the client the task engine runs with, whether prefect-dask was imported)."""
    import os
    import sys

    from prefect.context import SyncClientContext

    client = SyncClientContext.get().client
    _KEPT.append(client)
    return os.getpid(), id(client), "prefect_dask" in sys.modules


def test_a_worker_keeps_one_client_and_skips_dask(prefect_server):
    """Each pool worker runs every task with one Prefect client (Prefect would make one, with a TLS context
    and a version request, per task), and never imports prefect-dask for the block lookup of its first task."""
    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE

    from flows.runtime.runners import make_runner

    probe = task(cache_policy=NO_CACHE, persist_result=False)(_client_of_this_task)

    @flow(persist_result=False)
    def clients(n: int) -> list:
        return [f.result() for f in [probe.submit(i) for i in range(n)]]

    seen = clients.with_options(task_runner=make_runner("process", workers=2))(12)
    per_worker: dict[int, set[int]] = {}
    for pid, client, _dask in seen:
        per_worker.setdefault(pid, set()).add(client)
    assert sum(len(ids) for ids in per_worker.values()) == len(per_worker)  # one client per worker
    assert max(len([s for s in seen if s[0] == pid]) for pid in per_worker) > 1  # (a worker ran several tasks)
    assert not any(dask for _pid, _client, dask in seen)


def _loaded_before_its_first_task(_i: int) -> tuple[int, int, bool, int]:
    """In a pool worker: (pid, parent pid, whether the model was in memory at its first task, model loads)."""
    import os
    import sys

    global _FIRST
    if "_FIRST" not in globals():
        nlp = sys.modules.get("extractors.language.nlp")
        _FIRST = nlp is not None and nlp.model_loads() == 1
    from extractors.language.nlp import model_loads

    return os.getpid(), os.getppid(), _FIRST, model_loads()


def test_pool_workers_are_forked_from_one_process_that_loaded_the_model(prefect_server):
    """The process runner's workers come from its fork server (flows/preload.py): not children of this
    process, the model in memory before their first task, and loaded once in all (by the fork server)."""
    import os

    from prefect import flow, task
    from prefect.cache_policies import NO_CACHE

    from flows.runtime.runners import make_runner

    probe = task(cache_policy=NO_CACHE, persist_result=False)(_loaded_before_its_first_task)

    @flow(persist_result=False)
    def loaded(n: int) -> list:
        return [f.result() for f in [probe.submit(i) for i in range(n)]]

    seen = loaded.with_options(task_runner=make_runner("process", workers=2))(6)
    parents = {parent for _pid, parent, _first, _loads in seen}
    assert len(parents) == 1 and os.getpid() not in parents, seen  # one fork server, not this process
    assert all(first and loads == 1 for _pid, _parent, first, loads in seen), seen
