#!/usr/bin/env python3
"""Throughput and memory of the pipeline against the naive pipeline and bare pdfplumber.

Run from the repository root (the corpus is built on the first run, ~5 s):

    .venv/bin/python benchmarks/bench.py --quick      # samples + one 50-page PDF, ~3 min
    .venv/bin/python benchmarks/bench.py              # samples + 60/120/200-page PDFs, ~10+ min on 2 cores
    .venv/bin/python benchmarks/bench.py --cli-args "--workers 2" --json bench.json

The corpus (benchmarks/corpus.py, cached in benchmarks/.corpus/) is the
samples and the dev texts rendered as pages and PDFs (95 inputs) plus long PDFs rendered
from the real seed and dev texts, with sparse relevant paragraphs. On the same corpus, in the
same run, one after another and each in a fresh process, it measures:

  (b) bare      pdfplumber.open + page.extract_text() on every page of every PDF, one
                process: the floor for any pdfplumber-based pipeline;
  (a) naive     (b)'s text for the PDFs (and for the HTML pages the text our reader
                gives) through the full spacy.load("ja_ginza") pipeline over every
                character, in pieces under Sudachi's 49,149-byte limit (extractors.language.nlp.chunks,
                as ours cuts them), nlp.pipe one piece at a time, one process; the
                model load is reported apart;
  (c) ours      in process, per stage: read (fetch_file + read_document) and records
                (document_drafts + build_records, split into the rule pass, GiNZA NER and
                the rest), model load apart; the PDFs read with two worker processes as
                the flow reads them (long ones in page ranges, `split_pages`), in a
                process pool of two (`read2`); then end to end through the real CLI in a
                subprocess, `chusho-extract run ... --out TMP --quiet [--cli-args]`: on the
                PDF part of the corpus, on the whole corpus, and again on the whole corpus
                with the same CHUSHO_CACHE_DIR (a fresh temporary folder per first run).

Every row prints documents/s, pages/s and characters/s, wall time and peak
memory. Rates use the corpus's own counts as the common denominator: its
documents, its pages (an HTML page counts as one) and its content characters
(the text that was drawn or marked up, without headers and page numbers), so
the ratio of two rates is the inverse ratio of their times. Peak memory is the
RSS of the worker process sampled every 20 ms for in-process stages, and the
sum of RSS over the whole process tree polled every --poll seconds (/proc) for
whole processes and CLI runs, and beside it the sum of PSS (each page shared by
n processes counted 1/n in each, so once in the sum; sampled every 0.1 s at
most). The pool's workers are forks of one process that loaded the model: their
RSS each counts the pages they share with it, which the sum of RSS counts once
per process and the memory holds once. MB = 10^6 bytes.

Then the ratios and the targets (met / NOT met):
  ours end to end >= 10x naive throughput (CLI first run vs the naive process, whole corpus);
  ours PDF reading on one core <= 1.2x bare pdfplumber's time (read_document vs (b));
  ours PDF reading with two workers faster than bare pdfplumber (read2 vs (b));
  a rerun over unchanged inputs >= 20x faster than the first run (sha256 result cache);
  peak memory <= 2 GB (sum of PSS over the CLI's process tree; the sum of RSS beside it).
and the micro field F1 of ours on the samples part against samples/gold (scored per
corpus as the quality gate of tests/test_flow.py does), so a speed change that costs
accuracy shows. --json PATH also writes every figure as JSON.

The machine should be quiet: the load average is printed before and after. The
quick corpus is dominated by fixed costs (Prefect's server start, model load);
judge the targets on the full corpus. One small document end to end (<= 4 s) is
benchmarks/startup.py's.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shlex
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import defaultdict
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

PAGE_SIZE = os.sysconf("SC_PAGE_SIZE")
MB = 1_000_000
MEMORY_LIMIT_MB = 2000  # 2 GB
TARGETS = {"e2e_vs_naive": 10.0, "pdf_read_vs_bare": 1.2, "pdf_read2_vs_bare": 1.0, "first_vs_rerun": 20.0,
           "small_cold_vs_floor": 2.5, "small_running_vs_floor": 2.0, "rerun_s": 1.0}
MEASURES = ("bare", "naive", "ours", "read2", "cli-pdf", "cli-nocache", "cli", "small", "costs")
DEFAULT_MEASURES = ("naive", "cli-nocache", "cli", "small", "costs")  # the issue's figures
DEAD_API = "http://127.0.0.1:9/api"  # CHUSHO_LOCAL_API for runs that must find no running server (port 9: discard)
SMALL_DOC = "samples/agreement_01_city_release.html"  # the small page, in the corpus folder
ONE_SENTENCE = "市と信用金庫は地域の産業を支えるために話し合いを重ねてきた。"
TASKS_PER_FLOW = 60  # no-op tasks of the per-task cost measurement, in a flow, after ...
FIRST_TASKS = 4  # ... these, which start the runner's workers
PACKAGES = ("pdfplumber", "pdfminer.six", "pypdfium2", "spacy", "ginza", "ja-ginza", "SudachiPy", "SudachiDict-core",
            "prefect", "pydantic", "reportlab")


def log(msg: str) -> None:
    print(f"[{datetime.now().strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- memory

def rss_bytes(pid: int | str = "self") -> int:
    try:
        with open(f"/proc/{pid}/statm", "rb") as fh:
            return int(fh.read().split()[1]) * PAGE_SIZE
    except (OSError, IndexError, ValueError):
        return 0


def _proc_kb_line(path: str, key: bytes) -> int:
    """The bytes of the first line of a /proc file that starts with `key` (a value in kB), 0 when the process
    is gone or the file has no such line."""
    try:
        with open(path, "rb") as fh:
            for line in fh:
                if line.startswith(key):
                    return int(line.split()[1]) * 1024
    except (OSError, IndexError, ValueError):
        pass
    return 0


def pss_bytes(pid: int) -> int:
    """A process's proportional share of its resident pages (Pss in /proc/PID/smaps_rollup: a page shared by
    n processes counts 1/n in each), 0 when it is gone. Summed over a tree, each page counts once."""
    return _proc_kb_line(f"/proc/{pid}/smaps_rollup", b"Pss:")


def vmhwm_bytes(pid: int) -> int:
    """A process's own peak resident memory so far (VmHWM in /proc/PID/status), 0 when it is gone."""
    return _proc_kb_line(f"/proc/{pid}/status", b"VmHWM:")


FORK_SERVER_NAME = "pool-forkserver"  # the name (/proc/PID/comm) of a fork server forked from the command
SERVER_NAME = "prefect-server"  # the name of a temporary Prefect server forked from the command


def role_of(pid: int, root: int) -> str:
    """What a process of a run's tree is, by its command line: the command, the Prefect server, a pool worker,
    the model worker (a fork of the command), multiprocessing's resource tracker, or other."""
    if pid == root:
        return "command"
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as fh:
            cmd = fh.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "other"
    try:
        with open(f"/proc/{pid}/comm", "rb") as fh:
            comm = fh.read().strip().decode("utf-8", "replace")
    except OSError:
        comm = ""
    # (a temporary server forked from the command is named by server.ForkedServer: its command line is the command's)
    if "uvicorn" in cmd or "prefect server" in cmd or comm == SERVER_NAME:
        return "Prefect server"
    if "spawn_main" in cmd:
        return "pool workers"
    # the pool's fork server (a child of the command; spawned, or a fork of the command named by
    # runners.fork_pool_server) and its forks
    if "multiprocessing.forkserver" in cmd or comm == FORK_SERVER_NAME:
        try:
            with open(f"/proc/{pid}/stat", "rb") as fh:
                parent = int(fh.read().rsplit(b")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            parent = 0
        return "pool fork server" if parent == root else "pool workers"
    if "resource_tracker import" in cmd:
        return "resource tracker"
    if "chusho-extract" in cmd or "cli.main" in cmd:
        return "model worker"
    return "other"


def process_tree(root: int) -> dict[int, float]:
    """root and every process descending from it (by parent pid, from /proc/*/stat): pid -> CPU s used."""
    children: dict[int, list[int]] = defaultdict(list)
    cpu: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK")
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as fh:
                data = fh.read()
        except OSError:
            continue
        fields = data[data.rfind(b")") + 2:].split()  # the command name may hold spaces and parentheses
        if len(fields) > 12:
            children[int(fields[1])].append(int(name))
            cpu[int(name)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    out, stack = {root: cpu.get(root, 0.0)}, [root]
    while stack:
        for child in children.get(stack.pop(), ()):
            out[child] = cpu.get(child, 0.0)
            stack.append(child)
    return out


class StagePeak(threading.Thread):
    """Samples this process's RSS every `interval` s; `start_stage()` resets the peak."""

    def __init__(self, interval: float = 0.02) -> None:
        super().__init__(daemon=True)
        self.interval = interval
        self.peak = rss_bytes()
        self._halt = threading.Event()

    def run(self) -> None:
        while not self._halt.wait(self.interval):
            self.peak = max(self.peak, rss_bytes())

    def start_stage(self) -> None:
        self.peak = rss_bytes()

    def stage_peak_mb(self) -> float:
        return round(max(self.peak, rss_bytes()) / MB, 1)

    def stop(self) -> None:
        self._halt.set()


def run_measured(cmd: list[str], env: dict | None, log_path: Path, poll: float, cwd: Path = ROOT) -> dict:
    """Run cmd (in `cwd`); its wall time, exit status, CPU time, and the peak of RSS summed over its process tree."""
    with open(log_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=cwd)
        peak = peak_pss = 0
        pss_at = 0.0
        pids = [proc.pid]
        seen_cpu: dict[int, float] = {}  # CPU s of every process of the tree, as last seen
        hwm: dict[int, int] = {}  # each process's own peak (VmHWM), as last seen
        roles: dict[int, str] = {}  # what each process is (role_of)
        scanned = 0.0
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            now = time.perf_counter()
            if now - scanned >= 0.5:  # look for new children twice a second; RSS at every poll
                tree = process_tree(proc.pid)
                pids = list(tree)
                seen_cpu.update(tree)
                for p in pids:
                    hwm[p] = max(hwm.get(p, 0), vmhwm_bytes(p))
                    if p not in roles:
                        roles[p] = role_of(p, proc.pid)
                scanned = now
            peak = max(peak, sum(rss_bytes(p) for p in pids))
            if now - pss_at >= 0.1:  # (smaps_rollup walks the process's pages: not at every poll of 20 ms)
                peak_pss = max(peak_pss, sum(pss_bytes(p) for p in pids))
                pss_at = now
            time.sleep(poll)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # CPU time: wait4 counts the process and the descendants it waited for; the /proc scans also see
    # descendants that were never waited for (up to the last scan).
    cpu = max(usage.ru_utime + usage.ru_stime, sum(seen_cpu.values()))
    # The largest single process: wait4's ru_maxrss (KiB on Linux) covers the child and the descendants it
    # waited for; VmHWM covers those seen in a scan. The sum of every process's own peak is an upper bound
    # of the tree's peak (their peaks need not coincide); the sampled sum is a lower bound.
    largest = max(usage.ru_maxrss * 1024, max(hwm.values(), default=0))
    return {"returncode": proc.returncode, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
            "cores_busy": round(cpu / wall, 2) if wall else None, "peak_tree_rss_mb": round(peak / MB, 1),
            "peak_tree_pss_mb": round(peak_pss / MB, 1),
            "sum_vmhwm_mb": round(sum(hwm.values()) / MB, 1), "largest_process_mb": round(largest / MB, 1),
            "processes": len(hwm), "by_role": _by_role(roles, seen_cpu, hwm), "log": str(log_path)}


def _by_role(roles: dict[int, str], cpu: dict[int, float], hwm: dict[int, int]) -> dict[str, dict]:
    """CPU s (as last seen) and peak memory (sum of VmHWM) of the processes of each role, and how many."""
    out: dict[str, dict] = {}
    for pid, role in roles.items():
        r = out.setdefault(role, {"processes": 0, "cpu_s": 0.0, "vmhwm_mb": 0.0})
        r["processes"] += 1
        r["cpu_s"] = round(r["cpu_s"] + cpu.get(pid, 0.0), 2)
        r["vmhwm_mb"] = round(r["vmhwm_mb"] + hwm.get(pid, 0) / MB, 1)
    return out


def tail(path: str | Path, n: int = 15) -> str:
    try:
        return "\n".join(Path(path).read_text(encoding="utf-8", errors="replace").splitlines()[-n:])
    except OSError:
        return ""


# ---------------------------------------------------------------- workers (run in a fresh process each)

def corpus_files(corpus: Path) -> list[tuple[str, dict]]:
    manifest = json.loads((corpus / "corpus.json").read_text(encoding="utf-8"))
    return sorted(manifest["files"].items())


def bare_extract(path: Path) -> tuple[str, int]:
    """(text, pages) as plain pdfplumber gives them: extract_text() page by page."""
    import pdfplumber

    texts = []
    with pdfplumber.open(path) as pdf:
        for page in pdf.pages:
            texts.append(page.extract_text() or "")
            page.close()  # pdfplumber keeps every parsed page otherwise
    return "\n".join(texts), len(texts)


def stage(name: str, sampler: StagePeak, docs: list[dict], seconds: float, **extra) -> dict:
    return {"stage": name, "documents": len(docs), "pages": sum(d.get("pages", 0) for d in docs),
            "chars_out": sum(d.get("chars_out", 0) for d in docs), "seconds": round(seconds, 3),
            "peak_rss_mb": sampler.stage_peak_mb(), **extra}


def worker_bare(corpus: Path, sampler: StagePeak) -> dict:
    t = time.perf_counter()
    import pdfplumber  # noqa: F401
    import_s = time.perf_counter() - t
    sampler.start_stage()
    docs = []
    total = time.perf_counter()
    for rel, info in corpus_files(corpus):
        if info["kind"] != "pdf":
            continue
        t = time.perf_counter()
        text, pages = bare_extract(corpus / rel)
        docs.append({"file": rel, "part": info["part"], "pages": pages, "chars_out": len(text),
                     "seconds": round(time.perf_counter() - t, 3)})
    extract = stage("extract", sampler, docs, time.perf_counter() - total)
    return {"import_s": round(import_s, 3), "stages": {"extract": extract}, "documents": docs}


def worker_naive(corpus: Path, sampler: StagePeak) -> dict:
    from extractors.reading.documents import read_document
    from extractors.reading.fetch import fetch_file
    from extractors.language.nlp import chunks
    from extractors.settings import Settings

    settings = Settings()
    sampler.start_stage()
    docs, texts = [], []
    total = time.perf_counter()
    for rel, info in corpus_files(corpus):
        t = time.perf_counter()
        if info["kind"] == "pdf":
            text, pages = bare_extract(corpus / rel)
        else:
            text, pages = read_document(fetch_file(str(corpus / rel), settings), settings).text, 1
        texts.append(text)
        docs.append({"file": rel, "part": info["part"], "kind": info["kind"], "pages": pages,
                     "chars_out": len(text), "extract_s": round(time.perf_counter() - t, 3)})
    extract = stage("extract", sampler, docs, time.perf_counter() - total)

    sampler.start_stage()
    t = time.perf_counter()
    import spacy

    nlp = spacy.load("ja_ginza")
    load = {"stage": "load", "seconds": round(time.perf_counter() - t, 3), "peak_rss_mb": sampler.stage_peak_mb(),
            "pipe_names": nlp.pipe_names}

    sampler.start_stage()
    total = time.perf_counter()
    tokens = ents = 0
    for d, text in zip(docs, texts):
        t = time.perf_counter()
        pieces = [text[s:e] for s, e in chunks(text)]
        for doc in nlp.pipe(pieces, batch_size=1):
            tokens += len(doc)
            ents += len(doc.ents)
        d["nlp_s"] = round(time.perf_counter() - t, 3)
        d["pieces"] = len(pieces)
    nlp_stage = stage("nlp", sampler, docs, time.perf_counter() - total, tokens=tokens, entities=ents)
    return {"stages": {"extract": extract, "load": load, "nlp": nlp_stage}, "documents": docs}


def samples_accuracy(records: list[dict], ignore_uris: frozenset[str] = frozenset()) -> dict:
    """Micro field F1 (and record F1 per type) per sample corpus (seeds, written samples, first dev, new dev), scored
    as the quality gate of tests/test_flow.py scores them (its corpus_score: records filtered per
    corpus, a record from a negative page counted as spurious; the layout_* samples unscored).

    Sources from `ignore_uris` (the long PDFs, whose relevant paragraphs come from the same texts
    as the samples and so merge into the samples' records) are left out first.
    """
    from tests.test_flow import FLOORS, corpus_score

    kept = []
    for r in records:
        sources = [s for s in r.get("sources") or [] if s["uri"] not in ignore_uris]
        if sources:
            kept.append({**r, "sources": sources})
    out = {}
    for corpus in FLOORS:
        try:
            rep = corpus_score(kept, corpus)
        except (OSError, LookupError):  # the dev corpora's gold is ../shared's: none beside an exported copy
            continue
        out[corpus] = {"micro_f1": rep["micro"]["f1"],
                       "records_f1": {t: rep[t]["records"]["f1"] for t in ("summit", "agreement", "ordinance")}}
    return out


def worker_ours(corpus: Path, sampler: StagePeak) -> dict:
    import extractors.records.build as records_mod
    from extractors.reading.documents import read_document
    from extractors.reading.fetch import fetch_file
    from extractors.language.nlp import load_nlp, load_ruler
    from extractors.settings import Settings
    from schemas.document import DocStatus

    settings = Settings()
    files = corpus_files(corpus)
    sampler.start_stage()
    docs, documents = [], []
    total = time.perf_counter()
    for rel, info in files:
        t = time.perf_counter()
        doc = read_document(fetch_file(str(corpus / rel), settings), settings)
        documents.append(doc)
        docs.append({"file": rel, "part": info["part"], "kind": info["kind"], "status": doc.status.value,
                     "pages": len(doc.pages) or 1, "chars_out": len(doc.text),
                     "read_s": round(time.perf_counter() - t, 3)})
    read = stage("read", sampler, docs, time.perf_counter() - total)

    sampler.start_stage()
    t = time.perf_counter()
    load_nlp()
    nlp_s = time.perf_counter() - t
    load_ruler()
    load = {"stage": "load", "seconds": round(time.perf_counter() - t, 3), "nlp_s": round(nlp_s, 3),
            "peak_rss_mb": sampler.stage_peak_mb()}

    # Time the rule pass and the NER apart, by wrapping the two names records.py calls.
    spent = {"rules": 0.0, "ner": 0.0}

    def timed(key, fn):
        def wrapper(*a, **kw):
            t0 = time.perf_counter()
            try:
                return fn(*a, **kw)
            finally:
                spent[key] += time.perf_counter() - t0
        return wrapper

    records_mod.rule_candidates = timed("rules", records_mod.rule_candidates)
    records_mod.model_candidates = timed("ner", records_mod.model_candidates)

    sampler.start_stage()
    total = time.perf_counter()
    drafts = []
    for d, doc in zip(docs, documents):
        before = dict(spent)
        t = time.perf_counter()
        drafts.append(records_mod.document_drafts(doc))
        d["drafts_s"] = round(time.perf_counter() - t, 3)
        d["rules_s"] = round(spent["rules"] - before["rules"], 3)
        d["ner_s"] = round(spent["ner"] - before["ner"], 3)
        d["drafts"] = len(drafts[-1])
    t = time.perf_counter()
    recs, rejected = records_mod.build_records(documents, drafts)
    build_s = time.perf_counter() - t
    seconds = time.perf_counter() - total
    per_type: dict[str, int] = defaultdict(int)
    for r in recs:
        per_type[r["type"]] += 1
    long_uris = {doc.uri for doc, (_rel, info) in zip(documents, files) if info["part"] == "long"}
    rec_stage = stage("records", sampler, docs, seconds, rules_s=round(spent["rules"], 3),
                      ner_s=round(spent["ner"], 3), build_records_s=round(build_s, 3),
                      other_s=round(seconds - spent["rules"] - spent["ner"] - build_s, 3),
                      records=dict(per_type), rejected=len(rejected),
                      records_from_long_pdfs=sum(1 for r in recs if any(s["uri"] in long_uris for s in r["sources"])))
    # Accuracy: the samples alone, as a run over samples/ would merge them.
    keep = [i for i, (_rel, info) in enumerate(files) if info["part"] == "samples"]
    sample_recs, _ = records_mod.build_records([documents[i] for i in keep], [drafts[i] for i in keep])
    return {"stages": {"read": read, "load": load, "records": rec_stage}, "documents": docs,
            "not_ok": [d["file"] for d in docs if d["status"] != DocStatus.ok.value],
            "accuracy_samples": samples_accuracy(sample_recs),
            "accuracy_whole_corpus": samples_accuracy(recs, frozenset(long_uris))}


def _read_part(args):
    from extractors.reading.documents import read_pdf_part

    fetched, first, last, settings = args
    return read_pdf_part(fetched, first, last, settings)


def worker_read2(corpus: Path, sampler: StagePeak) -> dict:
    """Our PDF reading with two worker processes, as the flow does it: every long PDF in page ranges
    (`pdf_ranges`), the ranges of all PDFs on a pool of two processes, then joined per PDF."""
    from concurrent.futures import ProcessPoolExecutor

    from extractors.reading.documents import join_pdf_parts, pdf_ranges, read_document
    from extractors.reading.fetch import fetch_file
    from extractors.settings import Settings

    settings = Settings()
    sampler.start_stage()
    total = time.perf_counter()
    docs = []
    with ProcessPoolExecutor(max_workers=2) as pool:
        jobs = []
        for rel, info in corpus_files(corpus):
            if info["kind"] != "pdf":
                continue
            fetched = fetch_file(str(corpus / rel), settings)
            ranges = pdf_ranges(fetched, settings)
            if ranges is None:
                jobs.append((rel, fetched, pool.submit(read_document, fetched, settings), None))
            else:
                jobs.append((rel, fetched, None, [pool.submit(_read_part, (fetched, a, b, settings))
                                                  for a, b in ranges]))
        for rel, fetched, whole, parts in jobs:
            doc = whole.result() if whole else join_pdf_parts(fetched, [f.result() for f in parts], settings)
            docs.append({"file": rel, "pages": len(doc.pages), "chars_out": len(doc.text),
                         "ranges": len(parts) if parts else 1, "status": doc.status.value})
    read = stage("read", sampler, docs, time.perf_counter() - total, split_pages=settings.split_pages)
    return {"stages": {"read": read}, "documents": docs}


def _cpu_of(pid: int) -> float:
    return process_tree(pid).get(pid, 0.0)


def worker_prefect(_corpus: Path, sampler: StagePeak) -> dict:
    """A temporary Prefect server's start and stop, and Prefect's cost per task run: a flow of no tasks and one of
    TASKS_PER_FLOW no-op tasks, on threads and on the project's process runner, each called after a first call."""
    from flows.runtime.runners import make_runner
    from flows.runtime.server import LocalApi

    t = time.perf_counter()
    api = LocalApi.start()
    api.wait()
    start_s = time.perf_counter() - t
    out: dict = {"server_start_s": round(start_s, 3)}
    try:
        from prefect import flow, task
        from prefect.cache_policies import NO_CACHE
        from prefect.settings import PREFECT_API_URL, temporary_settings
        from prefect.task_runners import ThreadPoolTaskRunner

        os.environ["PREFECT_API_URL"] = api.url

        @task(cache_policy=NO_CACHE, persist_result=False)
        def noop(i: int) -> int:
            return i

        def tasks(n: int, server: int) -> tuple[float, float, float, float]:
            """FIRST_TASKS tasks (the runner's workers start), then n timed: (first s, wall s, client CPU s,
            server CPU s) of the n."""
            t = time.perf_counter()
            [f.result() for f in [noop.submit(i) for i in range(FIRST_TASKS)]]
            first = time.perf_counter() - t
            server_cpu, cpu, t = _cpu_of(server), time.process_time(), time.perf_counter()
            [f.result() for f in [noop.submit(i) for i in range(n)]]
            return (first, time.perf_counter() - t, time.process_time() - cpu, _cpu_of(server) - server_cpu)

        with temporary_settings(updates={PREFECT_API_URL: api.url}):
            for kind, runner in (("thread", lambda: ThreadPoolTaskRunner(max_workers=2)),
                                 ("process", lambda: make_runner("process", 2))):
                fl = flow(name=f"bench-{kind}", persist_result=False)(tasks)
                t = time.perf_counter()
                fl.with_options(task_runner=runner())(0, api.process.pid)  # the first flow call in this process
                first_flow = time.perf_counter() - t
                t = time.perf_counter()
                first, wall, cpu, server_cpu = fl.with_options(task_runner=runner())(TASKS_PER_FLOW, api.process.pid)
                out[f"{kind}_runner"] = {"flow_s": round(time.perf_counter() - t - first - wall, 3),
                                         "first_flow_s": round(first_flow, 3), "first_tasks_s": round(first, 3),
                                         "per_task_ms": round(wall / TASKS_PER_FLOW * 1000, 1),
                                         "client_cpu_per_task_ms": round(cpu / TASKS_PER_FLOW * 1000, 1),
                                         "server_cpu_per_task_ms": round(server_cpu / TASKS_PER_FLOW * 1000, 1)}
    finally:
        t = time.perf_counter()
        api.stop()
        out["server_stop_s"] = round(time.perf_counter() - t, 3)
    return out


NAME_LISTS = (("municipalities (gazetteer)", "extractors.language.gazetteer", "_table"),
              ("readings", "extractors.language.readings", "_table"),
              ("banks (zengin-code)", "extractors.language.institutions", "_zengin"),
              ("local bodies (linking)", "extractors.records.linking", "local_bodies"),
              ("prefectures by romaji (linking)", "extractors.records.linking", "prefectures_by_romaji"))


def worker_names(_corpus: Path, sampler: StagePeak) -> dict:
    """Each name list loaded once, in the order a run loads them; seconds each (the cache of name lists, if any,
    as this process finds it)."""
    import importlib

    out = {}
    for label, module, name in NAME_LISTS:
        fn = getattr(importlib.import_module(module), name)
        t = time.perf_counter()
        fn()
        out[label] = round(time.perf_counter() - t, 3)
    return out


WORKERS = {"bare": worker_bare, "naive": worker_naive, "ours": worker_ours, "read2": worker_read2,
           "prefect": worker_prefect, "names": worker_names}


def run_worker(name: str, corpus: Path, result: Path) -> int:
    sampler = StagePeak()
    sampler.start()
    out = WORKERS[name](corpus, sampler)
    sampler.stop()
    import resource

    out["ru_maxrss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB, 1)
    result.write_text(json.dumps(out, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


# ---------------------------------------------------------------- the parent: measurements

def measure_worker(name: str, corpus: Path, tmp: Path, poll: float, env: dict | None = None, label: str = "") -> dict:
    label = label or name
    result = tmp / f"{label}.json"
    log(f"{label}: running in a fresh process ...")
    proc = run_measured([sys.executable, str(Path(__file__).resolve()), "--worker", name, "--corpus-dir", str(corpus),
                         "--result", str(result)], env, tmp / f"{label}.log", poll)
    if proc["returncode"] != 0 or not result.exists():
        log(f"{label}: FAILED (exit {proc['returncode']})\n{tail(proc['log'])}")
        return {"process": proc, "failed": True}
    out = json.loads(result.read_text(encoding="utf-8"))
    out["process"] = proc
    log(f"{label}: done in {proc['wall_s']:.1f} s, peak {proc['peak_tree_rss_mb']:.0f} MB")
    return out


def _installed_from() -> Path | None:
    """The folder the project is installed from in editable mode (pip's direct_url.json), if it is."""
    texts = [d.read_text("direct_url.json") for d in metadata.distributions(name="chusho-extract")]  # (not a
    try:  # checkout's own chusho_extract.egg-info, which says nothing of it)
        info = json.loads(next((t for t in texts if t), "{}"))
    except ValueError:
        return None
    url = info.get("url", "")
    return Path(urllib.parse.unquote(urllib.parse.urlsplit(url).path)).resolve() if url.startswith("file:") else None


def cli_command(inputs: list[str], out: Path, cli_args: list[str], root: Path = ROOT) -> list[str]:
    """The command line of a run: the installed command when it runs `root`'s code, else (another checkout,
    `--base`, or this script in a copy of the project) `python -m cli.main`, run in `root` (`run_measured`'s
    working folder), so that its own modules are imported (the working folder comes first on the module path)."""
    exe = Path(sys.executable).parent / "chusho-extract"
    base = [str(exe)] if exe.exists() and root == ROOT == _installed_from() else [sys.executable, "-m", "cli.main"]
    return base + ["run", *inputs, "--out", str(out), "--quiet", *cli_args]


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def run_env(**more: str) -> dict:
    """The environment of a measured run: no PREFECT_API_URL, and no running server found (CHUSHO_LOCAL_API at a
    dead address unless one is given), so that each run starts its own temporary server."""
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.setdefault("CHUSHO_LOCAL_API", DEAD_API)
    env.update(more)
    return env


def measure_cli(label: str, inputs: list[str], cache: Path, tmp: Path, cli_args: list[str], poll: float,
                root: Path = ROOT, **env_more: str) -> dict:
    out = tmp / f"out-{label}"
    env = run_env(CHUSHO_CACHE_DIR=str(cache), **env_more)
    log(f"cli {label}: {' '.join(shlex.quote(c) for c in cli_command(['...'], out, cli_args, root))} "
        f"(CHUSHO_CACHE_DIR={cache}{'' if root == ROOT else f', in {root}'}) ...")
    proc = run_measured(cli_command(inputs, out, cli_args, root), env, tmp / f"cli-{label}.log", poll, root)
    docs = read_jsonl(out / "documents.jsonl")
    records = read_jsonl(out / "records.jsonl")
    res = {"process": proc, "out": str(out), "cache_dir": str(cache),
           "documents_ok": sum(1 for d in docs if d.get("status") == "ok"), "documents": len(docs),
           "chars_out": sum(len(d.get("text") or "") for d in docs), "records": len(records),
           "summary": tail(proc["log"], 1)}
    if proc["returncode"] != 0:
        res["failed"] = True
        log(f"cli {label}: FAILED (exit {proc['returncode']})\n{tail(proc['log'])}")
    else:
        log(f"cli {label}: done in {proc['wall_s']:.1f} s, peak {proc['peak_tree_rss_mb']:.0f} MB "
            f"(sum of PSS {proc['peak_tree_pss_mb']:.0f} MB), "
            f"{proc['cores_busy']} cores busy")
    return res


def _median_index(runs: list[dict]) -> int:
    """The index of the run of median wall time (the lower of the two middle ones)."""
    order = sorted(range(len(runs)), key=lambda i: runs[i]["process"]["wall_s"])
    return order[(len(order) - 1) // 2]


def side_by_side(inputs: list[str], tmp: Path, cli_args: list[str], poll: float, base: Path, repeat: int) -> dict:
    """The whole corpus `repeat` times by the base checkout's CLI and ours, interleaved (base first in every
    other pair), each a fresh process with its own temporary server and the timeline on."""
    res: dict[str, list] = {"base": [], "ours": []}
    for i in range(repeat):
        for who, root in ((("base", base), ("ours", ROOT)) if i % 2 == 0 else (("ours", ROOT), ("base", base))):
            res[who].append(measure_cli(f"nocache-{who}-{i}", inputs, tmp / "cache-unused", tmp, cli_args, poll, root,
                                        CHUSHO_TIMELINE="1"))
    return res


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def measure_small(doc: Path, tmp: Path, repeat: int, poll: float, base: Path | None = None) -> dict:
    """One small page, cold, `--no-cache`: with no Prefect server running (the run starts a temporary one) and
    with one running (found through CHUSHO_LOCAL_API), beside the model-load floor (`spacy.load("ja_ginza")`
    and one sentence), each a fresh process, `repeat` times, interleaved; medians. With `base` (another
    checkout), its runs too, interleaved with ours (`base-cold`, `base-running`), each pair in turn order."""
    from statistics import median

    floor_cmd = [sys.executable, "-c", f"import spacy; nlp = spacy.load('ja_ginza'); nlp({ONE_SENTENCE!r})"]
    out = tmp / "out-small"
    rows: dict[str, list[dict]] = {"floor": [], "cold": [], "running": []}
    runs = [("", ROOT)]
    if base is not None:
        rows.update({"base-cold": [], "base-running": []})
        runs.append(("base-", base))

    def pair(i: int) -> list[tuple[str, Path]]:  # base first in every other pair
        return runs if i % 2 else runs[::-1]

    port = _free_port()
    log(f"small page: {repeat} x (floor, run with no server running{', base and ours' if base else ''}); then a "
        f"server on port {port} and {repeat} x run with it running ...")
    for i in range(repeat):
        rows["floor"].append(run_measured(floor_cmd, run_env(), tmp / f"floor-{i}.log", poll))
        for who, root in pair(i):
            shutil.rmtree(out, ignore_errors=True)
            rows[f"{who}cold"].append(run_measured(cli_command([str(doc)], out, ["--no-cache"], root),
                                                   run_env(CHUSHO_TIMELINE="1"), tmp / f"small-{who}cold-{i}.log",
                                                   poll, root))
    server = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
                               "--host", "127.0.0.1", "--port", str(port), "--log-level", "error"],
                              env=run_env(PREFECT_UI_ENABLED="0"), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL, cwd=ROOT, start_new_session=True)
    api = f"http://127.0.0.1:{port}/api"
    try:
        from flows.runtime.server import api_healthy

        deadline = time.monotonic() + 120
        while not api_healthy(api) and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)
        for i in range(repeat + 1):  # the first run on a server that just started is not counted
            for who, root in pair(i):
                shutil.rmtree(out, ignore_errors=True)
                r = run_measured(cli_command([str(doc)], out, ["--no-cache"], root),
                                 run_env(CHUSHO_LOCAL_API=api, CHUSHO_TIMELINE="1"),
                                 tmp / f"small-{who}running-{i}.log", poll, root)
                if i:
                    rows[f"{who}running"].append(r)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
    res = {"doc": str(doc), "repeat": repeat}
    for k, rs in rows.items():
        ok = [r for r in rs if r["returncode"] == 0]
        res[k] = {"median_s": round(median(r["wall_s"] for r in ok), 3) if ok else None,
                  "runs_s": [r["wall_s"] for r in rs], "failed": len(rs) - len(ok),
                  "peak_mb": max((r["peak_tree_rss_mb"] for r in rs), default=None),
                  "timeline": timeline(rs[-1]["log"]) if k != "floor" and rs else None}
    return res


def timeline(log_path: str | Path) -> list[tuple[float, str]]:
    """The `[timeline] 1.23 s  what` lines of a run's log (CHUSHO_TIMELINE=1), as (seconds, what)."""
    import re

    out = []
    for line in Path(log_path).read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"\[timeline\]\s+([\d.]+) s  (.*)", line)
        if m:
            out.append((float(m.group(1)), m.group(2)))
    return out


def where_time_goes(lines: list[tuple[float, str]], long_uris: frozenset[str]) -> dict:
    """From a whole-corpus run's timeline: the seconds before the flow, when the last small document's task and
    the long document's page ranges and drafts ended, the records, the output writing and the end (flow end and
    server stop)."""
    def first(prefix: str) -> float | None:
        return next((t for t, what in lines if what.startswith(prefix)), None)

    def long(what: str) -> bool:
        return any(what.endswith(uri) for uri in long_uris)

    done = [(t, what[len("task done: "):]) for t, what in lines if what.startswith("task done: ")]
    small = [t for t, what in done if what.startswith("document ") and not long(what)]
    ranges = [t for t, what in done if what.startswith("pages ") and long(what)]
    drafts = [t for t, what in done if what.startswith("drafts of ") and long(what)]
    out = {"command_checked": first("command checked"), "server_answers": first("Prefect server answers"),
           "flow_running": first("flow run running"), "last_small_document": max(small, default=None),
           "long_ranges": sorted(ranges) or None, "long_document": max(drafts, default=None),
           "records_built": first("records built"), "output_written": first("output folder written"),
           "flow_ended": first("flow ended")}
    return {k: v for k, v in out.items() if v is not None}


# ---------------------------------------------------------------- report

def part_totals(files: list[tuple[str, dict]]) -> dict:
    def tot(sel):
        return {"documents": len(sel), "pages": sum(i["pages"] for _r, i in sel),
                "chars": sum(i["chars"] or 0 for _r, i in sel)}

    return {"all": tot(files), "pdf": tot([f for f in files if f[1]["kind"] == "pdf"]),
            "samples": tot([f for f in files if f[1]["part"] == "samples"]),
            "long": tot([f for f in files if f[1]["part"] == "long"])}


def row(name: str, part: str | None, totals: dict, seconds: float | None, peak_mb: float | None, note: str = "") -> dict:
    r = {"name": name, "part": part, "seconds": seconds, "peak_mb": peak_mb, "note": note}
    if part and seconds:
        t = totals[part]
        r.update({"docs_per_s": t["documents"] / seconds, "pages_per_s": t["pages"] / seconds,
                  "chars_per_s": t["chars"] / seconds})
    return r


def fmt(v, spec: str, width: int) -> str:
    return format(v, spec).rjust(width) if isinstance(v, (int, float)) else "-".rjust(width)


def print_table(rows: list[dict], totals: dict) -> None:
    print()
    print("Corpus parts (rates below use these counts; an HTML page counts as one page):")
    for part in ("all", "pdf", "samples", "long"):
        t = totals[part]
        print(f"  {part:8s} {t['documents']:4d} documents {t['pages']:5d} pages {t['chars']:9,d} content chars")
    print()
    head = f"{'measurement':46s} {'part':5s} {'wall s':>8s} {'docs/s':>8s} {'pages/s':>8s} {'chars/s':>9s} {'peak MB':>8s}  note"
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['name']:46s} {(r['part'] or ''):5s} {fmt(r['seconds'], '.2f', 8)} {fmt(r.get('docs_per_s'), '.2f', 8)} "
              f"{fmt(r.get('pages_per_s'), '.2f', 8)} {fmt(r.get('chars_per_s'), ',.0f', 9)} "
              f"{fmt(r['peak_mb'], '.0f', 8)}  {r['note']}")


def versions_info() -> dict:
    info = {"python": platform.python_version(), "implementation": platform.python_implementation(),
            "platform": platform.platform(), "cpu_count": os.cpu_count(),
            "cpus_usable": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else None}
    for name in PACKAGES:
        try:
            info[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            info[name] = None
    try:
        from extractors.versions import versions

        info["chusho-extract"] = versions()["code"]
    except Exception as exc:  # the report must not fail over a version string
        info["chusho-extract"] = f"unknown ({exc})"
    return info


def loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def report(m: dict, totals: dict, long_uris: frozenset[str], cli_args: list[str]) -> dict:
    rows: list[dict] = []
    ratios: dict = {}
    targets: list[dict] = []
    bare, naive, ours = m.get("bare"), m.get("naive"), m.get("ours")
    ok = lambda x: x and not x.get("failed")  # noqa: E731

    if ok(bare):
        s = bare["stages"]["extract"]
        rows.append(row("(b) bare pdfplumber extract_text", "pdf", totals, s["seconds"], s["peak_rss_mb"],
                        f"{s['chars_out']:,} chars out"))
        rows.append(row("(b) bare pdfplumber, whole process", "pdf", totals, bare["process"]["wall_s"],
                        bare["process"]["peak_tree_rss_mb"],
                        f"incl. interpreter start and imports; cpu {bare['process']['cpu_s']:.0f} s"))
    if ok(naive):
        st = naive["stages"]
        rows.append(row("(a) naive: extract (pdfplumber + HTML reader)", "all", totals, st["extract"]["seconds"],
                        st["extract"]["peak_rss_mb"], f"{st['extract']['chars_out']:,} chars out"))
        rows.append(row("(a) naive: load ja_ginza", None, totals, st["load"]["seconds"], st["load"]["peak_rss_mb"]))
        rows.append(row("(a) naive: full ja_ginza over every char", "all", totals, st["nlp"]["seconds"],
                        st["nlp"]["peak_rss_mb"], f"{st['nlp']['tokens']:,} tokens"))
        rows.append(row("(a) naive end to end (whole process)", "all", totals, naive["process"]["wall_s"],
                        naive["process"]["peak_tree_rss_mb"], f"cpu {naive['process']['cpu_s']:.0f} s"))
    if ok(ours):
        st = ours["stages"]
        rec = st["records"]
        rows.append(row("(c) ours: read (fetch + read_document)", "all", totals, st["read"]["seconds"],
                        st["read"]["peak_rss_mb"], f"{st['read']['chars_out']:,} chars out"))
        rows.append(row("(c) ours: load ja_ginza + rules", None, totals, st["load"]["seconds"], st["load"]["peak_rss_mb"],
                        f"spacy.load {st['load']['nlp_s']:.1f} s, SpanRuler {st['load']['seconds'] - st['load']['nlp_s']:.1f} s"))
        rows.append(row("(c) ours: records (drafts + build_records)", "all", totals, rec["seconds"], rec["peak_rss_mb"],
                        f"rules {rec['rules_s']:.1f} s, NER {rec['ner_s']:.1f} s, build {rec['build_records_s']:.1f} s, "
                        f"other {rec['other_s']:.1f} s"))
        work = st["read"]["seconds"] + st["load"]["seconds"] + rec["seconds"]
        rows.append(row("(c) ours: in-process total (read+load+records)", "all", totals, work,
                        ours["process"]["peak_tree_rss_mb"],
                        f"no Prefect; whole process {ours['process']['wall_s']:.1f} s, cpu {ours['process']['cpu_s']:.0f} s"))
    read2 = m.get("read2")
    if ok(read2):
        s = read2["stages"]["read"]
        rows.append(row("(c) ours: read the PDFs, two worker processes", "pdf", totals, s["seconds"],
                        read2["process"]["peak_tree_rss_mb"],
                        f"page ranges of {s['split_pages']} pages; cpu {read2['process']['cpu_s']:.0f} s"))
    for key, name, part in (("cli-pdf", "(c) ours CLI, PDF part, first run", "pdf"),
                            ("cli-nocache", "(c) ours CLI end to end, --no-cache", "all"),
                            ("cli-first", "(c) ours CLI end to end, first run", "all"),
                            ("cli-rerun", "(c) ours CLI end to end, rerun", "all")):
        c = m.get(key)
        if c:
            p = c["process"]
            note = (f"{c['documents_ok']}/{c['documents']} ok, {c['records']} records, cpu {p['cpu_s']:.0f} s, "
                    f"{p['cores_busy']} cores busy")
            rows.append(row(name, part, totals, None if c.get("failed") else p["wall_s"], p["peak_tree_rss_mb"],
                            note + (" FAILED" if c.get("failed") else "")))
    print_table(rows, totals)

    def target(name: str, value: float | None, goal: float, higher: bool, detail: str) -> None:
        met = None if value is None else (value >= goal if higher else value <= goal)
        targets.append({"target": name, "value": value, "goal": goal, "higher_is_better": higher, "met": met,
                        "detail": detail})

    first, rerun, cli_pdf = m.get("cli-first"), m.get("cli-rerun"), m.get("cli-pdf")
    e2e = m.get("cli-nocache") if ok(m.get("cli-nocache")) else first
    if ok(naive) and ok(e2e):
        v = naive["process"]["wall_s"] / e2e["process"]["wall_s"]
        ratios["e2e_ours_vs_naive_throughput"] = v
        which = "--no-cache" if e2e is m.get("cli-nocache") else "first run"
        target("ours end to end vs naive throughput", v, TARGETS["e2e_vs_naive"], True,
               f"naive process {naive['process']['wall_s']:.1f} s / ours CLI {which} {e2e['process']['wall_s']:.1f} s")
    if ok(naive) and ok(ours):
        ratios["records_stage_vs_naive_nlp"] = naive["stages"]["nlp"]["seconds"] / ours["stages"]["records"]["seconds"]
        ratios["inprocess_ours_vs_naive"] = (
            (naive["stages"]["extract"]["seconds"] + naive["stages"]["load"]["seconds"] + naive["stages"]["nlp"]["seconds"])
            / (ours["stages"]["read"]["seconds"] + ours["stages"]["load"]["seconds"] + ours["stages"]["records"]["seconds"]))
    if ok(bare) and ok(cli_pdf):
        ratios["pdf_ours_total_vs_bare"] = cli_pdf["process"]["wall_s"] / bare["stages"]["extract"]["seconds"]
    if ok(bare) and ok(ours):
        bare_s = bare["stages"]["extract"]["seconds"]
        pdf_docs = [d for d in ours["documents"] if d["kind"] == "pdf"]
        work = sum(d["read_s"] + d["drafts_s"] for d in pdf_docs)
        ratios["pdf_ours_inprocess_vs_bare"] = work / bare_s
        v = sum(d["read_s"] for d in pdf_docs) / bare_s
        ratios["pdf_ours_read_vs_bare"] = v
        target("ours PDF reading on one core vs bare pdfplumber (time ratio)", v, TARGETS["pdf_read_vs_bare"], False,
               f"ours read_document on the PDFs {v * bare_s:.1f} s / bare {bare_s:.1f} s, both one process")
    if ok(bare) and ok(m.get("read2")):
        bare_s = bare["stages"]["extract"]["seconds"]
        v = m["read2"]["stages"]["read"]["seconds"] / bare_s
        ratios["pdf_ours_read2_vs_bare"] = v
        target("ours PDF reading with two workers vs bare pdfplumber (time ratio)", v, TARGETS["pdf_read2_vs_bare"],
               False, f"{m['read2']['stages']['read']['seconds']:.1f} s / bare {bare_s:.1f} s; goal: below 1 (faster)")
    if ok(first) and ok(rerun):
        v = first["process"]["wall_s"] / rerun["process"]["wall_s"]
        ratios["first_vs_rerun"] = v
        target("rerun speed-up (first run / rerun)", v, TARGETS["first_vs_rerun"], True,
               f"{first['process']['wall_s']:.1f} s / {rerun['process']['wall_s']:.1f} s; "
               f"rerun records identical: {m.get('rerun_identical')}")
        target("rerun wall time, s", rerun["process"]["wall_s"], TARGETS["rerun_s"], False,
               "the same inputs into the same output folder's cache: written from the cache, no flow run")
    cli_keys = [k for k in ("cli-pdf", "cli-nocache", "cli-first", "cli-rerun") if ok(m.get(k))]
    if cli_keys:
        peak = max(m[k]["process"]["peak_tree_rss_mb"] for k in cli_keys)
        pss = max(m[k]["process"].get("peak_tree_pss_mb", 0) for k in cli_keys)
        bound = max(m[k]["process"].get("sum_vmhwm_mb", 0) for k in cli_keys)
        largest = max(m[k]["process"].get("largest_process_mb", 0) for k in cli_keys)
        busy = max(m[k]["process"]["cores_busy"] or 0 for k in cli_keys)
        target("peak memory of ours (sum of PSS over the process tree, sampled), MB", pss, MEMORY_LIMIT_MB, False,
               f"max over the CLI runs; sum of RSS {peak:.0f} MB (shared pages counted once per process); "
               f"sum of each process's own peak RSS (VmHWM) {bound:.0f} MB; "
               f"largest process {largest:.0f} MB; CLI args {shlex.join(cli_args) or 'none'}; at most {busy} cores "
               "busy (CPU s / wall s)"
               + ("" if busy >= 1.6 else "; ours did not keep both cores busy, so this does not check the 2-core case"))
    small = m.get("small")
    if small and small["floor"]["median_s"]:
        floor = small["floor"]["median_s"]
        for key, goal, what in (("cold", "small_cold_vs_floor", "no Prefect server running"),
                                ("running", "small_running_vs_floor", "a Prefect server running")):
            if small[key]["median_s"]:
                v = small[key]["median_s"] / floor
                ratios[f"small_{key}_vs_floor"] = v
                target(f"one small page, cold, {what}, vs the model-load floor (time ratio)", v, TARGETS[goal], False,
                       f"{small[key]['median_s']:.2f} s / floor {floor:.2f} s (medians of {small['repeat']}; runs "
                       f"{small[key]['runs_s']}, floor {small['floor']['runs_s']})")

    print()
    print("Ratios (higher = ours faster, except where noted):")
    labels = {
        "e2e_ours_vs_naive_throughput": "ours end to end vs naive, throughput (CLI first run vs naive process)",
        "records_stage_vs_naive_nlp": "ours records stage vs naive full-NLP stage, throughput",
        "inprocess_ours_vs_naive": "ours in-process (read+load+records) vs naive (extract+load+nlp), throughput",
        "pdf_ours_total_vs_bare": "ours CLI time on the PDF part / bare pdfplumber time (lower is better)",
        "pdf_ours_inprocess_vs_bare": "ours in-process read+records on the PDFs / bare pdfplumber (lower is better)",
        "pdf_ours_read_vs_bare": "ours read stage on the PDFs / bare pdfplumber (lower is better)",
        "pdf_ours_read2_vs_bare": "ours PDF reading on two worker processes / bare pdfplumber (lower is better)",
        "first_vs_rerun": "first run / rerun time",
        "small_cold_vs_floor": "one small page, cold, no server running / model-load floor (lower is better)",
        "small_running_vs_floor": "one small page, cold, a server running / model-load floor (lower is better)",
    }
    for k, v in ratios.items():
        print(f"  {v:8.2f}x  {labels[k]}")
    print()
    print("Targets:")
    for t in targets:
        mark = {True: "met", False: "NOT met", None: "n/a"}[t["met"]]
        cmp = ">=" if t["higher_is_better"] else "<="
        val = f"{t['value']:.2f}" if t["value"] is not None else "-"
        print(f"  [{mark:7s}] {t['target']}: {val} (goal {cmp} {t['goal']:g}) - {t['detail']}")

    print_where(m, long_uris)

    accuracy = {}
    if ok(ours):
        accuracy["in_process_samples_only"] = ours["accuracy_samples"]
        accuracy["in_process_whole_corpus"] = ours["accuracy_whole_corpus"]
    if ok(first):
        accuracy["cli_first_run"] = samples_accuracy(read_jsonl(Path(first["out"]) / "records.jsonl"), long_uris)
    if accuracy:
        print()
        print("Accuracy of ours on the samples part (micro field F1, extractors.records.evaluate.score vs the gold of "
              "samples/ and ../shared):")
        for where, acc in accuracy.items():
            what = {"in_process_samples_only": "samples alone (in process)",
                    "in_process_whole_corpus": "whole corpus in process, sample records (long-PDF sources set aside)",
                    "cli_first_run": "CLI run on the whole corpus, sample records (long-PDF sources set aside)"}[where]
            line = ", ".join(f"{c} {a['micro_f1']:.4f} (records F1 " + "/".join(f"{v:.2f}" for v in a["records_f1"].values())
                             + ")" for c, a in acc.items()
                             if a["micro_f1"] or any(a["records_f1"].values()))  # (a gold corpus not in this one: left out)
            print(f"  {what}: {line}")
    return {"rows": rows, "ratios": ratios, "targets": targets, "accuracy": accuracy}


def print_side_by_side(m: dict, long_uris: frozenset[str], base: Path) -> None:
    """The base checkout's runs and ours, pair by pair, and their medians (`--base`)."""
    from statistics import median

    print()
    print(f"Side by side (--base {base}), load average now {loadavg()}:")
    sbs = m.get("side-by-side")
    naive = m.get("naive")
    if sbs:
        print("  whole corpus --no-cache, pair by pair: wall s, CPU s (server, command), flow running, last small "
              "document, long document's drafts")
        for i, pair in enumerate(zip(sbs["base"], sbs["ours"])):
            cells = []
            for c in pair:
                p = c["process"]
                roles = p.get("by_role") or {}
                cpu = lambda role: (roles.get(role) or {}).get("cpu_s", 0)  # noqa: E731
                w = where_time_goes(timeline(p["log"]), long_uris)
                cells.append(f"{p['wall_s']:5.2f} s, CPU {p['cpu_s']:4.1f} ({cpu('Prefect server'):.1f}, "
                             f"{cpu('command'):.1f}), flow {w.get('flow_running', 0):.2f}, last small "
                             f"{w.get('last_small_document', 0):.2f}, long {w.get('long_document', 0):.2f}"
                             + (" FAILED" if c.get("failed") else ""))
            print(f"    {i + 1}. base {cells[0]}\n       ours {cells[1]}")
        for who in ("base", "ours"):
            ok = [c["process"] for c in sbs[who] if not c.get("failed")]
            if ok:
                wall = median(p["wall_s"] for p in ok)
                ratio = f", {naive['process']['wall_s'] / wall:.2f}x naive" if naive and not naive.get("failed") else ""
                print(f"  median {who}: {wall:.2f} s wall{ratio}, {median(p['cpu_s'] for p in ok):.1f} CPU s "
                      f"(of {len(ok)} runs)")
    small = m.get("small")
    if small and "base-cold" in small:
        floor = small["floor"]["median_s"]
        for key in ("cold", "running"):
            b, o = small[f"base-{key}"], small[key]
            if b["median_s"] and o["median_s"] and floor:
                print(f"  one small page, {'no server running' if key == 'cold' else 'a server running'}: base "
                      f"{b['median_s']:.2f} s ({b['median_s'] / floor:.2f}x the floor {floor:.2f} s), ours "
                      f"{o['median_s']:.2f} s ({o['median_s'] / floor:.2f}x); runs base {b['runs_s']}, ours "
                      f"{o['runs_s']}")


def print_where(m: dict, long_uris: frozenset[str]) -> None:
    """Where the time goes: the whole-corpus run's timeline, Prefect's costs, the name lists, the small page."""
    lines = []
    run = m.get("cli-nocache")
    if run and not run.get("failed"):
        w = where_time_goes(timeline(run["process"]["log"]), long_uris)
        m["where"] = w
        get = w.get
        if get("flow_running") is not None:
            lines.append(f"whole corpus, --no-cache ({run['process']['wall_s']:.1f} s): the flow runs at "
                         f"{get('flow_running'):.1f} s (the command checked at {get('command_checked', 0):.1f} s, the "
                         f"temporary server answering at {get('server_answers', 0):.1f} s)")
        if get("last_small_document") is not None and get("long_document") is not None:
            ranges = ", ".join(f"{t:.1f}" for t in get("long_ranges") or [])
            later = get("long_document") - get("last_small_document")
            lines.append(f"  last small document done at {get('last_small_document'):.1f} s; the long PDF's page "
                         f"ranges at {ranges or '-'} s, its drafts at {get('long_document'):.1f} s: "
                         + (f"{later:.1f} s after the last small document" if later >= 0 else
                            f"{-later:.1f} s before the last small document (beside them)"))
        roles = run["process"].get("by_role") or {}
        if roles:
            lines.append("  CPU s and peak MB by process: " + "; ".join(
                f"{role} ({r['processes']}) {r['cpu_s']:.1f} s, {r['vmhwm_mb']:.0f} MB"
                for role, r in sorted(roles.items(), key=lambda kv: -kv[1]["cpu_s"]))
                + f" (in all {run['process']['cpu_s']:.1f} CPU s; CPU as last seen, up to 0.5 s before each exit)")
        if get("records_built") is not None:
            last_doc = max(get("last_small_document", 0), get("long_document", 0))
            lines.append(f"  records built in {get('records_built') - last_doc:.2f} s, output written in "
                         f"{get('output_written', 0) - get('records_built'):.2f} s, then the flow's end and the "
                         f"server's stop {get('flow_ended', 0) - get('output_written', 0):.2f} s "
                         f"(process exits at {run['process']['wall_s']:.1f} s)")
    pf = m.get("prefect")
    if pf and not pf.get("failed"):
        lines.append(f"temporary Prefect server: start {pf['server_start_s']:.2f} s (until it answers), stop "
                     f"{pf['server_stop_s']:.2f} s")
        for kind in ("thread", "process"):
            if f"{kind}_runner" in pf:
                k = pf[f"{kind}_runner"]
                lines.append(f"Prefect per task run, {kind} runner: {k['per_task_ms']:.1f} ms wall (client CPU "
                             f"{k['client_cpu_per_task_ms']:.1f} ms, server CPU {k['server_cpu_per_task_ms']:.1f} ms); "
                             f"a flow's own cost {k['flow_s']:.2f} s; its first {FIRST_TASKS} tasks (the workers' "
                             f"start) {k.get('first_tasks_s', 0):.2f} s")
    for key, what in (("names-cold", "name lists, no cache"), ("names-warm", "name lists, cached")):
        nm = m.get(key)
        if nm and not nm.get("failed"):
            parts = {label: nm[label] for label, _module, _name in NAME_LISTS if label in nm}
            lines.append(f"{what}: {sum(parts.values()):.2f} s in all (" +
                         ", ".join(f"{k} {v:.2f}" for k, v in parts.items()) + ")")
    small = m.get("small")
    if small:
        for key in ("cold", "running"):
            tl = small[key].get("timeline") or []
            if tl:
                lines.append(f"small page, {key}: " + "; ".join(f"{t:.1f} {what[:48]}" for t, what in tl))
    if lines:
        print()
        print("Where the time goes (seconds since the command's start unless said):")
        for line in lines:
            print("  " + line)


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 2)[1])
    ap.add_argument("--corpus", choices=("own", "full", "quick"), default="own",
                    help="own (default): the samples the project wrote, each also published the other way, and one "
                    "150-page PDF of our filler; full, quick: made from the texts of ../shared")
    ap.add_argument("--quick", action="store_true", help="the same as --corpus quick")
    ap.add_argument("--measure", default=",".join(DEFAULT_MEASURES),
                    help=f"comma-separated subset of {','.join(MEASURES)} (default: {','.join(DEFAULT_MEASURES)})")
    ap.add_argument("--repeat", type=int, default=3, help="runs of each small-page measurement (median; default 3)")
    ap.add_argument("--cli-args", default="", help='extra arguments for `chusho-extract run`, e.g. "--workers 2"')
    ap.add_argument("--json", type=Path, metavar="PATH", help="also write every figure as JSON")
    ap.add_argument("--corpus-root", type=Path, default=BENCH / ".corpus", help="where corpora are cached")
    ap.add_argument("--rebuild-corpus", action="store_true", help="rebuild the corpus even if it is current")
    ap.add_argument("--poll", type=float, default=0.1, help="process-tree RSS polling interval, s (default 0.1)")
    ap.add_argument("--keep-tmp", action="store_true", help="keep the temporary outputs, caches and logs")
    ap.add_argument("--base", type=Path, metavar="DIR",
                    help="another checkout of the project (say, the branch a change is made on, exported with git "
                    "archive): its CLI (`python -m cli.main` in DIR, this interpreter) measured beside ours, "
                    "interleaved: cli-nocache --repeat times each, and the small page's runs; printed side by side")
    ap.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    ap.add_argument("--corpus-dir", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return run_worker(args.worker, args.corpus_dir, args.result)

    measures = [x.strip() for x in args.measure.split(",") if x.strip()]
    unknown = set(measures) - set(MEASURES)
    if unknown:
        ap.error(f"unknown measurement(s): {', '.join(sorted(unknown))}")
    cli_args = shlex.split(args.cli_args)
    base = args.base.resolve() if args.base else None
    if base is not None and not (base / "cli" / "main.py").is_file():
        ap.error(f"--base {args.base}: not a checkout of the project (no cli/main.py)")

    from corpus import ensure_corpus

    started = time.perf_counter()
    corpus_name = "quick" if args.quick else args.corpus
    corpus_dir, manifest = ensure_corpus(corpus_name, args.corpus_root, args.rebuild_corpus, log=log)
    files = sorted(manifest["files"].items())
    totals = part_totals(files)
    info = versions_info()
    meta = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "corpus_name": corpus_name,
            "corpus": str(corpus_dir), "cli_args": cli_args, "loadavg_start": loadavg(), **info}
    print(f"chusho-extract benchmark, {meta['date']}, {corpus_name} corpus: {corpus_dir}")
    print(f"machine: {info['cpu_count']} CPUs ({info['cpus_usable']} usable), {info['platform']}, "
          f"load average {meta['loadavg_start']}")
    print("versions: Python " + info["python"] + ", " + ", ".join(f"{k} {info[k]}" for k in ("chusho-extract", *PACKAGES)))
    for rel, i in files:
        if i["part"] == "long":
            print(f"  {rel}: {i['pages']} pages, {i['chars']:,} chars, {i.get('columns', 1)} column(s), "
                  f"{i.get('relevant_paragraphs')} relevant paragraphs")
    sys.stdout.flush()

    tmp = Path(tempfile.mkdtemp(prefix="chusho-bench-"))
    m: dict = {}
    try:
        for name in ("bare", "naive", "ours", "read2"):
            if name in measures:
                m[name] = measure_worker(name, corpus_dir, tmp, args.poll)
        all_inputs = [str(corpus_dir)]
        pdf_inputs = [str(corpus_dir / rel) for rel, i in files if i["kind"] == "pdf"]
        if "cli-pdf" in measures:
            m["cli-pdf"] = measure_cli("pdf", pdf_inputs, tmp / "cache-pdf", tmp, cli_args, args.poll)
        if "cli-nocache" in measures and base is not None:
            m["side-by-side"] = side_by_side(all_inputs, tmp, cli_args + ["--no-cache"], args.poll, base, args.repeat)
            m["cli-nocache"] = m["side-by-side"]["ours"][_median_index(m["side-by-side"]["ours"])]
        elif "cli-nocache" in measures:
            m["cli-nocache"] = measure_cli("nocache", all_inputs, tmp / "cache-unused", tmp, cli_args + ["--no-cache"],
                                           args.poll, CHUSHO_TIMELINE="1")
        if "cli" in measures:
            m["cli-first"] = measure_cli("first", all_inputs, tmp / "cache", tmp, cli_args, args.poll)
            m["cli-rerun"] = measure_cli("rerun", all_inputs, tmp / "cache", tmp, cli_args, args.poll)
            a = read_jsonl(Path(m["cli-first"]["out"]) / "records.jsonl")
            b = read_jsonl(Path(m["cli-rerun"]["out"]) / "records.jsonl")
            m["rerun_identical"] = bool(a) and a == b
        if "small" in measures:
            m["small"] = measure_small(corpus_dir / SMALL_DOC, tmp, args.repeat, args.poll, base)
        if "costs" in measures:
            m["prefect"] = measure_worker("prefect", corpus_dir, tmp, args.poll, run_env())
            names = tmp / "names-cache"
            m["names-cold"] = measure_worker("names", corpus_dir, tmp, args.poll, run_env(XDG_CACHE_HOME=str(names)),
                                             "names-cold")
            m["names-warm"] = measure_worker("names", corpus_dir, tmp, args.poll, run_env(XDG_CACHE_HOME=str(names)),
                                             "names-warm")
        meta["loadavg_end"] = loadavg()
        meta["bench_wall_s"] = round(time.perf_counter() - started, 1)
        long_uris = frozenset((corpus_dir / rel).resolve().as_uri() for rel, i in files if i["part"] == "long")
        rep = report(m, totals, long_uris, cli_args)
        if base is not None:
            print_side_by_side(m, long_uris, base)
        print()
        print(f"load average at the end {meta['loadavg_end']}; benchmark took {meta['bench_wall_s']:.0f} s"
              + ("; QUICK corpus: fixed costs dominate, judge the targets on the full corpus" if corpus_name == "quick"
                 else ""))
        if args.json:
            doc = {"meta": meta, "corpus": {"totals": totals, "files": dict(files)}, "measurements": m, **rep}
            args.json.write_text(json.dumps(doc, ensure_ascii=False, indent=1, default=str) + "\n", encoding="utf-8")
            print(f"wrote {args.json}")
    finally:
        if args.keep_tmp:
            print(f"temporary outputs kept in {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
