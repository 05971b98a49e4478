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
import re
import signal
import socket
import subprocess
import sys
import time

import httpx
import pytest

from tests.conftest import ROOT, read_jsonl
from tests.site import Resource, Server, Site, _page, build_site

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


def _deployments(api: str) -> dict | None:
    """serve's two deployments by name, once both are registered; None before (or while the server starts)."""
    try:
        found = httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()
    except (httpx.HTTPError, json.JSONDecodeError):
        return None
    return {d["name"]: d for d in found} if len(found) == 2 else None


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
        # a start page linking to a good page and a missing PDF: a document fails among good ones
        site.resources["/list.html"] = Resource(_page("一覧", [("summits.html", "サミット"), ("missing.pdf", "資料")]),
                                                "text/html; charset=Shift_JIS")
        sources = tmp_path / "sources.toml"
        sources.write_text(f'delay = 0.05\n[[source]]\nname = "town"\n'
                           f'start_urls = ["{url}/list.html"]\n'
                           f'max_depth = 1\nschedule = "* * * * *"\n', encoding="utf-8")
        port, out = _free_port(), tmp_path / "out"
        env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home"), "CHUSHO_PREFECT_RETENTION_DAYS": "7"}
        env.pop("PREFECT_API_URL", None)
        log = tmp_path / "serve.log"
        with open(log, "w", encoding="utf-8") as fh:
            proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--sources", str(sources), "--out",
                                     str(out), "--port", str(port)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                    stdout=fh, stderr=subprocess.STDOUT, text=True, start_new_session=True)
        api = f"http://127.0.0.1:{port}/api"
        try:
            deps = _wait("the deployments", lambda: _deployments(api), 240, proc, log)
            assert set(deps) == {"crawl-town", "manual"}
            [sched] = [s["schedule"] for s in deps["crawl-town"]["schedules"]]
            assert (sched["cron"], sched["timezone"]) == ("* * * * *", "Asia/Tokyo")  # the default time zone
            assert deps["manual"]["schedules"] == []
            assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200  # the UI
            # ... which talks to the API on the port it is served on (Prefect's default would be 4200)
            ui = httpx.get(f"http://127.0.0.1:{port}/ui-settings", timeout=5).json()
            assert ui["api_url"] == api, ui
            # the server keeps flow runs the retention asked for, then its vacuum service deletes them
            vacuum = _api("GET", f"{api}/admin/settings")["server"]["services"]["db_vacuum"]
            assert "flow_runs" in vacuum["enabled"] and vacuum["retention_period"] in (7 * 86400, "P7D"), vacuum
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
                return found if any(m["message"].startswith("3 documents") for m in found) else None

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
    by_key = {a["key"]: a for a in artifacts}
    artifact = by_key["chusho-crawl-town"]
    assert artifact["type"] == "markdown"
    assert "## Failed documents: 1" in artifact["data"] and "missing.pdf" in artifact["data"]
    assert "| ok | 2 |" in artifact["data"] and "| summit |" in artifact["data"] and "| new | 2 |" in artifact["data"]
    # tables of the records found and of the URLs not read, and a link to the review page
    records = json.loads(by_key["chusho-crawl-town-records"]["data"])
    assert by_key["chusho-crawl-town-records"]["type"] == "table" and len(records) == 11
    assert {r["type"] for r in records} == {"summit"} and all(r["title"].endswith("中小企業都市サミット")
                                                             for r in records)
    assert {"parties or municipality", "date", "confidence"} <= set(records[0])
    not_read = {r["url"]: r for r in json.loads(by_key["chusho-crawl-town-not-read"]["data"])}
    assert not_read[f"{url}/missing.pdf"]["reason"].startswith("HTTP 404")
    assert "not fetched" in {r["status"] for r in not_read.values()}  # links not followed, with why
    review = by_key["chusho-crawl-town-review"]["data"]
    assert (out / "town" / "review.html").resolve().as_uri() in review
    messages = {m["message"]: m["level"] for m in logs}
    assert any("summits.html" in m and " new " in m for m in messages)  # per-document progress
    assert any("missing.pdf" in m and "404" in m and lvl == 30 for m, lvl in messages.items())  # a WARNING
    assert any(m.startswith("3 documents (1 failed, 2 ok); records: 11 summit") for m in messages)  # the summary
    # one line per document: no task run's "Finished in state Completed()" (one is the flow run's own)
    assert sum("Finished in state" in m["message"] for m in logs) <= 1, [m["message"] for m in logs]
    # the serve terminal: where the server's log is, and a line when each run starts and ends
    printed = log.read_text(encoding="utf-8")
    server_log = (out / "prefect-server.log").resolve()
    assert str(server_log) in printed and "cron * * * * * (Asia/Tokyo)" in printed
    assert f"run '{run.name}' (source town, scheduled) started" in printed
    assert f"run '{run.name}' (source town, scheduled) ended Completed: 3 documents (1 failed, 2 ok)" in printed
    # with the time zone of the times printed: the schedules are in another one (Asia/Tokyo)
    assert re.search(rf"^\d{{4}}-\d\d-\d\d \d\d:\d\d:\d\d \S+ chusho-crawl run '{run.name}'", printed, re.M), printed
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


class _SlowSite:
    """A site whose pages take a minute to answer: a crawl of it is still running when serve is stopped."""

    def __init__(self):
        import http.server
        import threading

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                if self.path == "/robots.txt":
                    self.send_response(404)
                    self.end_headers()
                    return
                time.sleep(60)
                self.send_response(200)
                self.end_headers()

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_port}"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _processes_of_run(run_id: str) -> list:
    """Processes still running for a flow run (Prefect gives each its id in PREFECT__FLOW_RUN_ID)."""
    import psutil

    found = []
    for proc in psutil.process_iter():
        try:
            if proc.environ().get("PREFECT__FLOW_RUN_ID") == run_id and proc.status() != psutil.STATUS_ZOMBIE:
                found.append(proc)
        except (psutil.Error, OSError):
            continue
    return found


@pytest.mark.slow
@pytest.mark.parametrize("how", ["sigterm in the background", "sigint to serve alone", "ctrl-c"])
def test_serve_stops_with_its_server_and_cancels_the_runs_in_progress(tmp_path, how):
    """`serve &` ignores SIGINT and must stop on SIGTERM; a SIGINT to serve's process alone stops it
    and its server; Ctrl-C (the whole group) prints no traceback. Each time the run in progress ends
    Cancelled, nothing of it is left running, and the server stops."""
    import sqlite3

    site = _SlowSite()
    sources = tmp_path / "sources.toml"
    sources.write_text(f'delay = 0\n[[source]]\nname = "slow"\nstart_urls = ["{site.url}/a.html"]\nmax_depth = 0\n',
                       encoding="utf-8")
    port, out, home = _free_port(), tmp_path / "out", tmp_path / "prefect-home"
    env = {**os.environ, "PREFECT_HOME": str(home)}
    env.pop("PREFECT_API_URL", None)
    log = tmp_path / "serve.log"
    background = how.startswith("sigterm")
    with open(log, "w", encoding="utf-8") as fh:
        proc = subprocess.Popen([sys.executable, "-m", "cli.main", "serve", "--sources", str(sources), "--out",
                                 str(out), "--port", str(port)], cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                                stdout=fh, stderr=subprocess.STDOUT, start_new_session=True,
                                preexec_fn=(lambda: signal.signal(signal.SIGINT, signal.SIG_IGN)) if background
                                else None)
    api = f"http://127.0.0.1:{port}/api"
    try:
        deps = _wait("the deployments", lambda: _deployments(api), 240, proc, log)
        ui = httpx.get(f"http://127.0.0.1:{port}/ui-settings", timeout=5).json()
        assert ui["api_url"] == api, ui  # the UI talks to this server, whatever runs on 4200
        run = _api("POST", f"{api}/deployments/{deps['crawl-slow']['id']}/create_flow_run", json={})
        _wait("the run to start", lambda: "started" in log.read_text(encoding="utf-8"), 120, proc, log)
        time.sleep(3)  # in its fetch of the slow page
        start = time.monotonic()
        if background:
            os.kill(proc.pid, signal.SIGTERM)
        elif how == "sigint to serve alone":
            os.kill(proc.pid, signal.SIGINT)
        else:
            os.killpg(proc.pid, signal.SIGINT)
        proc.wait(timeout=90)
        seconds = time.monotonic() - start
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        site.close()
    print(f"{how}: serve stopped in {seconds:.1f} s")
    printed = log.read_text(encoding="utf-8")
    assert proc.returncode == 0 and seconds < 60, (proc.returncode, seconds, printed[-3000:])
    with pytest.raises(httpx.HTTPError):  # its server stopped with it
        httpx.get(f"{api}/health", timeout=5)
    assert "Traceback" not in printed and "KeyboardInterrupt" not in printed and "Error" not in printed, printed
    assert re.search(r"^\d\d:\d\d:\d\d \S+ stopping: cancelling the runs in progress", printed, re.M), printed
    assert "(source slow, triggered) ended Cancelled" in printed, printed
    with sqlite3.connect(home / "prefect.db") as db:  # the server is gone: its database says how the run ended
        [(state,)] = db.execute("SELECT state_type FROM flow_run WHERE id = ?", (run["id"],)).fetchall()
    assert state == "CANCELLED"
    time.sleep(1)
    assert not _processes_of_run(run["id"])  # the run's process is gone too
