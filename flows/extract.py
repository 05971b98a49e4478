"""The extract flow: files, folders and URLs -> documents -> records -> the output folder.

    sources -> fetch -> read (a long PDF: page ranges, joined) -> candidates and drafts (a long
    document: in parts, assembled) -> records -> output folder

One task per stage and document (`flows/tasks.py`), submitted as soon as its
input is ready (`flows/scheduling.py`); the records of every document are built
and merged in one task and the output folder (CONTRACT.md: `records.jsonl`,
`documents.jsonl`, `rejected.jsonl`, `manifest.json`, `schema/`, the review
page, tables, database and change feed) written in another. No parsing here.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path

from prefect import State, flow
from prefect.context import FlowRunContext
from prefect.settings import PREFECT_API_URL
from prefect.utilities.annotations import quote

from extractors.reading import discover_sources
from extractors.settings import Settings
from flows.reporting import announce_end, announce_start, final_state, publish_artifacts, say
from flows.runcache import save_run
from flows.runtime import interrupt, modelworker
from flows.runtime.timeline import mark
from flows.scheduling import process_all
from flows.tasks import records_task, write_outputs_task
from output import RunSummary, manifest_for, skipped_files, summary_of
from schemas.document import Document


@flow(name="chusho-extract", log_prints=False, on_running=[announce_start],
      on_completion=[announce_end], on_failure=[announce_end], on_crashed=[announce_end],
      on_cancellation=[announce_end])
def extract_flow(inputs: list[str], out: str, settings: Settings | None = None, progress: bool = False,
                 cache: bool = True, notes: dict | None = None) -> RunSummary:
    """Run the pipeline on files, folders and URLs and write the output folder `out`.

    Its final state's message gives the counts and the documents that could not be read;
    it is Failed when none could be, Cancelled when Ctrl-C stopped the command. `notes`: more
    fields for the manifest from the caller (what it did before the flow, e.g. a damaged Prefect
    database moved aside: `prefect_database_reset`).
    """
    mark("flow run running")
    note_flow_run()
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(), "inputs": inputs,
           "skipped_files": skipped_files(inputs), **(notes or {})}  # the manifest's own fields
    # fetch, read and draft each document: a task per stage, submitted as its input is ready
    documents, drafts, hits = process_all(discover_sources(inputs), settings, progress, cache)
    modelworker.finished()  # the records and the output need no model: the model worker's memory is freed now
    run["cache"] = {"enabled": cache, "hits": hits, "whole_run": False}
    # records, the output folder, the artifacts, the final state
    return finish_run("chusho-extract", out, documents, drafts, run, settings)


def finish_run(flow_name: str, out: str, documents: list[Document], drafts: list[list[dict]], run: dict,
               settings: Settings, failure: str | None = None) -> State:
    """Records from the documents' drafts, then the output folder; shared by the extract and crawl flows.

    `run` holds the manifest's run-specific fields (id, started, inputs, and the
    crawl's report); counts, versions and settings are added here. The run's
    counts go to the log and, as artifacts, to the flow run in the UI. Gives the
    flow's final state (`reporting.final_state`): Cancelled when Ctrl-C stopped
    the run, Failed with the reason when `failure` says one (a crawl's start page)
    or no document could be read, else Completed; its data is the RunSummary.
    """
    stopped = interrupt.requested()
    if stopped:
        run = {**run, "stopped": "the run was stopped by Ctrl-C: documents not done are listed as skipped "
               f"with error code {interrupt.STOPPED_CODE}"}
    # quote: Prefect would walk every field of every document, draft and record to find futures in them (there
    # are none: values), twice per task, a tenth of a second of the run's end on a corpus of 60 documents
    records, rejected = records_task(quote(documents), quote(drafts))
    mark("records built")
    manifest = manifest_for(run, documents, records, rejected, settings)
    manifest = write_outputs_task(Path(out), quote(documents), quote(records), quote(rejected),
                                  quote(manifest))  # (a stopped run's `kept`)
    mark("output folder written")
    if run.get("cache", {}).get("enabled") and "crawl" not in run and not stopped:
        save_run(documents, records, rejected, manifest)
    summary = summary_of(manifest, out)
    publish_artifacts(flow_name, manifest, documents, records, str(out))
    mark("artifacts published")
    state = final_state(summary, documents, failure=failure, stopped=stopped)
    say(state.message, progress=False)  # the log's last line; the CLI prints its own
    return state


def note_flow_run() -> None:
    """Tell `runtime/interrupt.py` which flow run a second Ctrl-C marks Cancelled (command-line runs only)."""
    context = FlowRunContext.get()
    if context is not None and context.flow_run is not None:
        interrupt.flow_run_started(PREFECT_API_URL.value(), str(context.flow_run.id))
