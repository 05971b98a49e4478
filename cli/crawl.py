"""`chusho-extract crawl START_URL... --out DIR` (or `--sources FILE`): the crawl flow.

The sources, the output and state folders, the options and the cache folder
are checked, then the state file's lock and the output folder's lock are taken,
before Prefect is imported; then the Prefect server is asked for, and the flow
runs as `run`'s does (`cli/run.py`: Ctrl-C, the server watched, the exit status;
on worker processes, their fork server forked from this process once the flows
are imported, `runners.fork_pool_server`). A crawl runs on worker processes
under `auto`: how many documents it finds is not known.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from pydantic import ValidationError

from cli.options import UsageError, check_cache, check_runner, out_folder, review_page, settings_from
from cli.preflight import output_lock
from cli.run import exit_status, flow_state, flow_summary, notes, runner_for
from flows.crawl_state import StateInUse, default_state_path, lock_state
from flows.runtime.server import LocalApi, ServerWatch
from schemas.crawl import CrawlSource, SourcesFileError, load_sources


def command(args: argparse.Namespace) -> int:
    sources = _sources(args)
    out = out_folder(args.out)
    if args.state:
        out_folder(str(Path(args.state).parent), "--state's folder")
    check_runner(args)
    settings = settings_from(args, crawl_delay=args.delay)
    check_cache(args)
    try:  # one crawl per state file: say so before Prefect starts, not in a failed flow run
        os.close(lock_state(args.state or default_state_path(args.out)))
    except StateInUse as exc:
        print(f"chusho-extract: {exc}", file=sys.stderr)
        return 3
    with output_lock(out):
        return _crawl_locked(args, sources, settings)


def _sources(args: argparse.Namespace) -> list[CrawlSource]:
    if bool(args.start_urls) == bool(args.sources):
        raise UsageError("give START_URLs or --sources FILE (one of the two)")
    if args.sources:
        try:
            sources = load_sources(args.sources)
        except SourcesFileError as exc:
            raise UsageError(str(exc)) from None
        if args.source:
            unknown = set(args.source) - {s.name for s in sources}
            if unknown:
                raise UsageError(f"no source named {', '.join(sorted(unknown))} in {args.sources}")
            sources = [s for s in sources if s.name in args.source]
        return sources
    try:
        return [CrawlSource(name="command-line", start_urls=args.start_urls, allowed_hosts=args.allow_host,
                            include=args.include, exclude=args.exclude, max_depth=args.depth,
                            max_documents=args.max_documents, delay=args.delay)]
    except ValidationError as exc:
        raise UsageError("; ".join(e["msg"] for e in exc.errors())) from None


def _crawl_locked(args: argparse.Namespace, sources: list[CrawlSource], settings) -> int:
    api = LocalApi.find()  # first: a server of our own starts while the flows are imported
    from flows.crawl import crawl_flow  # lazy: Prefect, once PREFECT_API_URL is set (LocalApi.find)

    if args.runner in ("auto", "process"):  # auto: worker processes (how many documents a crawl finds is not known)
        from flows.runtime.runners import fork_pool_server

        fork_pool_server()  # as `run` does: a copy of this process loads the model while the server starts
    runner = runner_for(args)
    with api.active(), ServerWatch(api, args.out, not args.no_cache):  # a lost server ends the crawl
        state = flow_state(crawl_flow.with_options(task_runner=runner), api, sources=sources, out=args.out,
                           state=args.state, settings=settings, progress=not args.quiet, cache=not args.no_cache,
                           notes=notes(api))
        summary = flow_summary(state)
    crawl = summary.crawl
    counts = ", ".join(f"{n} {k}" for k, n in crawl["counts"].items())
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items())) or "none"
    print(f"{'stopped: ' if state.is_cancelled() else ''}{summary.documents} documents ({counts}; "
          f"{crawl['requests']} requests, {crawl['extracted']} extracted); records: {records} -> "
          f"{review_page(summary.out)}")
    if state.is_failed():
        print(f"chusho-extract: the crawl failed: {state.message.split('; ')[0]}", file=sys.stderr)
    return exit_status(state, summary)
