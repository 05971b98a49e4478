"""The extract flow on a long PDF (issue 15): a task per page range, one joining them, the Document of one read;
a task per part of its trigger regions, one assembling the drafts, the drafts of one task.

A 4-page sample with `split_pages=1` and `split_chars=300` is read in four range tasks and a
join, and drafted in candidates parts and an assembly, on the thread runner; its Document and
records are those of a run that does each in one task, and a rerun takes all of it from the
cache and says so.
"""
from __future__ import annotations

import json
import shutil
import time

from extractors.settings import Settings
from tests.conftest import SAMPLES, read_jsonl


def _task_runs(state, settle: float = 0.5, timeout: float = 60.0) -> list:
    """The flow run's task runs as the server has recorded them. Prefect's client reports task runs as
    events (sent from a thread), which the server's task-run recorder writes after the flow has returned:
    the client's queue is sent first, then the runs are read until every one has a final state and a read
    `settle` seconds later gives the same (a run's last task, the drafts, was missing from a read made
    at once)."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
    from prefect.events.worker import EventsWorker

    EventsWorker.drain_all(timeout=timeout, at_exit=False)
    deadline = time.monotonic() + timeout
    seen = None
    with get_client(sync_client=True) as client:
        while True:
            runs = client.read_task_runs(flow_run_filter=FlowRunFilter(
                id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
            now = sorted((r.name, r.state.name if r.state else None) for r in runs)
            # (none read yet is no answer: the server's recorder writes them after the flow has returned)
            if (runs and now == seen and all(r.state and r.state.is_final() for r in runs)) or time.monotonic() > deadline:
                return runs
            seen = now
            time.sleep(settle)


def _reading(runs: list) -> dict[str, str]:
    """Reading task runs: name -> state name."""
    return {r.name: r.state.name for r in runs if r.name.startswith(("read ", "join "))}


def _drafting(runs: list) -> dict[str, str]:
    """Drafting task runs: name -> state name."""
    return {r.name: r.state.name for r in runs if r.name.startswith(("candidates ", "drafts "))}


def test_a_long_pdf_is_read_in_page_ranges_and_joined(prefect_server, tmp_path, capsys):
    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner

    pdf = tmp_path / "in" / "long.pdf"
    pdf.parent.mkdir()
    shutil.copy(SAMPLES / "001_kawaguchi.pdf", pdf)
    uri = pdf.resolve().as_uri()
    run = extract_flow.with_options(task_runner=make_runner("thread"))
    split = Settings(split_pages=1, split_chars=300)

    state = run(inputs=[str(pdf)], out=str(tmp_path / "split"), settings=split, return_state=True)
    assert state.is_completed()
    assert _reading(_task_runs(state)) == {f"read {uri} pages 1-1": "Completed", f"read {uri} pages 2-2": "Completed",
                                           f"read {uri} pages 3-3": "Completed", f"read {uri} pages 4-end": "Completed",
                                           f"join {uri}": "Completed"}
    drafting = _drafting(_task_runs(state))
    parts = [name for name in drafting if name.startswith(f"candidates {uri} chars ")]
    assert len(parts) >= 2 and f"drafts {uri}" in drafting and f"candidates {uri}" not in drafting
    assert set(drafting.values()) == {"Completed"}

    run(inputs=[str(pdf)], out=str(tmp_path / "whole"), settings=Settings(), cache=False)  # one read task
    docs, whole = read_jsonl(tmp_path / "split" / "documents.jsonl"), read_jsonl(tmp_path / "whole" / "documents.jsonl")
    assert docs == whole and docs[0]["status"] == "ok" and len(docs[0]["pages"]) == 4
    assert read_jsonl(tmp_path / "split" / "records.jsonl") == read_jsonl(tmp_path / "whole" / "records.jsonl")

    capsys.readouterr()
    again = run(inputs=[str(pdf)], out=str(tmp_path / "again"), settings=split, progress=True, return_state=True)
    assert set(_reading(_task_runs(again)).values()) == {"Cached"} and len(_reading(_task_runs(again))) == 5
    assert _drafting(_task_runs(again)) == {name: "Cached" for name in drafting}
    progress = [line for line in capsys.readouterr().err.splitlines() if uri in line]
    assert len(progress) == 1 and progress[0].endswith(f"(4 pages, {len(docs[0]['text'])} chars, cached)")
    manifest = json.loads((tmp_path / "again" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["cache"]["hits"] == {"read": 1, "drafts": 1}
    assert read_jsonl(tmp_path / "again" / "documents.jsonl") == docs


def test_the_crawl_reads_a_long_pdf_in_page_ranges_too(prefect_server, tmp_path):
    from extractors.reading import read_document
    from flows.crawl import crawl_flow
    from flows.runtime.runners import make_runner
    from schemas.crawl import CrawlSource
    from schemas.document import Fetched
    from tests.site import Server, Site, build_site

    site = Site()
    with Server(site) as url:
        site.resources = build_site("http://127.0.0.1:9", big_bytes=10)
        state = crawl_flow.with_options(task_runner=make_runner("thread"))(
            sources=[CrawlSource(name="town", start_urls=[f"{url}/docs/decl.pdf"], max_depth=0)],
            out=str(tmp_path / "crawl"), settings=Settings(crawl_delay=0.05, split_pages=2), return_state=True)
    assert state.is_completed()
    assert sorted(_reading(_task_runs(state))) == [f"join {url}/docs/decl.pdf", f"read {url}/docs/decl.pdf pages 1-2",
                                                   f"read {url}/docs/decl.pdf pages 3-end"]
    [doc] = read_jsonl(tmp_path / "crawl" / "documents.jsonl")
    content = (SAMPLES / "001_kawaguchi.pdf").read_bytes()
    one = read_document(Fetched(uri=doc["uri"], content=content, media_type="application/pdf"))
    assert doc["status"] == "ok" and {k: doc[k] for k in ("text", "title", "warnings")} == \
        {"text": one.text, "title": one.title, "warnings": one.warnings}
    assert doc["pages"] == [p.model_dump(mode="json") for p in one.pages]
