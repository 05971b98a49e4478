"""How a flow run ends and what it leaves to open in the UI, under a real Prefect server.

A source that fails must look failed (Prefect automations on Failed fire), documents
that fail among good ones leave the run Completed with the count in its message, and
the artifacts give the records, the record changes and the URLs not read.
"""
from __future__ import annotations

import json

import pytest

from extractors.settings import Settings
from flows.reporting import RunFailed, summary_of_state
from tests.conftest import SAMPLES

JUNK = bytes(range(256)) * 12  # not a PDF, whatever its name says


def _artifacts(state) -> dict[str, object]:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id])))
    return {a.key: a for a in found}


def test_a_run_that_reads_nothing_fails_and_one_with_a_good_document_completes(prefect_server, nlp, tmp_path):
    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner

    junk = tmp_path / "junk.pdf"
    junk.write_bytes(JUNK)
    run = extract_flow.with_options(task_runner=make_runner("thread"))
    state = run(inputs=[str(junk)], out=str(tmp_path / "none"), cache=False, return_state=True)
    assert state.is_failed(), state
    assert state.message.startswith("no document could be read; 1 documents (1 failed)") and "junk.pdf" in state.message
    assert summary_of_state(state).counts == {"failed": 1}  # the summary still comes with it
    with pytest.raises(RunFailed, match="^no document could be read; 1 documents"):  # called as a function
        run(inputs=[str(junk)], out=str(tmp_path / "none"), cache=False)
    assert (tmp_path / "none" / "manifest.json").is_file()  # and the output folder is written

    state = run(inputs=[str(junk), str(SAMPLES / "000_okaya.html")], out=str(tmp_path / "some"), cache=False,
                return_state=True)
    assert state.is_completed(), state
    assert state.message.startswith("2 documents (1 failed, 1 ok)") and "junk.pdf (not a PDF" in state.message
    [row] = json.loads(_artifacts(state)["chusho-extract-not-read"].data)  # the URLs not read, with why
    assert row["url"] == junk.resolve().as_uri() and row["status"] == "failed" and row["reason"].startswith("not a PDF")


def test_a_crawl_publishes_its_records_and_record_changes_as_tables(prefect_server, nlp, tmp_path):
    from flows.crawl import crawl_flow
    from flows.runtime.runners import make_runner
    from schemas.crawl import CrawlSource
    from tests.site import Server, Site, build_site

    site = Site()
    settings = Settings(crawl_delay=0.05)
    out, state_file = tmp_path / "out", tmp_path / "state.sqlite"
    crawl = crawl_flow.with_options(task_runner=make_runner("thread"))
    with Server(site) as url:
        site.resources = build_site("http://127.0.0.1:9", big_bytes=10)
        first = crawl(sources=[CrawlSource(name="town", start_urls=[f"{url}/summits.html"], max_depth=0)],
                      out=str(out), state=str(state_file), settings=settings, return_state=True)
        second = crawl(sources=[CrawlSource(name="town", start_urls=[f"{url}/summits.html", f"{url}/ordinance.html"],
                                            max_depth=0)],
                       out=str(out), state=str(state_file), settings=settings, return_state=True)
    assert first.is_completed() and second.is_completed(), (first, second)
    assert "chusho-crawl-town-changes" not in _artifacts(first)  # nothing to compare the first crawl with
    artifacts = _artifacts(second)
    changes = json.loads(artifacts["chusho-crawl-town-changes"].data)
    assert artifacts["chusho-crawl-town-changes"].type == "table" and changes
    assert {(c["change"], c["type"]) for c in changes} == {("added", "ordinance")}
    assert all(c["title"].endswith("条例") and c["documents"] == f"{url}/ordinance.html" for c in changes)
    records = json.loads(artifacts["chusho-crawl-town-records"].data)
    assert {r["type"] for r in records} == {"summit", "ordinance"}
    ordinance = next(r for r in records if r["type"] == "ordinance")
    assert ordinance["parties or municipality"] and ordinance["date"] and 0 < ordinance["confidence"] <= 1
    assert (out / "review.html").resolve().as_uri() in artifacts["chusho-crawl-town-review"].data


def test_the_records_table_names_an_agreements_parties_as_written_in_either_schema_version():
    from flows.reporting import record_rows

    parties = [{"name": "岡谷市", "kind": "municipality", "code": "202045"},
               {"name": "長野県信用組合", "kind": "financial institution", "code": "2390"}]
    v11 = {"type": "agreement", "kind": "連携協定", "parties": parties, "signed_date": "2019-04", "confidence": 0.8}
    v10 = {**v11, "parties": ["岡谷市", "長野県信用組合"]}
    for record in (v11, v10):
        [row] = record_rows([record])
        assert row["parties or municipality"] == "岡谷市、長野県信用組合" and row["date"] == "2019-04"
