"""Flows for deployments on a Prefect server with workers: the same flows, with the runner as a parameter.

A deployment runs a flow with the task runner it was decorated with; these two
wrappers take the runner as parameters instead, so one deployment can send its
tasks to a Dask cluster (`dask_address`) or to a process pool on the worker's
machine, and a crawl deployment can read its sources from a sources file at
run time (edit the file, not the deployment). `prefect.yaml` deploys them.
"""
from __future__ import annotations

from pathlib import Path

from prefect import flow
from prefect.states import Failed

from extractors.settings import Settings
from flows.crawl import crawl_flow
from flows.extract import extract_flow
from flows.reporting import summary_of_state
from flows.runtime.runners import make_runner
from output import RunSummary
from schemas.crawl import load_sources


def _runner(runner: str, workers: int | None, dask_address: str | None):
    return make_runner("dask" if dask_address else runner, workers, dask_address)


@flow(name="chusho-extract-on", log_prints=False)
def extract_on(inputs: list[str], out: str, runner: str = "process", workers: int | None = None,
               dask_address: str | None = None, cache: bool = True, settings: Settings | None = None) -> RunSummary:
    """The extract flow on the given runner (a Dask scheduler address sends the tasks to that cluster)."""
    return extract_flow.with_options(task_runner=_runner(runner, workers, dask_address))(
        inputs=inputs, out=out, settings=settings, cache=cache)


@flow(name="chusho-crawl-sources", log_prints=False)
def crawl_sources(sources_file: str, out_root: str, source: str | None = None, runner: str = "process",
                  workers: int | None = None, dask_address: str | None = None,
                  settings: Settings | None = None) -> list[RunSummary]:
    """Crawl every source of a sources file (or one), each into OUT_ROOT/<name>/ with its own state file.

    Failed (with each failing source and why) when the crawl of a source failed; the others are crawled."""
    sources = [s for s in load_sources(sources_file) if source is None or s.name == source]
    if not sources:
        raise ValueError(f"no source named {source!r} in {sources_file}")
    done, failed = [], []
    for s in sources:  # a source that fails does not keep the others from being crawled
        out = Path(out_root) / s.name
        state = crawl_flow.with_options(task_runner=_runner(runner, workers, dask_address))(
            sources=[s], out=str(out), state=str(out / "crawl-state.sqlite"), settings=settings, return_state=True)
        summary = summary_of_state(state)
        if isinstance(summary, BaseException):  # it crashed: no summary
            failed.append(f"{s.name}: {state.message}")
            continue
        done.append(summary)
        if not state.is_completed():
            failed.append(f"{s.name}: {state.message}")
    if failed:  # Failed like the crawl of each failing source, for Prefect automations on Failed
        return Failed(message=f"{len(failed)} of {len(sources)} sources failed: " + " | ".join(failed), data=done)
    return done
