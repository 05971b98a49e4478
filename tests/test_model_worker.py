"""The model worker of a small run on threads (flows/runtime/modelworker.py): the same outputs as the work done in
the flow's own process, a read-ahead result used only for the very bytes and settings the flow has, a
killed worker replaced by the work in-process, and no process left behind.

Real model, real Prefect (the session's test server; the command in a subprocess reports to it too).
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES
from tests.test_startup import _alive, _descendants

CLI = [sys.executable, "-m", "cli.main"]
# 3 HTML pages and a PDF: `auto` runs them on threads, with the model worker reading them ahead
INPUTS = [str(SAMPLES / n) for n in ("000_okaya.html", "003_igren.html", "agreement_01_city_release.html",
                                     "001_kawaguchi.pdf")]
RUN_FIELDS = ("id", "started", "finished")  # the manifest's fields that differ from run to run


def _outputs(out: Path) -> dict[str, str]:
    """Every file of an output folder, with the run's id and times taken out of the manifest and review page."""
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    files = {}
    for path in sorted(p for p in out.rglob("*") if p.is_file() and p.suffix != ".sqlite"):  # (the JSON's facts)
        text = path.read_text(encoding="utf-8")
        for field in RUN_FIELDS:
            text = text.replace(str(manifest[field]), f"<{field}>")
        files[str(path.relative_to(out))] = text
    return files


def _in_process(inputs: list[str], out: Path, settings=None) -> dict[str, str]:
    """The flow in this process, the tasks on its threads doing their own work: today's thread runner."""
    from flows.extract import extract_flow

    extract_flow(inputs=inputs, out=str(out), settings=settings, cache=False)
    return _outputs(out)


@pytest.fixture(scope="module")
def baseline(prefect_server, nlp, tmp_path_factory) -> dict[str, str]:
    return _in_process(INPUTS, tmp_path_factory.mktemp("baseline"))


@pytest.fixture
def cli_env(prefect_server) -> dict[str, str]:
    from prefect.settings import PREFECT_API_URL

    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    return {**env, "PREFECT_API_URL": PREFECT_API_URL.value(), "CHUSHO_TIMELINE": "1"}


def _worker_pid(stderr_line: str) -> int | None:
    if "model worker started (pid " in stderr_line:
        return int(stderr_line.split("(pid ", 1)[1].split(",", 1)[0])
    return None


@pytest.mark.slow
def test_the_worker_gives_the_outputs_of_the_in_process_run_and_is_gone_after(baseline, cli_env, tmp_path):
    res = subprocess.run([*CLI, "run", *INPUTS, "--out", str(tmp_path / "out"), "--no-cache", "--quiet"], cwd=ROOT,
                         env=cli_env, capture_output=True, text=True, timeout=600)
    assert res.returncode == 0, res.stderr
    assert "flow starts on the thread runner" in res.stderr
    assert "model worker: 4 read ahead; model loads in this process: 0" in res.stderr  # all four from the worker
    assert _outputs(tmp_path / "out") == baseline
    pid = next(p for p in map(_worker_pid, res.stderr.splitlines()) if p)
    assert not _alive(pid)  # stopped (and reaped) with the run


@pytest.mark.slow
def test_a_killed_worker_leaves_the_work_to_the_flow_and_the_run_succeeds(baseline, cli_env, tmp_path):
    proc = subprocess.Popen([*CLI, "run", *INPUTS, "--out", str(tmp_path / "out"), "--no-cache", "--quiet"],
                            cwd=ROOT, env=cli_env, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in proc.stderr:
            lines.append(line)
            pid = _worker_pid(line)
            if pid:
                os.kill(pid, signal.SIGKILL)  # while it loads the model
                break
        children = _descendants(proc.pid)
        lines += proc.stderr.readlines()
        assert proc.wait(timeout=600) == 0, "".join(lines)
    finally:
        if proc.poll() is None:
            proc.kill()
    stderr = "".join(lines)
    assert "model worker gone (it exited" in stderr
    assert "model loads in this process: 1" in stderr  # the flow's tasks loaded it themselves
    assert _outputs(tmp_path / "out") == baseline
    deadline = time.monotonic() + 10
    while any(_alive(p) for p in children) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not [p for p in children if _alive(p)]


@pytest.mark.slow
def test_a_read_ahead_result_is_used_only_for_the_same_bytes_and_settings(prefect_server, nlp, tmp_path):
    from extractors.settings import Settings
    from flows.runtime.modelworker import ModelWorker, use

    changed, other = tmp_path / "changed.html", tmp_path / "other.html"
    shutil.copy(SAMPLES / "000_okaya.html", changed)
    shutil.copy(SAMPLES / "agreement_01_city_release.html", other)
    settings = Settings(max_pages=7)
    # spawn: this process has threads (the test server's client), which fork would copy badly
    worker = ModelWorker.start([str(changed), str(other)], settings, method="spawn")
    with use(worker):
        assert worker.planned() == {changed.as_uri(), other.as_uri()}  # both fetched: read ahead from those bytes
        shutil.copy(SAMPLES / "003_igren.html", changed)  # another page under the same name
        got = _in_process([str(changed)], tmp_path / "changed-worker", settings)
        assert worker.stats["read ahead for other bytes or settings"] == 1 and not worker.stats["read ahead"]
        assert worker.stats["document requests"] == 1  # the flow's own bytes, sent to the worker
        got_other = _in_process([str(other)], tmp_path / "other-worker", Settings())  # other settings
        assert worker.stats["read ahead for other bytes or settings"] == 2 and not worker.stats["read ahead"]
        assert not worker.gone
    assert got == _in_process([str(changed)], tmp_path / "changed-here", settings)
    shutil.copy(SAMPLES / "000_okaya.html", changed)
    assert got != _in_process([str(changed)], tmp_path / "read-ahead-bytes", settings)  # (using it would show)
    assert got_other == _in_process([str(other)], tmp_path / "other-here", Settings())
    assert not worker.process.is_alive()


@pytest.mark.slow
def test_a_cached_document_task_does_not_wait_for_the_worker(prefect_server, nlp, tmp_path):
    from extractors.settings import Settings
    from flows.extract import extract_flow
    from flows.runtime.modelworker import ModelWorker, use

    doc = tmp_path / "cached.html"
    shutil.copy(SAMPLES / "agreement_04_university.html", doc)
    extract_flow(inputs=[str(doc)], out=str(tmp_path / "first"))  # the task's result cached, in this process
    with use(ModelWorker.start([str(doc)], Settings(), method="spawn")) as worker:
        extract_flow(inputs=[str(doc)], out=str(tmp_path / "second"))
        assert not worker.stats  # a cache hit: the task's function, which asks the worker, was not called
    manifest = json.loads((tmp_path / "second" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["cache"]["hits"] == {"read": 1, "drafts": 1}
    assert _outputs(tmp_path / "second")["records.jsonl"] == _outputs(tmp_path / "first")["records.jsonl"]


@pytest.mark.slow
def test_a_killed_command_takes_its_worker_with_it(cli_env, tmp_path):
    proc = subprocess.Popen([*CLI, "run", *INPUTS, "--out", str(tmp_path / "out"), "--no-cache", "--quiet"],
                            cwd=ROOT, env=cli_env, stderr=subprocess.PIPE, text=True)
    pid = None
    try:
        pid = next(p for p in map(_worker_pid, proc.stderr) if p)
        assert _alive(pid)
        os.kill(proc.pid, signal.SIGKILL)  # no cleanup of its own: the worker must go by itself
        proc.wait(timeout=30)
        deadline = time.monotonic() + 10
        while _alive(pid) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(pid)
    finally:
        if proc.poll() is None:
            proc.kill()
        if pid and _alive(pid):
            os.kill(pid, signal.SIGKILL)  # (the test failed: leave nothing behind anyway)


def test_a_worker_for_one_flow_is_killed_once_its_documents_are_done_and_another_is_not():
    """`finished()` (the extract flow calls it once every document is drafted): the command line's worker, used
    for one flow run, is killed then, its memory freed while the output is written; a worker used for several
    flow runs stays; both are reaped when their `use` ends."""
    from extractors.settings import Settings
    from flows.runtime.modelworker import ModelWorker, finished, use

    for one_flow in (True, False):
        worker = ModelWorker.start([], Settings(), method="spawn")
        with use(worker, one_flow=one_flow):
            assert worker.process.is_alive()
            finished()
            worker.process.join(timeout=30 if one_flow else 1)
            assert worker.process.is_alive() is not one_flow
        assert not worker.process.is_alive() and worker.process.exitcode is not None
