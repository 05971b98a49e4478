"""The test session's Prefect servers: a flow run in this process on another server than the session's
(`conftest.on_server`, as the cluster's test does) leaves the session's later flows recorded on the session's
server, and nothing queued for a server that has stopped (pytest would wait on it at the interpreter's exit)."""
from __future__ import annotations

from prefect import flow, task


@task
def _square(n: int) -> int:
    return n * n


@flow
def _small_flow(n: int = 2) -> list[int]:
    return [_square(i) for i in range(n)]


def test_after_a_flow_on_another_server_the_session_s_flows_are_recorded_on_the_session_s(prefect_server):
    from prefect.events.worker import EventsWorker

    from flows.runtime.server import LocalApi
    from tests.conftest import on_server
    from tests.test_split_flow import _task_runs

    EventsWorker.drain_all(timeout=60, at_exit=False)  # as a test that read its task runs leaves it: no worker
    other = LocalApi.start()
    try:
        other.wait(timeout=180)
        with on_server(other.url):
            assert _small_flow() == [0, 1]
    finally:
        other.stop()
    state = _small_flow(return_state=True)
    runs = _task_runs(state, timeout=30)
    assert sorted(r.state.name for r in runs) == ["Completed", "Completed"], runs
