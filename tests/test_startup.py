"""A run's fixed cost: which runner `auto` picks, and which Prefect server a run uses.

Real servers (flows.runtime.server.LocalApi starts Prefect's server app with uvicorn) and
the real command in a subprocess.
"""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from flows.runtime.runners import SMALL_RUN_FILES, choose_runner
from flows.runtime.server import LocalApi, port_in_use, running_local_api
from tests.conftest import ROOT, SAMPLES

CLI = [sys.executable, "-m", "cli.main"]


def test_auto_runs_a_handful_of_small_inputs_on_threads_and_the_rest_on_processes(tmp_path):
    small = [str(SAMPLES / "000_okaya.html"), str(SAMPLES / "001_kawaguchi.pdf")]
    assert choose_runner(small) == "thread"
    assert choose_runner(small + ["https://example.org/a.html"]) == "thread"
    many = sorted(str(p) for p in SAMPLES.glob("*.html"))[: SMALL_RUN_FILES + 1]
    assert choose_runner(many) == "process"
    big = tmp_path / "big.pdf"
    big.write_bytes(b"%PDF-1.7\n" + b"0" * 4_000_000)
    assert choose_runner([str(big)]) == "process"


@pytest.fixture
def own_server():
    api = LocalApi.start()
    try:
        api.wait(timeout=180)
        yield api
    finally:
        api.stop()


def _flow_runs(api_url: str) -> list[dict]:
    """The server's newest flow runs (its database may hold many older ones: the API answers a page)."""
    body = json.dumps({"sort": "EXPECTED_START_TIME_DESC", "limit": 50}).encode()
    req = urllib.request.Request(f"{api_url}/flow_runs/filter", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as response:
        return json.loads(response.read())


def _cli(tmp_path, *args, **env):
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    return subprocess.run([*CLI, *args], cwd=ROOT, env={**base, "CHUSHO_TIMELINE": "1", **env},
                          capture_output=True, text=True, timeout=600)


def _a_temporary_server_answers_and_is_gone_after_stop() -> None:
    api = LocalApi.start()
    try:
        api.wait(timeout=180)
        assert running_local_api(api.url) == api.url
    finally:
        api.stop()
    assert running_local_api(api.url) is None


def test_a_temporary_server_answers_and_is_gone_after_stop():
    _a_temporary_server_answers_and_is_gone_after_stop()


def test_a_temporary_server_starts_from_a_folder_holding_a_flows_package_of_its_own(tmp_path, monkeypatch):
    """The server's app is the project's (flows.runtime.internals:ephemeral_app), imported from the project's
    folder, not from the working folder: a user's own `flows` package there does not stand in for it."""
    (tmp_path / "flows").mkdir()
    (tmp_path / "flows" / "__init__.py").write_text("raise ImportError('not the project')\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _a_temporary_server_answers_and_is_gone_after_stop()


_EVENTS_AT_THE_END = """
import sys, time
import flows  # (Prefect's environment)
from flows.runtime.server import LocalApi
api = LocalApi.find()
assert api.how == "temporary", api.how
with api.active(heartbeats=False):
    from prefect.events import emit_event
    for i in range(30):
        emit_event(event="chusho.test", resource={"prefect.resource.id": f"chusho.test.{i}"})
    left = time.monotonic()
print(f"{time.monotonic() - left:.2f}", flush=True)
"""


def test_the_events_a_run_emits_last_reach_its_temporary_server_before_it_stops(tmp_path):
    """Prefect sends events from a thread: those still queued when the run's temporary server stopped were
    sent at the interpreter's exit to no server, each tried eleven times (seconds each, a warning and the
    events lost). They are sent before the server stops."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    started = time.monotonic()
    res = subprocess.run([sys.executable, "-c", _EVENTS_AT_THE_END], cwd=ROOT, capture_output=True, text=True,
                         timeout=300, env={**env, "CHUSHO_LOCAL_API": "http://127.0.0.1:9/api",
                                           "PREFECT_HOME": str(tmp_path)})
    took = time.monotonic() - started
    assert res.returncode == 0, res.stderr
    sending = float(res.stdout.split()[-1])  # from the last event to the server's stop
    assert "Unable to connect" not in res.stderr and "pending items" not in res.stderr, res.stderr
    assert took - sending < 60  # (the server's start on a new database, and the events' sending)
    print(f"events sent in {sending:.2f} s before the server stopped; the script took {took:.1f} s")


def test_a_temporary_server_stopped_without_waiting_takes_no_connection_and_exits_by_itself():
    """The end of a run: stop(wait=False) returns once the port is closed; the process then ends its services
    and exits on its own (uvicorn raises the SIGTERM it handled again once it has shut down: status -15)."""
    api = LocalApi.start()
    api.wait(timeout=180)
    process, port = api.process, int(api.url.rsplit(":", 1)[1].split("/")[0])
    api.stop(wait=False)
    assert api.process is None and not port_in_use(port) and running_local_api(api.url) is None
    assert process.wait(timeout=60) == -signal.SIGTERM


_FORKED = """
import json, os, sys
import flows  # (Prefect's environment)
from flows.runtime.server import ForkedServer, LocalApi, port_in_use, running_local_api
held = open(sys.argv[1], "w")  # a file of the command's (the output folder's lock, say)
api = LocalApi.find(start=False)
assert api.how == "temporary" and api.process is None, (api.how, api.process)
api.launch()
process = api.process
api.wait(timeout=180)
pid, port = process.pid, int(api.url.rsplit(":", 1)[1].split("/")[0])
files = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
said = {"forked": isinstance(process, ForkedServer), "comm": open(f"/proc/{pid}/comm").read().strip(),
        "own_session": os.getsid(pid) == pid, "holds_ours": sys.argv[1] in files}
api.stop(wait=False)
said.update(closed=not port_in_use(port) and running_local_api(api.url) is None, status=process.wait(timeout=60))
print(json.dumps(said), flush=True)
"""


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_a_temporary_server_forked_from_the_command_keeps_none_of_its_files_and_uses_its_prefect_home(
        tmp_path, start):
    """A run's server is a copy of the command once it has imported `prefect` (CHUSHO_SERVER_START=spawn:
    a new interpreter): named prefect-server, in a session of its own, holding none of the command's files,
    its database in the command's PREFECT_HOME (Prefect's settings read again in the copy), and stopped
    as a new interpreter is (the port closed at once, the process gone by itself, status -15)."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    res = subprocess.run([sys.executable, "-c", _FORKED, str(tmp_path / "held")], cwd=ROOT, capture_output=True,
                         text=True, timeout=300,
                         env={**env, "CHUSHO_LOCAL_API": "http://127.0.0.1:9/api", "PREFECT_HOME": str(tmp_path / "home"),
                              "CHUSHO_SERVER_START": start})
    assert res.returncode == 0, res.stderr
    said = json.loads(res.stdout.splitlines()[-1])
    forked = start == "fork"
    assert said == {"forked": forked, "comm": "prefect-server" if forked else said["comm"], "own_session": True,
                    "holds_ours": False, "closed": True, "status": -signal.SIGTERM}, said
    assert (tmp_path / "home" / "prefect.db").is_file()


def test_pruning_tries_a_call_again_that_the_server_answered_503(tmp_path):
    """Prefect's server answers 503 for errors a client may retry (SQLite busy: the run's last events being
    written while the pruning deletes): the call is tried again, and the old run deleted."""
    import http.server
    import threading

    from flows.runtime.server import PRUNED_STAMP, prune_old_runs

    calls: list[str] = []
    busy = [2]  # the first two deletions answered 503

    class Api(http.server.BaseHTTPRequestHandler):
        def _answer(self, status: int, body=None) -> None:
            data = b"" if body is None else json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def do_POST(self):  # noqa: N802
            self.rfile.read(int(self.headers["Content-Length"]))
            calls.append(f"POST {self.path}")
            gone = "DELETE /api/flow_runs/old" in calls
            self._answer(200, [] if self.path.startswith("/api/artifacts") or gone else [{"id": "old"}])

        def do_DELETE(self):  # noqa: N802
            if busy[0]:
                busy[0] -= 1
                calls.append(f"503 {self.path}")
                return self._answer(503, {"exception_message": "Service Unavailable"})
            calls.append(f"DELETE {self.path}")
            self._answer(204)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Api)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        deleted = prune_old_runs(f"http://127.0.0.1:{httpd.server_port}/api", days=1, home=str(tmp_path), budget=30)
    finally:
        httpd.shutdown()
    assert deleted == 1 and calls.count("503 /api/flow_runs/old") == 2 and "DELETE /api/flow_runs/old" in calls
    assert (tmp_path / PRUNED_STAMP).is_file()


def _block_types(api_url: str) -> int:
    request = urllib.request.Request(f"{api_url}/block_types/filter", data=b"{}", method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return len(json.loads(response.read()))


def test_a_temporary_server_s_database_is_made_ready_once_and_a_new_one_again(monkeypatch, tmp_path):
    """The first server on a new database migrates it and registers the block types (Prefect's whole
    start-up); the next skips both and serves the same block types; a database replaced by a new one
    is not taken for ready."""
    from flows.runtime.server import database_ready, prefect_database

    monkeypatch.setenv("PREFECT_HOME", str(tmp_path))
    monkeypatch.delenv("PREFECT_SERVER_DATABASE_CONNECTION_URL", raising=False)
    monkeypatch.delenv("PREFECT_API_DATABASE_CONNECTION_URL", raising=False)
    db = prefect_database()
    assert db == tmp_path / "prefect.db" and not database_ready(db)
    served = []
    for _ in range(2):
        api = LocalApi.start()
        try:
            served.append(api.database_ready)
            api.wait(timeout=180)
            served.append(_block_types(api.url))
        finally:
            api.stop()
        assert database_ready(db)
    assert served[0] is False and served[2] is True
    assert served[1] == served[3] > 0
    for suffix in ("", "-wal", "-shm"):
        (tmp_path / f"prefect.db{suffix}").unlink(missing_ok=True)
    assert not database_ready(db)  # (its stamp is still there: the database it named is gone)
    api = LocalApi.start()
    try:
        assert api.database_ready is False
        api.wait(timeout=180)
        assert _block_types(api.url) == served[1]
    finally:
        api.stop()


@pytest.mark.slow
def test_a_run_uses_a_running_local_server_and_leaves_it_running(own_server, tmp_path):
    before = {r["id"] for r in _flow_runs(own_server.url)}  # the server's database may hold older runs
    res = _cli(tmp_path, "run", str(SAMPLES / "000_okaya.html"), "--out", str(tmp_path / "out"), "--no-cache",
               CHUSHO_LOCAL_API=own_server.url)
    assert res.returncode == 0, res.stderr
    assert f"Prefect server: running {own_server.url}" in res.stderr
    assert "flow starts on the thread runner" in res.stderr  # auto: one small input, no worker processes
    assert "model, rules and name lists loaded (in the model worker)" in res.stderr
    # (this run's only: the server's database is the machine's default Prefect home, which other runs may share)
    new = [r for r in _flow_runs(own_server.url)
           if r["id"] not in before and r["parameters"].get("out") == str(tmp_path / "out")]
    assert [r["state_type"] for r in new] == ["COMPLETED"]  # the run is in that server's UI
    assert running_local_api(own_server.url) == own_server.url  # and the server was not stopped
    assert (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").count('"type": "summit"') == 11


@pytest.mark.slow
def test_without_a_server_a_run_starts_its_own_and_stops_it(tmp_path):
    res = _cli(tmp_path, "run", str(SAMPLES / "000_okaya.html"), "--out", str(tmp_path / "out"), "--no-cache",
               CHUSHO_LOCAL_API="http://127.0.0.1:9/api")  # nothing answers on the discard port
    assert res.returncode == 0, res.stderr
    line = next(x for x in res.stderr.splitlines() if "Prefect server: temporary" in x)
    url = line.rsplit(" ", 1)[1]
    assert running_local_api(url) is None  # stopped at the end
    assert (tmp_path / "out" / "records.jsonl").exists()


def test_a_run_s_temporary_server_has_recorded_every_task_run_and_its_states_once_it_has_exited(tmp_path):
    """Its task-run recorder writes in batches (`internals.RECORD_IN_BATCHES`), the last as the server stops,
    which the command does not wait for: once the server has exited, its database holds every task run of the
    run (each page in a `document` task or a `documents` task of a few, the records and the output folder), each
    Completed, with its three states."""
    import re
    import sqlite3

    pages = sorted(SAMPLES.glob("*.html"))[:SMALL_RUN_FILES + 2]  # (more than a handful: the process runner)
    res = _cli(tmp_path, "run", *map(str, pages), "--out", str(tmp_path / "out"), "--no-cache",
               CHUSHO_LOCAL_API="http://127.0.0.1:9/api", PREFECT_HOME=str(tmp_path / "home"))
    assert res.returncode == 0, res.stderr
    pid = int(re.search(r"Prefect server started \((?:forked|spawned), pid (\d+)\)", res.stderr).group(1))
    deadline = time.monotonic() + 60
    while _alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(pid)
    with sqlite3.connect(tmp_path / "home" / "prefect.db") as db:
        (flow_run,), = db.execute("SELECT id FROM flow_run").fetchall()
        runs = db.execute("SELECT name, state_type, (SELECT count(*) FROM task_run_state s WHERE s.task_run_id = t.id)"
                          " FROM task_run t WHERE flow_run_id = ?", (flow_run,)).fetchall()
    names = sorted(re.sub(r"-\w{3}$", "", name.split(" ")[0]) for name, _, _ in runs)  # (records-a1b: Prefect's suffix)
    assert names[-2:] == ["records", "write-outputs"] and set(names[:-2]) <= {"document", "documents"}
    # each page in one task run: a `document` task's, or a `documents` task's (a few to a task on the process
    # pool: `scheduling.Batches`, its run named 「documents FIRST and N more」)
    covered = sum(1 + int(m.group(1)) if (m := re.search(r" and (\d+) more$", name)) else 1
                  for name, _, _ in runs if name.startswith("document"))
    assert covered == len(pages), runs
    assert {(state, states) for _, state, states in runs} == {("COMPLETED", 3)}


def _descendants(pid: int) -> set[int]:
    children: dict[int, list[int]] = {}
    for name in os.listdir("/proc"):
        if name.isdigit():
            try:
                with open(f"/proc/{name}/stat", "rb") as fh:
                    data = fh.read()
            except OSError:
                continue
            children.setdefault(int(data[data.rfind(b")") + 2:].split()[1]), []).append(int(name))
    out, stack = set(), [pid]
    while stack:
        for child in children.get(stack.pop(), ()):
            out.add(child)
            stack.append(child)
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            return fh.read().rsplit(b")", 1)[1].split()[0] != b"Z"
    except OSError:
        return False


@pytest.mark.slow
def test_a_run_killed_outright_leaves_no_server_or_worker_behind(tmp_path):
    """kill -9 of the command alone (the OOM killer, an impatient user): its children must not live on."""
    base = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    proc = subprocess.Popen([*CLI, "run", str(SAMPLES), "--out", str(tmp_path / "out"), "--runner", "process",
                             "--no-cache"], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                            env={**base, "CHUSHO_LOCAL_API": "http://127.0.0.1:9/api"})
    try:
        for line in proc.stderr:
            if line.startswith("[ 4/"):  # a few documents done: the server and both workers are up
                break
        children = _descendants(proc.pid)
        assert len(children) >= 3, children  # the temporary server and the two worker processes
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 30
        while any(_alive(p) for p in children) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [p for p in children if _alive(p)]
    finally:
        if proc.poll() is None:
            proc.kill()


def test_a_temporary_server_that_fails_to_start_says_why(monkeypatch, tmp_path):
    """Its output goes to a file of its own (not the run's output); a start that fails shows its end."""
    monkeypatch.setenv("PREFECT_SERVER_DATABASE_CONNECTION_URL",
                       f"sqlite+aiosqlite:///{tmp_path}/no/such/folder/prefect.db")
    api = LocalApi.start()
    try:
        with pytest.raises(RuntimeError, match=r"(?s)exited with status .*it printed:.*unable to open database file"):
            api.wait(timeout=120)
    finally:
        api.stop()
