"""`chusho-extract serve` for real: a local Prefect server, deployments on a cron schedule, a triggered run."""
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


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait(what, check, timeout: float, proc: subprocess.Popen):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"serve exited with {proc.returncode} while waiting for {what}: {proc.stderr.read()}")
        value = check()
        if value:
            return value
        time.sleep(1)
    pytest.fail(f"timed out waiting for {what}")


def test_serve_schedules_the_crawl_and_runs_it_on_demand(tmp_path):
    site = Site()
    with Server(site) as url:
        site.resources = build_site("http://127.0.0.1:9", big_bytes=10)
        sources = tmp_path / "sources.toml"
        sources.write_text(f'delay = 0.05\n[[source]]\nname = "town"\nstart_urls = ["{url}/summits.html"]\n'
                           f'max_depth = 0\nschedule = "30 4 * * 1"\n', encoding="utf-8")
        port = _free_port()
        env = {**os.environ, "PREFECT_HOME": str(tmp_path / "prefect-home")}
        env.pop("PREFECT_API_URL", None)
        proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "serve", "--sources", str(sources), "--out",
                                 str(tmp_path / "out"), "--port", str(port)], cwd=ROOT, env=env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
        api = f"http://127.0.0.1:{port}/api"
        try:
            def deployments():
                try:
                    found = httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()
                except (httpx.HTTPError, json.JSONDecodeError):
                    return None
                return {d["name"]: d for d in found} if len(found) == 2 else None

            deps = _wait("the deployments", deployments, 240, proc)
            assert set(deps) == {"crawl-town", "manual"}
            assert [s["schedule"]["cron"] for s in deps["crawl-town"]["schedules"]] == ["30 4 * * 1"]
            assert deps["manual"]["schedules"] == []
            assert httpx.get(f"http://127.0.0.1:{port}/", timeout=5).status_code == 200  # the UI

            run = httpx.post(f"{api}/deployments/{deps['crawl-town']['id']}/create_flow_run", json={},
                             timeout=10).json()

            def finished():
                state = httpx.get(f"{api}/flow_runs/{run['id']}", timeout=5).json()["state"]["type"]
                return state if state in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

            assert _wait("the flow run", finished, 300, proc) == "COMPLETED"
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=60)
    out = tmp_path / "out" / "town"
    assert (out / "crawl-state.sqlite").is_file()
    editions = {r["edition"] for r in read_jsonl(out / "records.jsonl") if r["type"] == "summit"}
    assert set(range(1, 12)) <= editions
    assert [h.path for h in site.log] == ["/robots.txt", "/summits.html"]
