"""Ctrl-C during `run`, for real: SIGINT to the command's process group, as a terminal sends it.

The command runs in a session of its own (`start_new_session`), so `os.killpg` reaches it
and every process that shares its group, as a terminal's Ctrl-C reaches its foreground job.
The run is stopped once its first document is done, with most of samples/ still to read.
The seconds from Ctrl-C to the exit are printed (`-s` shows them).
"""
from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request

import psutil
import pytest

from flows.runtime.interrupt import FIRST_LINE, STOPPED_CODE
from flows.runtime.server import SERVER_NAME, LocalApi
from tests.conftest import ROOT, SAMPLE_COUNT, SAMPLES, read_jsonl

PROGRESS = re.compile(r"^\[\s*(\d+)/(\d+)\] ")
STOP_SECONDS = 15.0  # Ctrl-C to exit: 3 s of grace, the output, the server's stop; room for a busy machine
AT_ONCE_SECONDS = 10.0  # a second Ctrl-C to exit (at once is checked by what it did: nothing written; a busy machine moves clocks)


class Command:
    """`chusho-extract run samples/` in a session of its own, its stderr read line by line."""

    def __init__(self, out, cache, api_url: str | None = None):
        env = {**os.environ, "CHUSHO_CACHE_DIR": str(cache)}
        env.pop("PREFECT_API_URL", None)
        if api_url:
            env["PREFECT_API_URL"] = api_url
        self.proc = subprocess.Popen([sys.executable, "-m", "cli.main", "run", str(SAMPLES), "--out", str(out),
                                      "--runner", "thread", "--no-cache"], cwd=ROOT, env=env, text=True,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        self.err: list[str] = []

    def wait_for_first_document(self, timeout: float = 300) -> None:
        deadline = time.monotonic() + timeout
        for line in self.proc.stderr:
            self.err.append(line)
            if PROGRESS.match(line):
                return
            assert time.monotonic() < deadline, "no document done in time: " + "".join(self.err[-20:])
        pytest.fail("the run ended before a document was done: " + "".join(self.err[-20:]))

    def ctrl_c(self) -> None:
        os.killpg(self.proc.pid, signal.SIGINT)

    def wait_for_line(self, text: str, timeout: float = 60) -> None:
        """Read stderr until a line holding `text` (the command's answer to the first Ctrl-C)."""
        deadline = time.monotonic() + timeout
        for line in self.proc.stderr:
            self.err.append(line)
            if text in line:
                return
            assert time.monotonic() < deadline, f"no line with {text!r} in time: " + "".join(self.err[-20:])
        pytest.fail(f"the run ended before a line with {text!r}: " + "".join(self.err[-20:]))

    def finish(self, timeout: float = 120) -> tuple[int, str, str]:
        out, rest = self.proc.communicate(timeout=timeout)
        return self.proc.returncode, out, "".join(self.err) + rest

    def kill(self) -> None:
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait()

    def stopped_once(self) -> tuple[int, str, str]:
        """One Ctrl-C once a document is done; the command's exit code, stdout and stderr (killed if it
        does not end by itself)."""
        try:
            self.wait_for_first_document()
            self.ctrl_c()
            return self.finish()
        finally:
            self.kill()


def _flow_run(api_url: str) -> dict:
    """The newest flow run of the server."""
    body = json.dumps({"sort": "EXPECTED_START_TIME_DESC", "limit": 1}).encode()
    req = urllib.request.Request(f"{api_url}/flow_runs/filter", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as response:
        [run] = json.loads(response.read())
    return run


@pytest.fixture
def own_server():
    """A Prefect server that outlives the command, so that the flow run's final state can be read."""
    api = LocalApi.start()
    try:
        api.wait(timeout=180)
        yield api
    finally:
        api.stop()


def _check_stopped_output(out) -> list[dict]:
    documents = read_jsonl(out / "documents.jsonl")
    assert len(documents) == SAMPLE_COUNT  # nothing dropped: every input has its line
    done = [d for d in documents if d["status"] == "ok"]
    stopped = [d for d in documents if d.get("error_code") == STOPPED_CODE]
    assert done and stopped and len(done) + len(stopped) == SAMPLE_COUNT
    assert all(d["status"] == "skipped" and "stopped" in d["error"] for d in stopped)
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert "Ctrl-C" in manifest["stopped"] and manifest["counts"]["documents"]["skipped"] == len(stopped)
    assert (out / "review.html").is_file()
    return done


@pytest.mark.slow
def test_ctrl_c_finishes_the_documents_in_progress_writes_them_and_exits_130(tmp_path):
    """A temporary server of the run's own: not in the command's process group, so Ctrl-C does not kill
    it first; the command stops it last and leaves nothing running."""
    cmd = Command(tmp_path / "out", tmp_path / "cache")
    try:
        cmd.wait_for_first_document()
        me = psutil.Process(cmd.proc.pid)
        servers = [p for p in me.children(recursive=True)
                   if "uvicorn" in " ".join(p.cmdline()) or p.name() == SERVER_NAME]  # (a fork of the command)
        assert len(servers) == 1 and os.getpgid(servers[0].pid) != os.getpgid(cmd.proc.pid)
        helpers = me.children(recursive=True)
        cmd.ctrl_c()
        start = time.monotonic()
        code, printed, err = cmd.finish()
        seconds = time.monotonic() - start
    finally:
        cmd.kill()
    print(f"Ctrl-C to exit: {seconds:.1f} s")
    assert code == 130 and seconds < STOP_SECONDS, (code, seconds, err[-3000:])
    assert err.count(FIRST_LINE) == 1 and "Traceback" not in err + printed, err[-3000:]
    assert "Error" not in err and "leaked" not in err, err[-3000:]  # no connection errors, no leaked semaphores
    assert printed.startswith("stopped: ") and "review.html" in printed
    _check_stopped_output(tmp_path / "out")
    time.sleep(1)
    assert not [p for p in helpers if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]  # server, worker


@pytest.mark.slow
def test_a_run_stopped_in_a_folder_keeps_the_records_of_the_documents_it_did_not_finish(sample_run, tmp_path):
    """Into a folder holding a whole run of samples/: the stopped run writes what it read, keeps the earlier
    run's records of the documents it did not finish, and the change feed removes none of them."""
    import shutil

    out = tmp_path / "out"
    shutil.copytree(sample_run, out)
    before = {r["id"]: r for r in read_jsonl(out / "records.jsonl")}
    earlier = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    code, _printed, err = Command(out, tmp_path / "cache").stopped_once()
    assert code == 130 and "Traceback" not in err, err[-3000:]
    _check_stopped_output(out)
    stopped = {d["uri"] for d in read_jsonl(out / "documents.jsonl") if d.get("error_code") == STOPPED_CODE}
    after = {r["id"]: r for r in read_jsonl(out / "records.jsonl")}
    resting = {rid for rid, r in before.items() if {s["uri"] for s in r["sources"]} <= stopped}
    assert resting and all(after[rid] == before[rid] for rid in resting)  # kept as they were
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["kept"] == {"from_run": earlier["id"], "records": len(resting)}
    assert sum(manifest["counts"]["records"].values()) == len(after)
    changes = [c for c in read_jsonl(out / "changes.jsonl") if c["run_id"] == manifest["id"]]
    assert not [c for c in changes if c["id"] in resting]


@pytest.mark.slow
def test_ctrl_c_marks_the_flow_run_cancelled_and_a_second_one_stops_at_once(own_server, tmp_path):
    code, _printed, err = Command(tmp_path / "out", tmp_path / "cache", own_server.url).stopped_once()
    assert code == 130 and "Traceback" not in err, err[-3000:]
    done = _check_stopped_output(tmp_path / "out")
    run = _flow_run(own_server.url)
    assert run["state"]["type"] == "CANCELLED", run["state"]
    assert run["state"]["message"].startswith(f"stopped by Ctrl-C: {SAMPLE_COUNT} documents ({len(done)} ok")

    again = Command(tmp_path / "again", tmp_path / "cache", own_server.url)
    try:
        again.wait_for_first_document()
        again.ctrl_c()
        again.wait_for_line(FIRST_LINE)  # the first is taken (a fixed pause let a quick stop finish first)
        again.ctrl_c()
        start = time.monotonic()
        code, printed, err = again.finish()
        seconds = time.monotonic() - start
    finally:
        again.kill()
    print(f"second Ctrl-C to exit: {seconds:.1f} s")
    assert code == 130 and seconds < AT_ONCE_SECONDS, (code, seconds, err[-3000:])
    assert "stopping now" in err and "Traceback" not in err, err[-3000:]
    assert not (tmp_path / "again" / "manifest.json").exists()  # stopped at once: nothing written
    run = _flow_run(own_server.url)
    assert run["state"]["type"] == "CANCELLED" and "second Ctrl-C" in run["state"]["message"]


class _Site:
    """A site on 127.0.0.1: `answer(path)` gives a page's HTML, or None for a 404; a request log."""

    def __init__(self, answer):
        import http.server
        import threading

        requested = self.requested = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def do_GET(self):  # noqa: N802
                requested.append(self.path)
                body = answer(self.path)
                if body is None:
                    self.send_response(404)
                    self.end_headers()
                    return
                data = body.encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/"

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class _ManyPages(_Site):
    """A site of 30 small pages linked from its top page, each answered in 0.3 s."""

    def __init__(self):
        super().__init__(self._page)

    @staticmethod
    def _page(path: str) -> str | None:
        if path == "/robots.txt":
            return None
        time.sleep(0.3)
        links = "".join(f'<a href="/p{i}.html">{i}</a>' for i in range(30)) if path == "/" else ""
        return f"<html><head><title>{path}</title></head><body><p>お知らせ</p>{links}</body></html>"


@pytest.mark.slow
def test_ctrl_c_stops_a_crawl_which_the_next_one_resumes(tmp_path):
    site = _ManyPages()
    out = tmp_path / "out"
    env = {**os.environ, "CHUSHO_CACHE_DIR": str(tmp_path / "cache")}
    env.pop("PREFECT_API_URL", None)
    command = [sys.executable, "-m", "cli.main", "crawl", site.url, "--out", str(out), "--delay", "0", "--depth", "1",
               "--runner", "thread"]
    try:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                start_new_session=True)
        crawled = 0
        for line in proc.stderr:
            crawled += line.startswith("[crawl ")
            if crawled == 15:  # half the site fetched; the first pages read meanwhile
                break
        os.killpg(proc.pid, signal.SIGINT)
        printed, err = proc.communicate(timeout=120)
        assert proc.returncode == 130 and "Traceback" not in err and FIRST_LINE in err, err[-3000:]
        assert printed.startswith("stopped: ")
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["crawl"]["stopped"][0]["reason"] == "stopped by Ctrl-C"
        assert manifest["crawl"]["counts"]["gone"] == 0  # pages not reached are not called gone
        first = read_jsonl(out / "documents.jsonl")
        path = lambda uri: "/" + uri.split("/", 3)[3]
        done = {path(d["uri"]) for d in first if d["status"] == "ok"}
        assert done and all(d.get("error_code") == STOPPED_CODE for d in first if d["status"] != "ok")
        before = len(site.requested)
        again = subprocess.run([*command, "--quiet"], cwd=ROOT, env=env, text=True, capture_output=True, timeout=600)
        assert again.returncode == 0, again.stderr[-3000:]
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["crawl"]["resumed_from"]  # the stopped crawl was resumed ...
        assert not set(site.requested[before:]) & done  # ... and what it finished was not fetched again
        assert len(read_jsonl(out / "documents.jsonl")) == 31
    finally:
        site.close()


class _HeldPage(_Site):
    """One page, /held.html, whose answer is held until `close()`: a run that fetches it is still reading
    when the test stops it, whatever the machine's speed. `asked` is set once it is asked for."""

    def __init__(self):
        import threading

        self.held, self.asked = threading.Event(), threading.Event()
        super().__init__(self._page)
        self.url += "held.html"

    def _page(self, path: str) -> str | None:
        if path != "/held.html":
            return None
        self.asked.set()
        self.held.wait(timeout=300)
        return "<html><body><p>お知らせ</p></body></html>"

    def close(self):
        self.held.set()
        super().close()


@pytest.mark.slow
def test_ctrl_c_while_a_page_is_still_fetched_keeps_the_document_read_and_drafted_before_it(tmp_path):
    """Ctrl-C in the reading phase, after a small file's one read-and-draft task has ended: that document
    is written as done (it is complete), the page still being fetched is listed as stopped, rc 130. (A run
    stopped in that window once ended in a traceback: its drafting had not been recorded yet.)"""
    page = _HeldPage()
    small = SAMPLES / "agreement_01_city_release.html"
    out = tmp_path / "out"
    env = {**os.environ, "CHUSHO_CACHE_DIR": str(tmp_path / "cache"), "CHUSHO_TIMELINE": "1"}
    env.pop("PREFECT_API_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "run", str(small), page.url, "--out", str(out),
                             "--runner", "thread", "--no-cache"], cwd=ROOT, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    err: list[str] = []
    try:
        for line in proc.stderr:  # the small file's task has ended: its line comes from the task's own callback
            err.append(line)
            if "task done: document" in line and small.name in line:
                break
        else:
            pytest.fail("the run ended before the small file was read: " + "".join(err[-20:]))
        assert page.asked.wait(timeout=120) and proc.poll() is None  # the page asked for, and held: still reading
        os.killpg(proc.pid, signal.SIGINT)
        printed, rest = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        page.close()
    err_text = "".join(err) + rest
    assert proc.returncode == 130 and "Traceback" not in err_text, err_text[-3000:]
    documents = {d["uri"]: d for d in read_jsonl(out / "documents.jsonl")}
    assert len(documents) == 2
    [done] = [d for uri, d in documents.items() if uri.endswith(small.name)]
    assert done["status"] == "ok"
    assert documents[page.url].get("error_code") == STOPPED_CODE
    assert [r for r in read_jsonl(out / "records.jsonl") if r["sources"][0]["uri"] == done["uri"]]
