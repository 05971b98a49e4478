"""End to end through the real command in a subprocess: exit codes, no tracebacks, evaluate."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SAMPLES

CLI = [sys.executable, "-m", "flows.cli"]
SCORE = ROOT.parent / "shared" / "eval" / "score.py"


def _run(*args, cwd=ROOT):
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_API_URL")}
    return subprocess.run([*CLI, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_run_and_evaluate(tmp_path):
    out = tmp_path / "out"
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"%PDF-1.7\n" + os.urandom(2000))
    res = _run("run", str(SAMPLES / "003_igren.html"), str(bad), "--out", str(out))
    assert res.returncode == 0, res.stderr
    assert "Traceback" not in res.stderr + res.stdout
    assert "[2/2]" in res.stderr  # progress lines
    ev = _run("evaluate", str(out), str(SAMPLES / "gold" / "seeds.json"))
    assert ev.returncode == 0 and "ordinance  records P=1.000" in ev.stdout
    if SCORE.exists():  # the team's scorer gives the same figures
        theirs = subprocess.run([sys.executable, str(SCORE), str(out / "records.jsonl"),
                                 str(SAMPLES / "gold" / "seeds.json"), "--documents", str(out / "documents.jsonl")],
                                capture_output=True, text=True)
        strip = lambda s: [" ".join(line.split()) for line in s.splitlines()]
        assert strip(ev.stdout) == strip(theirs.stdout)


@pytest.mark.slow
def test_exit_code_when_nothing_could_be_read(tmp_path):
    res = _run("run", str(tmp_path / "nothing.pdf"), "--out", str(tmp_path / "out"), "--quiet")
    assert res.returncode == 1
    assert "Traceback" not in res.stderr + res.stdout
    assert "1 failed" in res.stdout
    assert (tmp_path / "out" / "documents.jsonl").read_text(encoding="utf-8").count("no such file") == 1


def test_usage_error():
    res = _run("frobnicate")
    assert res.returncode == 2 and "Traceback" not in res.stderr
