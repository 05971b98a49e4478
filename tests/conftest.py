"""Shared fixtures: the real ja_ginza model, one Prefect test server per session, the samples' run,
and the dev texts of ../shared rendered as pages and PDFs (skipped with the reason where ../shared is not)."""
from __future__ import annotations

import json
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path

import pytest

# Cached task results of this test session go to a fresh folder, not the user's cache.
os.environ["CHUSHO_CACHE_DIR"] = tempfile.mkdtemp(prefix="chusho-test-cache-")

import flows  # noqa: E402,F401  (quiet offline Prefect defaults before Prefect is imported)

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SAMPLE_COUNT = sum(1 for p in SAMPLES.iterdir() if p.suffix in (".pdf", ".html"))  # the inputs in samples/


@pytest.fixture(scope="session")
def nlp():
    from extractors.language.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def prefect_server():
    """One temporary Prefect server for the whole session (it takes ~10 s to start here)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@contextmanager
def on_server(api_url: str):
    """Flows run inside on another Prefect server than the session's (its settings), their events sent to it.
    Prefect's events worker in this process is one for every server (its key holds no address): it sends to the
    server that was current when it started, for as long as it lives. So it is drained on the way in (what the
    session's flows queued goes to the session's server) and on the way out, while that server still answers
    (the next flow's events start a worker for the session's server). Without the second, every flow of the
    session after this block sent its events to a server stopped by then, each event tried for seconds: no task
    run reached the session's server, and at the interpreter's exit pytest waited on the queue for ever."""
    from prefect.events.worker import EventsWorker
    from prefect.settings import PREFECT_API_URL, temporary_settings

    EventsWorker.drain_all(timeout=60, at_exit=False)
    try:
        with temporary_settings(updates={PREFECT_API_URL: api_url}):
            yield
    finally:
        EventsWorker.drain_all(timeout=60, at_exit=False)


@pytest.fixture(scope="session")
def sample_run(prefect_server, tmp_path_factory) -> Path:
    """The extract flow run once over samples/; tests read its output folder."""
    from flows.extract import extract_flow

    out = tmp_path_factory.mktemp("sample_run")
    extract_flow(inputs=[str(SAMPLES)], out=str(out))
    return out


@pytest.fixture(scope="session")
def dev_samples() -> Path:
    """The dev texts of ../shared rendered as the pages and PDFs they were published as, in a folder laid
    out like samples/ (scripts/samplegen/dev.py; rendered on first use into .cache/dev-samples/, cached
    by content). They are other people's pages: never committed, and absent from a clone of the project."""
    from scripts.samplegen.dev import rendered_dev

    try:
        return rendered_dev()
    except LookupError as reason:
        pytest.skip(str(reason))


@pytest.fixture(scope="session")
def dev_run(dev_samples, prefect_server, tmp_path_factory) -> Path:  # skipped before a server starts
    """The extract flow run once over the rendered dev texts; tests read its output folder."""
    from flows.extract import extract_flow

    out = tmp_path_factory.mktemp("dev_run")
    extract_flow(inputs=[str(dev_samples)], out=str(out))
    return out


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
