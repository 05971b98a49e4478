"""The crawl flow: start pages -> the pages and PDFs they link to -> records -> the output folder.

Polite (robots.txt, one request at a time per host, a delay), incremental (a
state file; conditional requests; unchanged pages are not extracted again) and
bounded against hostile servers: the loop is `flows/crawler.py`'s `Crawler`;
reading and drafting are the extract flow's tasks (`flows/tasks.py`), submitted
as pages arrive. Every crawl writes the full current record set and, in
`manifest.json`, a `crawl` report: new, changed, unchanged, gone, failed and
skipped URLs, requests, duplicates, traps and stops.
"""
from __future__ import annotations

import uuid
from datetime import datetime, timezone
from pathlib import Path

from prefect import flow

from extractors.settings import Settings
from flows.crawl_state import CrawlState, default_state_path
from flows.crawler import Crawler
from flows.extract import finish_run, note_flow_run
from flows.reporting import announce_end, announce_start, say
from flows.runtime import interrupt
from output import RunSummary
from schemas.crawl import CrawlSource


@flow(name="chusho-crawl", log_prints=False, on_running=[announce_start],
      on_completion=[announce_end], on_failure=[announce_end], on_crashed=[announce_end],
      on_cancellation=[announce_end])
def crawl_flow(sources: list[CrawlSource], out: str, state: str | None = None, settings: Settings | None = None,
               progress: bool = False, cache: bool = True, notes: dict | None = None) -> RunSummary:
    """Crawl the sources politely and incrementally; write the full current record set to `out`.

    Its final state's message gives the counts and the documents that could not be read; it is
    Failed when a start page failed or no document could be read, Cancelled when Ctrl-C stopped it.
    `notes`: more fields for the manifest from the caller (see `extract_flow`).
    """
    note_flow_run()
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(),
           "inputs": [u for s in sources for u in s.start_urls], **(notes or {})}
    state_path = Path(state) if state else default_state_path(out)
    with CrawlState(state_path) as db:
        if db.reset:
            say(f"warning: the crawl state file {db.reset['file']} is damaged ({db.reset['error']}): moved aside to "
                f"{db.reset['moved_to']}; this crawl starts afresh", progress=True, warning=True)
        resume_since = db.resume_since()
        db.begin_crawl(run["id"])
        crawler = Crawler(sources, settings, db, progress, cache, resume_since)
        visits = crawler.run()
        report = crawler.report
        run["crawl"] = {
            "state": str(state_path), "state_reset": db.reset,
            "sources": [s.model_dump(mode="json") for s in sources],
            "counts": {"new": len(report.new), "changed": len(report.changed), "unchanged": len(report.unchanged),
                       "gone": len(report.gone), "failed": len(report.failed), "skipped": len(report.skipped)},
            "requests": crawler.gate.requests, "extracted": report.extracted,
            "new": report.new, "changed": report.changed, "unchanged": report.unchanged, "gone": report.gone,
            "failed": report.failed, "skipped": report.skipped, **crawler.limits_report(),
        }
        documents = [v.document for v in visits]
        drafts = [v.drafts or [] for v in visits]
        failures = crawler.start_failures(visits)
        final = finish_run("chusho-crawl", out, documents, drafts, run, settings,
                           failure=f"start page failed: {'; '.join(failures)}" if failures else None)
        if not interrupt.requested():  # a stopped crawl stays open: the next one resumes from it
            db.finish_crawl(run["id"], run["crawl"]["counts"])
    return final
