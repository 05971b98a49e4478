"""Shared fixtures: the real ja_ginza model, one Prefect test server per session, the samples' run,
and the dev texts of ../shared rendered as pages and PDFs (skipped with the reason where ../shared is not)."""
from __future__ import annotations

import json
import os
import tempfile
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
