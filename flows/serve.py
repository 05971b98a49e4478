"""`chusho-extract serve`: the crawl and extract flows as Prefect deployments, on a local Prefect server.

One deployment per source of the sources file (`crawl-<name>`, on the
source's cron schedule, writing to `OUT/<name>/` with its own state file) and
one `manual` deployment of the extract flow, for runs on given files or URLs.
Unless `PREFECT_API_URL` points at a Prefect server already, a local one is
started (`prefect server start` on 127.0.0.1, SQLite under PREFECT_HOME, with
the UI) and stopped again on exit. Nothing needs an account or a cloud.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx

from schemas.crawl import CrawlSource, load_sources

SERVER_START_TIMEOUT = 180.0  # seconds; a cold start on a busy 2-core machine takes ~20 s


def deployments(sources: list[CrawlSource], out_root: str | Path) -> list:
    """RunnerDeployments: `crawl-<source>` for each source, and `manual` for the extract flow."""
    from prefect.deployments.runner import EntrypointType

    from flows.crawl import crawl_flow
    from flows.extract import extract_flow

    out_root = Path(out_root).resolve()
    made = []
    for source in sources:
        out = out_root / source.name
        made.append(crawl_flow.to_deployment(
            name=f"crawl-{source.name}", cron=source.schedule, tags=["crawl"],
            description=f"Crawl {', '.join(source.start_urls)} (depth {source.max_depth}) into {out}",
            parameters={"sources": [source.model_dump(mode="json")], "out": str(out),
                        "state": str(out / "crawl-state.sqlite")},
            entrypoint_type=EntrypointType.MODULE_PATH))
    made.append(extract_flow.to_deployment(
        name="manual", tags=["extract"], description="Extract records from the given files, folders or URLs",
        parameters={"inputs": [], "out": str(out_root / "manual")}, entrypoint_type=EntrypointType.MODULE_PATH))
    return made


def _healthy(api_url: str) -> bool:
    try:
        return httpx.get(f"{api_url}/health", timeout=2).status_code == 200
    except httpx.HTTPError:
        return False


def start_local_server(port: int) -> tuple[subprocess.Popen, str]:
    """`prefect server start` on 127.0.0.1:port with the UI; gives (process, API URL) once it answers."""
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_UI_ENABLED": "true", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    env.pop("PREFECT_API_URL", None)
    prefect = Path(sys.executable).with_name("prefect")
    cmd = [str(prefect)] if prefect.exists() else [sys.executable, "-m", "prefect"]
    proc = subprocess.Popen([*cmd, "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the Prefect server did not start: {(proc.stderr.read() or '').strip()[-500:]}")
        if _healthy(api_url):
            return proc, api_url
        time.sleep(0.5)
    proc.terminate()
    raise RuntimeError(f"the Prefect server did not answer on {api_url} within {SERVER_START_TIMEOUT:g} s")


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()


def serve(sources_file: str, out_root: str, port: int = 4200) -> int:
    """Serve the deployments until interrupted (Ctrl-C or SIGTERM)."""
    from prefect import serve as prefect_serve
    from prefect.settings import PREFECT_API_URL, temporary_settings

    sources = load_sources(sources_file)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # run the clean-up below on a plain `kill`
    server = None
    api_url = os.environ.get("PREFECT_API_URL")
    if not api_url:
        print(f"starting a local Prefect server on 127.0.0.1:{port} ...", file=sys.stderr, flush=True)
        server, api_url = start_local_server(port)
        os.environ["PREFECT_API_URL"] = api_url  # for the flow-run processes the runner starts
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            made = deployments(sources, out_root)
            ui = api_url.removesuffix("/api")
            print(f"serving {len(made)} deployments; Prefect UI: {ui}/deployments", file=sys.stderr, flush=True)
            for d in made:
                when = f"cron {d.schedules[0].schedule.cron}" if d.schedules else "on demand"
                print(f"  {d.flow_name}/{d.name}: {when}", file=sys.stderr, flush=True)
            prefect_serve(*made, print_starting_message=False)
    finally:
        if server is not None:
            _stop(server)
    return 0
