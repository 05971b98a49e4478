"""The many-machines topology run for real on this machine: deploy/local-cluster.sh.

PostgreSQL, a Prefect server on it, the `chusho` work pool with a process worker, a Dask scheduler
with two worker processes, and prefect.yaml's deployments. The `manual` deployment is run through
the work pool on three samples; its records must equal a local run's, its tasks must have run on
the Dask workers, weekly-crawl's schedule must have produced runs, and stopping the script must
stop everything it started.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse
from zoneinfo import ZoneInfo

import pytest

from tests.conftest import ROOT, SAMPLES, on_server, read_jsonl

pytestmark = pytest.mark.slow

SCRIPT = ROOT / "deploy" / "local-cluster.sh"
INPUTS = [str(SAMPLES / name) for name in ("000_okaya.html", "001_kawaguchi.pdf", "agreement_01_city_release.html")]
DASK_TASKS = ("document_stage",)  # one per small document; fetching runs on the flow's threads, the rest in the flow


def _have_postgres() -> bool:
    return any(Path("/usr/lib/postgresql").glob("*/bin/initdb"))


def _worker_model_loads() -> int:
    from extractors.language.nlp import model_loads

    return model_loads()


def _computed_per_prefix(dask_scheduler) -> dict[str, int]:
    """How many task keys of each prefix reached memory on the scheduler (each was computed by a worker)."""
    done: dict[str, set] = {}
    for t in dask_scheduler.transition_log:
        if t.finish == "memory":
            done.setdefault(t.key.rsplit("-", 1)[0], set()).add(t.key)
    return {prefix: len(keys) for prefix, keys in done.items()}


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def _in_session(sid: int) -> list[int]:
    """The live processes of a session (the script starts in one of its own: every child it leaves is in it)."""
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            continue
        if int(fields[3]) == sid and fields[0] != "Z":
            out.append(int(stat.parent.name))
    return out


def _port_open(address: str) -> bool:
    url = urlparse(address)
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex((url.hostname, url.port)) == 0


@pytest.fixture
def cluster(tmp_path):
    """The script started in the background; yields (its env file's values, the process, its output file)."""
    if not _have_postgres() or shutil.which("runuser") is None:
        pytest.skip("needs Debian's postgresql (scripts/setup.sh)")
    pytest.importorskip("distributed")
    folder, log = tmp_path / "cluster", tmp_path / "cluster.out"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env["PYTHON"] = sys.executable
    proc = subprocess.Popen([str(SCRIPT), "--dir", str(folder)], env=env, stdout=log.open("w"),
                            stderr=subprocess.STDOUT, start_new_session=True)
    try:
        yield folder, proc, log
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=120)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def _wait_ready(folder: Path, proc: subprocess.Popen, log: Path, timeout: float = 240) -> dict[str, str]:
    deadline = time.monotonic() + timeout
    while not (folder / "env").is_file():
        assert proc.poll() is None, f"local-cluster.sh exited with {proc.returncode}:\n{log.read_text()}"
        assert time.monotonic() < deadline, f"cluster not ready after {timeout} s:\n{log.read_text()}"
        time.sleep(0.5)
    return dict(line.split("=", 1) for line in (folder / "env").read_text().splitlines() if "=" in line)


def _flow_runs(api: str, deployment: str) -> list[dict]:
    import httpx

    response = httpx.post(f"{api}/flow_runs/filter", json={"deployments": {"name": {"any_": [deployment]}},
                                                           "limit": 20}, timeout=30)
    response.raise_for_status()
    return response.json()


def test_manual_deployment_runs_through_the_pool_on_the_dask_cluster(cluster, tmp_path):
    import distributed

    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner

    folder, proc, log = cluster
    env = _wait_ready(folder, proc, log)
    api, scheduler = env["PREFECT_API_URL"], env["DASK_SCHEDULER_ADDRESS"]
    # The local run: threads in this process, recorded on the cluster's server (no second server to start).
    local = tmp_path / "local"
    with on_server(api):  # (its events sent there, and the session's after it to the session's server)
        extract_flow.with_options(task_runner=make_runner("thread"))(inputs=INPUTS, out=str(local), cache=False)

    out = Path(env["CHUSHO_CLUSTER_DATA"]) / "manual"
    run_env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")} | {"PREFECT_API_URL": api}
    run = subprocess.run([sys.executable, "-m", "prefect", "deployment", "run", "chusho-extract-on/manual",
                          "--watch", "--watch-timeout", "240", "--param", f"inputs={json.dumps(INPUTS)}",
                          "--param", f"out={out}"], env=run_env, capture_output=True, text=True, timeout=300)
    logs = Path(env["CHUSHO_CLUSTER_LOGS"])
    assert run.returncode == 0, run.stdout + run.stderr + (logs / "prefect-worker.log").read_text()

    # The run came through the work pool, with prefect.yaml's Dask address mapped to the local scheduler.
    (manual,) = _flow_runs(api, "manual")  # the local run has no deployment
    assert manual["state_type"] == "COMPLETED" and manual["work_pool_name"] == "chusho"
    assert manual["parameters"]["dask_address"] == scheduler
    # Its records are a local run's, and every document was read (no cache: a fresh cluster).
    assert read_jsonl(out / "records.jsonl") == read_jsonl(local / "records.jsonl")
    assert len(read_jsonl(out / "records.jsonl")) >= 3
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["documents"] == {"ok": 3} and manifest["cache"]["hits"] == {"read": 0, "drafts": 0}

    # Each document's tasks were computed on the Dask workers, which loaded the model (at most once each).
    with distributed.Client(scheduler, timeout=30) as client:
        computed = client.run_on_scheduler(_computed_per_prefix)
        loads = client.run(_worker_model_loads)
    assert {p: computed.get(p) for p in DASK_TASKS} == {p: len(INPUTS) for p in DASK_TASKS}, computed
    assert len(loads) == 2 and all(n <= 1 for n in loads.values()) and sum(loads.values()) >= 1, loads

    # weekly-crawl's schedule made runs on the PostgreSQL server: Mondays 04:00 in Tokyo, in the pool.
    scheduled = [r for r in _flow_runs(api, "weekly-crawl") if r["state_type"] == "SCHEDULED"]
    assert scheduled, (logs / "prefect-server.log").read_text()[-3000:]
    from datetime import datetime

    for r in scheduled:
        when = datetime.fromisoformat(r["expected_start_time"]).astimezone(ZoneInfo("Asia/Tokyo"))
        assert (when.weekday(), when.hour, when.minute) == (0, 4, 0) and r["work_pool_name"] == "chusho"

    # SIGTERM stops everything the script started: its services, their ports and PostgreSQL.
    pids = [int(p) for p in re.findall(r"started \S+ \(pid (\d+)\)", log.read_text())]
    assert len(pids) == 5, log.read_text()
    proc.send_signal(signal.SIGTERM)
    assert proc.wait(timeout=120) == 128 + signal.SIGTERM, log.read_text()
    assert not [p for p in pids if _alive(p)], log.read_text()
    assert _in_session(proc.pid) == [], log.read_text()  # nor anything else it started (its idle loop's sleep)
    for address in (api, scheduler, "tcp://" + env["CHUSHO_CLUSTER_POSTGRES"]):
        assert not _port_open(address), address
    assert "stopped postgres" in log.read_text(), log.read_text()
    assert "killed" not in log.read_text(), log.read_text()  # every service exited on SIGTERM
