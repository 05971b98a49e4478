"""`chusho-extract serve` for real: a local Prefect server, a crawl that runs on its cron schedule, a triggered run.

The scheduled-run test cannot pass unless the server's scheduler works: it
waits for a flow run that the scheduler created (not a manual trigger) to
complete and write `records.jsonl`, and fails if the server's log shows a
traceback. It reads the runs through Prefect's own client, whose filters send
JSON nulls (a FastAPI that rejects them breaks `prefect flow-run ls` and the
workers, and this test).
"""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import ROOT, read_jsonl
from tests.site import Server, Site, build_site

SCHEDULED_RUN_TIMEOUT = 150.0  # seconds from the deployments' registration: the next minute, plus the run


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(what, check, timeout: float, proc: subprocess.Popen, log):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"serve exited with {proc.returncode} while waiting for {what}: {log.read_text()[-3000:]}")
        value = check()
        if value:
            return value
        time.sleep(2)
    pytest.fail(f"timed out after {timeout:g} s waiting for {what}; serve printed: {log.read_text()[-3000:]}")


def _api(method: str, url: str, **kwargs):
    """A call to the Prefect API, answered; retried while the server says 503 Service Unavailable,
    as Prefect's own client retries it (its SQLite database is busy while a flow run writes)."""
    for attempt in range(10):
        response = httpx.request(method, url, timeout=10, **kwargs)
        if response.status_code != 503:
            return response.json()
        time.sleep(0.5 * (attempt + 1))
    return response.json()


def _runs(api: str, deployment_id: str) -> list:
    """The deployment's flow runs, read with Prefect's client (as `prefect flow-run ls` does)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import DeploymentFilter, DeploymentFilterId
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(updates={PREFECT_API_URL: api}), get_client(sync_client=True) as client:
        return client.read_flow_runs(deployment_filter=DeploymentFilter(id=DeploymentFilterId(any_=[deployment_id])))


@pytest.mark.slow
def test_serve_runs_the_crawl_on_its_schedule_and_tells_the_operator(tmp_path):
    site = Site()
    with Server(site) as url:
        site.resources = build_site("http://127.0.0.1:9", big_bytes=10)
        sources = tmp_path / "sources.toml"
        sources.write_text(f'delay = 0.05\n[[source]]\nname = "town"\n'
                           f'start_urls = ["{url}/summits.html", "{url}/missing.pdf"]\n'
                           f'max_depth = 0\nschedule = "* * * * *"\n', encoding="utf-8")
        port, out = _free_port(), tmp_path / "out"
        env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
        env.pop("PREFECT_API_URL", None)
        log = tmp_path / "serve.log"
        with open(log, "w", encoding="utf-8") as fh:
            proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--sources", str(sources), "--out",
                                     str(out), "--port", str(port)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                    stdout=fh, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        api = f"http://127.0.0.1:{port}/api"
        try:
            def deployments():
                try:
                    found = httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()
                except (httpx.HTTPError, json.JSONDecodeError):
                    return None
                return {d["name"]: d for d in found} if len(found) == 2 else None

            deps = _wait("the deployments", deployments, 240, proc, log)
            assert set(deps) == {"crawl-town", "manual"}
            [sched] = [s["schedule"] for s in deps["crawl-town"]["schedules"]]
            assert (sched["cron"], sched["timezone"]) == ("* * * * *", "Asia/Tokyo")  # the default time zone
            assert deps["manual"]["schedules"] == []
            assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200  # the UI
            manual = _api("POST", f"{api}/deployments/{deps['manual']['id']}/create_flow_run",
                          json={"parameters": {"inputs": [f"{url}/ordinance.html"]}})
            assert "id" in manual, manual

            def scheduled_run_done():
                done = [r for r in _runs(api, deps["crawl-town"]["id"]) if r.auto_scheduled and r.state
                        and r.state.is_final()]
                return done[0] if done else None

            run = _wait("a scheduled run to finish", scheduled_run_done, SCHEDULED_RUN_TIMEOUT, proc, log)
            assert run.state.type.value == "COMPLETED", run.state
            artifacts = _api("POST", f"{api}/artifacts/filter", json={"artifacts": {"flow_run_id": {"any_": [
                str(run.id)]}}})

            def all_logs():  # log lines reach the API in batches, the last ones as the run's process exits
                found = _api("POST", f"{api}/logs/filter", json={"logs": {"flow_run_id": {"any_": [str(run.id)]}}})
                return found if any(m["message"].startswith("2 documents") for m in found) else None

            logs = _wait("the run's summary in its log", all_logs, 60, proc, log)

            def manual_done():
                state = _api("GET", f"{api}/flow_runs/{manual['id']}")["state"]
                return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

            assert _wait("the triggered run", manual_done, 120, proc, log)["type"] == "COMPLETED"
        finally:  # as Ctrl-C in its terminal would: the signal reaches serve and the flow runs it started
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
    with pytest.raises(httpx.HTTPError):  # the server stopped with serve
        httpx.get(f"{api}/health", timeout=5)
    town = out / "town"
    # the scheduled crawl did its work
    editions = {r["edition"] for r in read_jsonl(town / "records.jsonl") if r["type"] == "summit"}
    assert set(range(1, 12)) <= editions and (town / "crawl-state.sqlite").is_file()
    assert any(r["type"] == "ordinance" for r in read_jsonl(out / "manual" / "records.jsonl"))
    # the failed fetch is visible: in the final state's message, the artifact and the log (as a warning)
    assert "missing.pdf (HTTP 404" in run.state.message and "1 failed" in run.state.message
    [artifact] = [a for a in artifacts if a["type"] == "markdown"]
    assert artifact["key"] == "chusho-crawl-town"
    assert "## Failed documents: 1" in artifact["data"] and "missing.pdf" in artifact["data"]
    assert "| ok | 1 |" in artifact["data"] and "| summit |" in artifact["data"] and "| new | 1 |" in artifact["data"]
    messages = {m["message"]: m["level"] for m in logs}
    assert any("summits.html" in m and " new " in m for m in messages)  # per-document progress
    assert any("missing.pdf" in m and "404" in m and lvl == 30 for m, lvl in messages.items())  # a WARNING
    assert any(m.startswith("2 documents (1 failed, 1 ok); records: 11 summit") for m in messages)  # the summary
    # the serve terminal: where the server's log is, and a line when each run starts and ends
    printed = log.read_text(encoding="utf-8")
    server_log = (out / "prefect-server.log").resolve()
    assert str(server_log) in printed and "cron * * * * * (Asia/Tokyo)" in printed
    assert f"run '{run.name}' (source town, scheduled) started" in printed
    assert f"run '{run.name}' (source town, scheduled) ended Completed: 2 documents (1 failed, 1 ok)" in printed
    assert "(1 inputs, triggered) ended Completed" in printed
    assert "Traceback" not in printed
    # and the server's own log: written to the file, with no error in it
    text = server_log.read_text(encoding="utf-8")
    assert "prefect server start" in text and "Traceback" not in text and "| ERROR" not in text, text[-3000:]
    assert "Prefect server error" not in printed


def test_server_errors_are_told_in_one_line_each():
    """The log lines of the failure that hid every scheduled run (SQLAlchemy 2.1 under Prefect 3.8.8)."""
    from flows.serve import server_errors

    log = """\
13:41:19.846 | INFO    | prefect.server.services.scheduler - Scheduled 0 runs.
INFO:     127.0.0.1:35046 - "POST /api/deployments/get_scheduled_flow_runs HTTP/1.1" 200 OK
13:41:44.579 | ERROR   | docket.dependencies - ↩ [    86ms] schedule_deployments(){schedule_deployments}
Traceback (most recent call last):
  File "/venv/site-packages/docket/worker.py", line 1134, in _execute
    result = await execution.function(
  File "/venv/site-packages/sqlalchemy/ext/hybrid.py", line 1851, in prop
    raise exc.InvalidRequestError(
sqlalchemy.exc.InvalidRequestError: Can't evaluate bulk DML statement; please supply a bulk_dml decorated function
13:41:45.071 | INFO    | prefect.server.services.scheduler - Scheduled 0 runs.
13:51:19.943 | ERROR   | prefect.server - Encountered error during state validation
Traceback (most recent call last):
  File "/venv/site-packages/aiosqlite/core.py", line 63, in _connection_worker_thread
sqlite3.OperationalError: database is locked

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/venv/site-packages/prefect/server/orchestration/rules.py", line 274, in validate_proposed_state
sqlalchemy.exc.OperationalError: (sqlite3.OperationalError) database is locked
[SQL: INSERT INTO flow_run_state (flow_run_id, type) VALUES (:flow_run_id, :type)]
13:52:00.000 | WARNING | prefect.server - slow
13:52:01.000 | CRITICAL | prefect.server - the end
""".splitlines()
    assert server_errors(log) == [
        "docket.dependencies - ↩ [    86ms] schedule_deployments(){schedule_deployments}: sqlalchemy.exc."
        "InvalidRequestError: Can't evaluate bulk DML statement; please supply a bulk_dml decorated function",
        "prefect.server - Encountered error during state validation: sqlalchemy.exc.OperationalError: "
        "(sqlite3.OperationalError) database is locked",
        "prefect.server - the end",
    ]


def test_server_log_watcher_prints_each_error_once_it_is_complete(tmp_path, capsys):
    """The thread that follows the server's log file, on a real file written in pieces as a server would."""
    from flows.serve import ServerLogWatcher

    log = tmp_path / "prefect-server.log"
    log.write_text("old run\n13:00:00.000 | ERROR   | prefect.server - before serve started\n", encoding="utf-8")
    watcher = ServerLogWatcher(log)  # starts at the end: an earlier run's errors are not told again
    with open(log, "a", encoding="utf-8") as fh:
        fh.write("13:41:44.579 | ERROR   | docket.dependencies - schedule_deployments()\n")
        fh.flush()
        watcher.poll()  # an ERROR record waits a poll for its traceback
        fh.write("Traceback (most recent call last):\n  File \"x.py\", line 1, in f\n")
        fh.flush()
        watcher.poll()
        assert capsys.readouterr().err == ""  # the traceback is not finished yet
        fh.write("sqlalchemy.exc.InvalidRequestError: Can't evaluate bulk DML statement\n"
                 "13:41:45.071 | INFO    | prefect.server.services.scheduler - Scheduled 0 runs.\n")
    watcher.poll()
    watcher.poll()
    err = capsys.readouterr().err.splitlines()
    assert len(err) == 1 and f"Prefect server error (details in {log})" in err[0]
    assert err[0].endswith("schedule_deployments(): sqlalchemy.exc.InvalidRequestError: Can't evaluate bulk DML "
                           "statement")
