#!/usr/bin/env python3
"""Where the seconds go before the first document is read, and one small document end to end.

Run from the repository root on a quiet machine:

    .venv/bin/python benchmarks/startup.py [--repeat 3] [--doc samples/000_okaya.html] [--json PATH]

Each row is a fresh process, measured `--repeat` times (the median is printed,
and the spread):

  import prefect          `import prefect`
  import flows            `import flows.extract` (Prefect, the project's flows and readers)
  model load              `spacy.load("ja_ginza")` plus the SpanRuler patterns
  server start            a temporary Prefect server (flows.runtime.server.LocalApi.start) until it answers
  run, temporary server   `chusho-extract run DOC --out TMP --no-cache --quiet`, nothing running:
                          the run starts its own server first, and its model worker (another
                          process) loads the model and reads DOC ahead meanwhile
  run, running server     the same with a Prefect server already running at 127.0.0.1:4200
                          (as `chusho-extract serve` leaves one), which the run finds and uses
  run, process runner     the same as the last row with `--runner process` (worker processes,
                          each loading the model): what `auto` avoids for a handful of small inputs

and checks the target: one small document <= 4 s from the command to the output.
The running-server rows are skipped (said so) when port 4200 is taken by something
else. MB = 10^6 bytes; peak memory is the sum of RSS over the command's process tree.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from bench import run_measured  # noqa: E402  (wall, CPU and peak RSS of a process tree)
from flows.runtime.server import port_in_use  # noqa: E402

PY = sys.executable
CLI = str(Path(sys.executable).with_name("chusho-extract"))
TARGET_ONE_DOC_S = 4.0
PORT = 4200


def _env(**more: str) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(more)
    return env


def _measure(name: str, cmd: list[str], repeat: int, env: dict, workdir: Path, before=None) -> dict:
    runs = []
    for i in range(repeat):
        if before:
            before()
        runs.append(run_measured(cmd, env, workdir / f"{name.replace(' ', '_')}-{i}.log", poll=0.02))
        if runs[-1]["returncode"] != 0:
            print(f"  {name}: exit {runs[-1]['returncode']}, see {runs[-1]['log']}", file=sys.stderr)
    walls = [r["wall_s"] for r in runs]
    return {"name": name, "median_s": round(statistics.median(walls), 2), "min_s": min(walls), "max_s": max(walls),
            "peak_mb": max(r["peak_tree_rss_mb"] for r in runs), "ok": all(r["returncode"] == 0 for r in runs)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--doc", default=str(ROOT / "samples" / "000_okaya.html"), help="the small document")
    ap.add_argument("--json", metavar="PATH", help="also write the figures as JSON")
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp(prefix="chusho-startup-"))
    out = work / "out"
    clear = lambda: shutil.rmtree(out, ignore_errors=True)  # noqa: E731
    env = _env(CHUSHO_CACHE_DIR=str(work / "cache"))
    print(f"cpus {os.cpu_count()}, load average {os.getloadavg()[0]:.2f}, document {args.doc} "
          f"({Path(args.doc).stat().st_size} bytes), {args.repeat} runs each")
    rows = [
        _measure("import prefect", [PY, "-c", "import prefect"], args.repeat, env, work),
        _measure("import flows", [PY, "-c", "import flows.extract"], args.repeat, env, work),
        _measure("model load", [PY, "-c", "from extractors.language.nlp import load_nlp, load_ruler; "
                                "load_nlp(); load_ruler()"], args.repeat, env, work),
        _measure("server start", [PY, "-c", "from flows.runtime.server import LocalApi; a = LocalApi.start(); "
                                  "a.wait(); a.stop()"], args.repeat, env, work),
    ]
    run = [CLI, "run", args.doc, "--out", str(out), "--no-cache", "--quiet"]
    if not port_in_use(PORT):
        rows.append(_measure("run, temporary server", run, args.repeat, env, work, before=clear))
        server = subprocess.Popen([str(Path(PY).with_name("prefect")), "server", "start", "--host", "127.0.0.1",
                                   "--port", str(PORT)], env=_env(PREFECT_UI_ENABLED="false"),
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            from flows.runtime.server import running_local_api

            deadline = time.monotonic() + 120
            while not running_local_api() and time.monotonic() < deadline:
                time.sleep(0.2)
            rows.append(_measure("run, running server", run, args.repeat, env, work, before=clear))
            rows.append(_measure("run, process runner", run + ["--runner", "process"], args.repeat, env, work,
                                 before=clear))
        finally:
            server.terminate()
            server.wait(timeout=30)
    else:
        print(f"port {PORT} is taken: the run rows use whatever answers there; skipped", file=sys.stderr)
    print(f"\n{'':24} {'median s':>9} {'min':>6} {'max':>6} {'peak MB':>8}")
    for r in rows:
        print(f"{r['name']:24} {r['median_s']:>9.2f} {r['min_s']:>6.2f} {r['max_s']:>6.2f} {r['peak_mb']:>8.0f}"
              f"{'' if r['ok'] else '  FAILED'}")
    best = [r for r in rows if r["name"].startswith("run, ") and r["name"] != "run, process runner"]
    for r in best:
        met = "met" if r["median_s"] <= TARGET_ONE_DOC_S else "NOT met"
        print(f"target: one small document <= {TARGET_ONE_DOC_S:g} s ({r['name']}): {r['median_s']:.2f} s, {met}")
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    if args.json:
        Path(args.json).write_text(json.dumps({"rows": rows, "cpus": os.cpu_count()}, indent=2), encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
