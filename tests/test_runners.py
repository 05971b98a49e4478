"""The same flow on a real local Dask cluster (two worker processes) and on a process pool."""
from __future__ import annotations

import pytest

from tests.conftest import SAMPLE_COUNT, SAMPLES, read_jsonl


def _worker_model_loads() -> int:
    from extractors.language.nlp import model_loads

    return model_loads()


def test_dask_cluster_gives_the_records_of_a_local_run(sample_run, prefect_server, tmp_path):
    distributed = pytest.importorskip("distributed")
    from extractors.settings import Settings
    from flows.crawl import crawl_flow
    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner
    from schemas.crawl import CrawlSource
    from tests.site import Server, Site, build_site

    site = Site()
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            Server(site) as url:
        site.resources = build_site("http://127.0.0.1:9", big_bytes=10)
        runner = make_runner("dask", dask_address=cluster.scheduler_address)
        summary = extract_flow.with_options(task_runner=runner)(inputs=[str(SAMPLES)], out=str(tmp_path / "run"),
                                                                 cache=False)
        crawled = crawl_flow.with_options(task_runner=runner)(
            sources=[CrawlSource(name="town", start_urls=[f"{url}/summits.html", f"{url}/docs/decl.pdf"],
                                 max_depth=0)], out=str(tmp_path / "crawl"), settings=Settings(crawl_delay=0.05),
            cache=False)
        with distributed.Client(cluster) as client:
            loads = client.run(_worker_model_loads)
    assert summary.counts == {"ok": SAMPLE_COUNT} and crawled.counts == {"ok": 2}
    assert read_jsonl(tmp_path / "run" / "records.jsonl") == read_jsonl(sample_run / "records.jsonl")
    summits = [r for r in read_jsonl(tmp_path / "crawl" / "records.jsonl") if r["type"] == "summit"]
    assert {r["edition"] for r in summits} >= set(range(1, 12))
    assert len(loads) == 2 and all(n <= 1 for n in loads.values()) and sum(loads.values()) >= 1, loads


def test_process_pool_gives_the_records_of_a_local_run(sample_run, prefect_server, tmp_path):
    """Without the cache, its small documents go a few to a `documents` task (`scheduling.Batches`)."""
    from flows.extract import extract_flow
    from flows.runtime.runners import make_runner
    from tests.test_split_flow import _task_runs

    state = extract_flow.with_options(task_runner=make_runner("process", workers=2))(
        inputs=[str(SAMPLES)], out=str(tmp_path), cache=False, return_state=True)
    assert read_jsonl(tmp_path / "records.jsonl") == read_jsonl(sample_run / "records.jsonl")
    runs = [r.name for r in _task_runs(state) if r.name.startswith("document")]
    assert any(name.startswith("documents ") for name in runs) and len(runs) < SAMPLE_COUNT / 2, runs
