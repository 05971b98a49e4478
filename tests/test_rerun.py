"""A real run killed half-way (SIGKILL) and started again: what was done is not done again."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT, SAMPLES, read_jsonl

PROGRESS = re.compile(r"^\[\s*(\d+)/(\d+)\] (\S+)\s+(\S+)\s+\((.*)\)$")


def _run(out, cache, kill_after: int | None = None) -> tuple[list[re.Match], int]:
    """The CLI on samples/; with kill_after, SIGKILL it once that many documents are done."""
    env = {**os.environ, "CHUSHO_CACHE_DIR": str(cache)}
    proc = subprocess.Popen([sys.executable, "-m", "flows.cli", "run", str(SAMPLES), "--out", str(out)], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            start_new_session=True)
    done: list[re.Match] = []
    deadline = time.monotonic() + 600
    for line in proc.stderr:
        m = PROGRESS.match(line.strip())
        if m:
            done.append(m)
        if kill_after and len(done) >= kill_after:
            os.killpg(proc.pid, signal.SIGKILL)  # the CLI, its task threads and Prefect's server with it
            break
        assert time.monotonic() < deadline, "the run took too long"
    proc.wait(timeout=120)
    return done, proc.returncode


def test_killed_run_resumes_from_the_cache_with_the_same_records(sample_run, tmp_path):
    cache, out = tmp_path / "cache", tmp_path / "out"
    first, code = _run(out, cache, kill_after=4)
    assert code == -signal.SIGKILL and len(first) >= 4
    assert not (out / "manifest.json").exists()  # a killed run leaves no finished-looking output
    finished_before = {m.group(4) for m in first}

    second, code = _run(out, cache)
    assert code == 0 and len(second) == int(second[0].group(2)) == 14
    cached = {m.group(4) for m in second if m.group(5).endswith("cached")}
    assert finished_before <= cached  # nothing done before the kill was done again
    assert len(cached) < 14  # and the rest really was worked on

    manifest = read_jsonl(out / "records.jsonl")
    ids = [r["id"] for r in manifest]
    assert len(ids) == len(set(ids))  # no duplicates
    assert manifest == read_jsonl(sample_run / "records.jsonl")  # same records as one uninterrupted run
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]
