"""A real run killed half-way (SIGKILL) and started again: what was done is not done again."""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time

from tests.conftest import ROOT, SAMPLE_COUNT, SAMPLES, read_jsonl

PROGRESS = re.compile(r"^\[\s*(\d+)/(\d+)\] (\S+)\s+(\S+)\s+\((.*)\)$")


def _run(out, cache, kill_after: int | None = None) -> tuple[list[re.Match], int]:
    """The CLI on samples/; with kill_after, SIGKILL it once that many documents are done."""
    env = {**os.environ, "CHUSHO_CACHE_DIR": str(cache)}
    proc = subprocess.Popen([sys.executable, "-m", "cli.main", "run", str(SAMPLES), "--out", str(out)], cwd=ROOT,
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
    assert code == 0 and len(second) == int(second[0].group(2)) == SAMPLE_COUNT
    cached = {m.group(4) for m in second if m.group(5).endswith("cached")}
    assert finished_before <= cached  # nothing done before the kill was done again
    assert len(cached) < SAMPLE_COUNT  # and the rest really was worked on

    manifest = read_jsonl(out / "records.jsonl")
    ids = [r["id"] for r in manifest]
    assert len(ids) == len(set(ids))  # no duplicates
    assert manifest == read_jsonl(sample_run / "records.jsonl")  # same records as one uninterrupted run
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_unchanged_inputs_are_answered_from_the_whole_run_cache_and_a_change_reruns_only_it(tmp_path):
    import json
    import shutil

    src = tmp_path / "in"
    src.mkdir()
    for name in ("003_igren.html", "ordinance_02_enacted.html", "agreement_01_city_release.html"):
        shutil.copy(SAMPLES / name, src / name)
    cache = tmp_path / "cache"

    timelines, printed = [], []

    def cli(out):
        env = {**os.environ, "CHUSHO_CACHE_DIR": str(cache), "CHUSHO_TIMELINE": "1"}
        done = subprocess.run([sys.executable, "-m", "cli.main", "run", str(src), "--out", str(out)], cwd=ROOT,
                              env=env, capture_output=True, text=True, timeout=600)
        assert done.returncode == 0, done.stderr
        manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
        lines = [m for m in map(PROGRESS.match, done.stderr.splitlines()) if m]
        timelines.append([line for line in done.stderr.splitlines() if line.startswith("[timeline]")])
        printed.append(done.stderr)  # shown with a failed assertion below
        return manifest, lines, read_jsonl(out / "records.jsonl")

    first, lines, records = cli(tmp_path / "a")
    assert not first["cache"]["whole_run"] and len(lines) == 3, printed[-1]
    assert any("Prefect server: " in line for line in timelines[-1])
    again, lines, same = cli(tmp_path / "b")
    assert again["cache"]["whole_run"] and again["cache"]["from_run"] == first["id"] and lines == []
    assert same == records and again["counts"] == first["counts"] and again["id"] != first["id"]
    # answered from the cache: no Prefect server was started or asked for, and no model worker
    assert not any("Prefect server: " in line or "model worker" in line for line in timelines[-1])

    (entry,) = (cache / "runs").glob("*.json.gz")
    entry.write_bytes(entry.read_bytes()[:40])  # damaged after the check found it: the flow runs after all
    fallback, lines, same = cli(tmp_path / "d")
    assert not fallback["cache"]["whole_run"] and same == records
    assert any("Prefect server: " in line for line in timelines[-1])

    page = src / "ordinance_02_enacted.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b"<p>x</p></body>"))
    third, lines, _ = cli(tmp_path / "c")
    assert not third["cache"]["whole_run"]
    cached = {m.group(4).rsplit("/", 1)[-1] for m in lines if m.group(5).endswith("cached")}
    assert cached == {"003_igren.html", "agreement_01_city_release.html"}, printed[-2:]  # only the changed page read
    assert third["cache"]["hits"] == {"read": 2, "drafts": 2}


def test_a_cached_rerun_reads_and_hashes_its_inputs_once(tmp_path, monkeypatch):
    """The command's check (`saved_run`) hands the entry it found to `cached_run`, which does not read
    and hash every input again (for a folder of large PDFs, a noticeable part of a rerun)."""
    from extractors.reading.fetch import fetch_file
    from extractors.settings import Settings
    from flows import runcache
    from schemas.document import Document

    page = tmp_path / "in" / "notice.html"
    page.parent.mkdir()
    page.write_text("<html><head><title>お知らせ</title></head><body><p>北見市は会議を開いた。</p></body></html>",
                    encoding="utf-8")
    monkeypatch.setenv("CHUSHO_CACHE_DIR", str(tmp_path / "cache"))
    settings = Settings()
    fetched = fetch_file(str(page), settings)
    document = Document(uri=fetched.uri, sha256=fetched.sha256, media_type="text/html", title="お知らせ",
                        text="北見市は会議を開いた。")
    runcache.save_run([document], [], [], {"id": "run-1", "settings": settings.model_dump(mode="json")})
    inputs = [str(page.parent)]
    path = runcache.saved_run(inputs, settings)
    assert path is not None and path.is_file()

    def hashed_again(*args):
        raise AssertionError("the inputs were read and hashed a second time")

    monkeypatch.setattr(runcache, "_saved_path", hashed_again)
    summary = runcache.cached_run(inputs, str(tmp_path / "out"), settings, path)
    assert summary is not None and (tmp_path / "out" / "records.jsonl").exists()
