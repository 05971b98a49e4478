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
whole processes and CLI runs. MB = 10^6 bytes.

Then the ratios and the targets (met / NOT met):
  ours end to end >= 10x naive throughput (CLI first run vs the naive process, whole corpus);
  ours PDF reading on one core <= 1.2x bare pdfplumber's time (read_document vs (b));
  ours PDF reading with two workers faster than bare pdfplumber (read2 vs (b));
  a rerun over unchanged inputs >= 20x faster than the first run (sha256 result cache);
  peak memory <= 2 GB (sum of RSS over the CLI's process tree).
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
TARGETS = {"e2e_vs_naive": 10.0, "pdf_read_vs_bare": 1.2, "pdf_read2_vs_bare": 1.0, "first_vs_rerun": 20.0}
MEASURES = ("bare", "naive", "ours", "read2", "cli-pdf", "cli")
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


def run_measured(cmd: list[str], env: dict | None, log_path: Path, poll: float) -> dict:
    """Run cmd; its wall time, exit status, CPU time, and the peak of RSS summed over its process tree."""
    with open(log_path, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
        peak = 0
        pids = [proc.pid]
        seen_cpu: dict[int, float] = {}  # CPU s of every process of the tree, as last seen
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
                scanned = now
            peak = max(peak, sum(rss_bytes(p) for p in pids))
            time.sleep(poll)
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    # CPU time: wait4 counts the process and the descendants it waited for; the /proc scans also see
    # descendants that were never waited for (up to the last scan).
    cpu = max(usage.ru_utime + usage.ru_stime, sum(seen_cpu.values()))
    return {"returncode": proc.returncode, "wall_s": round(wall, 3), "cpu_s": round(cpu, 3),
            "cores_busy": round(cpu / wall, 2) if wall else None, "peak_tree_rss_mb": round(peak / MB, 1),
            "log": str(log_path)}


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
        rep = corpus_score(kept, corpus)
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


WORKERS = {"bare": worker_bare, "naive": worker_naive, "ours": worker_ours, "read2": worker_read2}


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

def measure_worker(name: str, corpus: Path, tmp: Path, poll: float) -> dict:
    result = tmp / f"{name}.json"
    log(f"{name}: running in a fresh process ...")
    proc = run_measured([sys.executable, str(Path(__file__).resolve()), "--worker", name, "--corpus", str(corpus),
                         "--result", str(result)], None, tmp / f"{name}.log", poll)
    if proc["returncode"] != 0 or not result.exists():
        log(f"{name}: FAILED (exit {proc['returncode']})\n{tail(proc['log'])}")
        return {"process": proc, "failed": True}
    out = json.loads(result.read_text(encoding="utf-8"))
    out["process"] = proc
    log(f"{name}: done in {proc['wall_s']:.1f} s, peak {proc['peak_tree_rss_mb']:.0f} MB")
    return out


def cli_command(inputs: list[str], out: Path, cli_args: list[str]) -> list[str]:
    exe = Path(sys.executable).parent / "chusho-extract"
    base = [str(exe)] if exe.exists() else [sys.executable, "-m", "cli.main"]
    return base + ["run", *inputs, "--out", str(out), "--quiet", *cli_args]


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def measure_cli(label: str, inputs: list[str], cache: Path, tmp: Path, cli_args: list[str], poll: float) -> dict:
    out = tmp / f"out-{label}"
    env = {**os.environ, "CHUSHO_CACHE_DIR": str(cache)}
    log(f"cli {label}: {' '.join(shlex.quote(c) for c in cli_command(['...'], out, cli_args))} "
        f"(CHUSHO_CACHE_DIR={cache}) ...")
    proc = run_measured(cli_command(inputs, out, cli_args), env, tmp / f"cli-{label}.log", poll)
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
        log(f"cli {label}: done in {proc['wall_s']:.1f} s, peak {proc['peak_tree_rss_mb']:.0f} MB, "
            f"{proc['cores_busy']} cores busy")
    return res


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
    if ok(naive) and ok(first):
        v = naive["process"]["wall_s"] / first["process"]["wall_s"]
        ratios["e2e_ours_vs_naive_throughput"] = v
        target("ours end to end vs naive throughput", v, TARGETS["e2e_vs_naive"], True,
               f"naive process {naive['process']['wall_s']:.1f} s / ours CLI first run {first['process']['wall_s']:.1f} s")
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
    peaks = [m[k]["process"]["peak_tree_rss_mb"] for k in ("cli-pdf", "cli-first", "cli-rerun") if ok(m.get(k))]
    if peaks:
        busy = max(m[k]["process"]["cores_busy"] or 0 for k in ("cli-pdf", "cli-first", "cli-rerun") if ok(m.get(k)))
        target("peak memory of ours (sum of RSS over the process tree), MB", max(peaks), MEMORY_LIMIT_MB, False,
               f"max over the CLI runs; CLI args {shlex.join(cli_args) or 'none'}; at most {busy} cores busy (CPU s / wall s)"
               + ("" if busy >= 1.6 else "; ours did not keep both cores busy, so this does not check the 2-core case"))

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
                             + ")" for c, a in acc.items())
            print(f"  {what}: {line}")
    return {"rows": rows, "ratios": ratios, "targets": targets, "accuracy": accuracy}


# ---------------------------------------------------------------- main

def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 2)[1])
    ap.add_argument("--quick", action="store_true", help="small corpus: the samples and one 50-page PDF")
    ap.add_argument("--measure", default=",".join(MEASURES),
                    help=f"comma-separated subset of {','.join(MEASURES)} (default: all)")
    ap.add_argument("--cli-args", default="", help='extra arguments for `chusho-extract run`, e.g. "--workers 2"')
    ap.add_argument("--json", type=Path, metavar="PATH", help="also write every figure as JSON")
    ap.add_argument("--corpus-root", type=Path, default=BENCH / ".corpus", help="where corpora are cached")
    ap.add_argument("--rebuild-corpus", action="store_true", help="rebuild the corpus even if it is current")
    ap.add_argument("--poll", type=float, default=0.1, help="process-tree RSS polling interval, s (default 0.1)")
    ap.add_argument("--keep-tmp", action="store_true", help="keep the temporary outputs, caches and logs")
    ap.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    ap.add_argument("--corpus", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--result", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.worker:
        return run_worker(args.worker, args.corpus, args.result)

    measures = [x.strip() for x in args.measure.split(",") if x.strip()]
    unknown = set(measures) - set(MEASURES)
    if unknown:
        ap.error(f"unknown measurement(s): {', '.join(sorted(unknown))}")
    cli_args = shlex.split(args.cli_args)

    from corpus import ensure_corpus

    started = time.perf_counter()
    corpus_dir, manifest = ensure_corpus(args.quick, args.corpus_root, args.rebuild_corpus, log=log)
    files = sorted(manifest["files"].items())
    totals = part_totals(files)
    info = versions_info()
    meta = {"date": datetime.now(timezone.utc).isoformat(timespec="seconds"), "quick": args.quick,
            "corpus": str(corpus_dir), "cli_args": cli_args, "loadavg_start": loadavg(), **info}
    print(f"chusho-extract benchmark, {meta['date']}, {'QUICK corpus' if args.quick else 'full corpus'}: {corpus_dir}")
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
        if "cli" in measures:
            m["cli-first"] = measure_cli("first", all_inputs, tmp / "cache", tmp, cli_args, args.poll)
            m["cli-rerun"] = measure_cli("rerun", all_inputs, tmp / "cache", tmp, cli_args, args.poll)
            a = read_jsonl(Path(m["cli-first"]["out"]) / "records.jsonl")
            b = read_jsonl(Path(m["cli-rerun"]["out"]) / "records.jsonl")
            m["rerun_identical"] = bool(a) and a == b
        meta["loadavg_end"] = loadavg()
        meta["bench_wall_s"] = round(time.perf_counter() - started, 1)
        long_uris = frozenset((corpus_dir / rel).resolve().as_uri() for rel, i in files if i["part"] == "long")
        rep = report(m, totals, long_uris, cli_args)
        print()
        print(f"load average at the end {meta['loadavg_end']}; benchmark took {meta['bench_wall_s']:.0f} s"
              + ("; QUICK corpus: fixed costs dominate, judge the targets on the full corpus" if args.quick else ""))
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
