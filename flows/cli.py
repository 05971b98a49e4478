"""The `chusho-extract` command line.

    chusho-extract run PATH_OR_URL... --out DIR     run the extract flow (files, folders, URLs)
    chusho-extract crawl START_URL... --out DIR     crawl pages and PDFs politely and incrementally
    chusho-extract crawl --sources sources.toml --out DIR
    chusho-extract serve --sources sources.toml --out DIR   scheduled crawls as Prefect deployments
    chusho-extract evaluate OUT_DIR GOLD.json        score a run's records against gold records
    chusho-extract review OUT_DIR                    (re)write OUT_DIR/review.html from the folder's files

Exit status: 0 when at least one document was read, 1 when none could be, 2
for usage errors. No traceback reaches the user: unexpected errors are printed
as one line (set CHUSHO_DEBUG=1 to see the traceback).
"""
from __future__ import annotations

import argparse
import os
import sys

import flows  # noqa: F401  (sets Prefect's quiet offline defaults before Prefect is imported)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chusho-extract", description=__doc__.splitlines()[0])
    sub = p.add_subparsers(dest="command", required=True)
    run = sub.add_parser("run", help="extract documents and records from files, folders and URLs")
    run.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    run.add_argument("--max-pages", type=int, default=None, help="pages read per PDF")
    run.add_argument("--quiet", action="store_true", help="no progress lines")
    _work_options(run)
    cr = sub.add_parser("crawl", help="crawl start pages and the pages and PDFs they link to on the same site")
    cr.add_argument("start_urls", nargs="*", metavar="START_URL")
    cr.add_argument("--sources", metavar="FILE", help="TOML sources file (start URLs, hosts, patterns, depth)")
    cr.add_argument("--source", action="append", metavar="NAME", help="crawl only this source of the file")
    cr.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    cr.add_argument("--state", metavar="PATH", help="SQLite state file (default: DIR/crawl-state.sqlite)")
    cr.add_argument("--depth", type=int, default=2, help="links followed from the start URLs (default 2)")
    cr.add_argument("--delay", type=float, default=None, help="seconds between requests to one host (default 1)")
    cr.add_argument("--allow-host", action="append", default=[], metavar="HOST", help="another host to follow")
    cr.add_argument("--include", action="append", default=[], metavar="REGEX", help="only URLs whose path matches")
    cr.add_argument("--exclude", action="append", default=[], metavar="REGEX", help="no URL whose path matches")
    cr.add_argument("--max-documents", type=int, default=500, help="pages and PDFs fetched per crawl")
    cr.add_argument("--quiet", action="store_true", help="no progress lines")
    _work_options(cr)
    sv = sub.add_parser("serve", help="serve the crawl (per source, on its cron schedule) and extract flows as "
                        "Prefect deployments on the local Prefect server")
    sv.add_argument("--sources", required=True, metavar="FILE")
    sv.add_argument("--out", required=True, metavar="DIR", help="one output folder per source under DIR")
    sv.add_argument("--port", type=int, default=4200, help="port of the local Prefect server and UI (default 4200)")
    ev = sub.add_parser("evaluate", help="per type record and field precision/recall/F1 against a gold file")
    ev.add_argument("out", metavar="OUT_DIR")
    ev.add_argument("gold", metavar="GOLD.json")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    rv = sub.add_parser("review", help="(re)write the review page review.html of an existing output folder")
    rv.add_argument("out", metavar="OUT_DIR")
    return p


def _work_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc-timeout", type=float, default=None, metavar="SECONDS",
                   help="time limit for reading one document (default 900; 0: none)")
    p.add_argument("--cache-dir", metavar="DIR", help="where each document's work is cached "
                   "(default: $CHUSHO_CACHE_DIR or ~/.cache/chusho-extract/results)")
    p.add_argument("--no-cache", action="store_true", help="neither use nor fill the cache")
    p.add_argument("--runner", choices=("process", "thread", "dask"), default="process",
                   help="where tasks run: worker processes (default), threads, or a Dask cluster")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--dask-address", metavar="ADDRESS", help="scheduler of an existing Dask cluster "
                   "(tcp://host:8786); without it --runner dask starts a local one")


def _settings(args: argparse.Namespace, **more):
    """Settings from the options given (the cache folder is set here too, before Prefect is imported)."""
    from extractors.settings import Settings

    if args.cache_dir:
        flows.set_cache_dir(args.cache_dir)
    given = {"doc_timeout": args.doc_timeout, **more}
    return Settings(**{k: v for k, v in given.items() if v is not None})


def _runner(args: argparse.Namespace):
    """The task runner asked for (built lazily: nothing of Prefect is imported here)."""
    if args.dask_address and args.runner != "dask":
        raise _UsageError("--dask-address goes with --runner dask")
    if args.workers is not None and args.workers < 1:
        raise _UsageError("--workers must be at least 1")
    from flows.runners import make_runner

    return make_runner(args.runner, args.workers, args.dask_address)


def _read_jsonl(path) -> list[dict]:
    import json

    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from extractors.records import format_report, grounding, score

    out = Path(args.out)
    for needed in (out / "records.jsonl", Path(args.gold)):
        if not needed.is_file():
            print(f"chusho-extract: error: no such file: {needed}", file=sys.stderr)
            return 2
    records = _read_jsonl(out / "records.jsonl")
    with open(args.gold, encoding="utf-8") as fh:
        gold = json.load(fh)["records"]
    rep = score(records, gold)
    if (out / "documents.jsonl").is_file():
        total, bad = grounding(records, _read_jsonl(out / "documents.jsonl"))
        rep["grounding"] = {"evidence": total, "ungrounded": bad}
    print(json.dumps(rep, ensure_ascii=False, indent=1) if args.json else format_report(rep))
    return 0


def _cmd_run(args: argparse.Namespace) -> int:
    settings = _settings(args, max_pages=args.max_pages)
    from flows.runcache import cached_run

    summary = None if args.no_cache else cached_run(args.inputs, args.out, settings)
    if summary is not None:
        print("every input is unchanged since a finished run: output written from the cache (no flow run)",
              file=sys.stderr)
    else:
        from flows.extract import extract_flow
        from flows.runners import shared_local_api

        runner = _runner(args)
        with shared_local_api():
            summary = extract_flow.with_options(task_runner=runner)(
                inputs=args.inputs, out=args.out, settings=settings, progress=not args.quiet,
                cache=not args.no_cache)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.counts.items())) or "no documents"
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items()))
    print(f"{summary.documents} documents ({counts}){'; records: ' + records if records else ''} -> {summary.out}")
    return 0 if summary.counts.get("ok", 0) > 0 else 1


def _crawl_sources(args: argparse.Namespace):
    from pydantic import ValidationError

    from schemas.crawl import CrawlSource, SourcesFileError, load_sources

    if bool(args.start_urls) == bool(args.sources):
        raise _UsageError("give START_URLs or --sources FILE (one of the two)")
    if args.sources:
        try:
            sources = load_sources(args.sources)
        except SourcesFileError as exc:
            raise _UsageError(str(exc)) from None
        if args.source:
            unknown = set(args.source) - {s.name for s in sources}
            if unknown:
                raise _UsageError(f"no source named {', '.join(sorted(unknown))} in {args.sources}")
            sources = [s for s in sources if s.name in args.source]
        return sources
    try:
        return [CrawlSource(name="command-line", start_urls=args.start_urls, allowed_hosts=args.allow_host,
                            include=args.include, exclude=args.exclude, max_depth=args.depth,
                            max_documents=args.max_documents, delay=args.delay)]
    except ValidationError as exc:
        raise _UsageError("; ".join(e["msg"] for e in exc.errors())) from None


class _UsageError(Exception):
    pass


def _cmd_crawl(args: argparse.Namespace) -> int:
    sources = _crawl_sources(args)
    settings = _settings(args, crawl_delay=args.delay)
    from flows.crawl import crawl_flow, default_state_path
    from flows.runners import shared_local_api
    from flows.state import StateInUse, lock_state

    try:  # one crawl per state file: say so before Prefect starts, not in a failed flow run
        os.close(lock_state(args.state or default_state_path(args.out)))
    except StateInUse as exc:
        print(f"chusho-extract: {exc}", file=sys.stderr)
        return 3
    runner = _runner(args)
    with shared_local_api():
        summary = crawl_flow.with_options(task_runner=runner)(
            sources=sources, out=args.out, state=args.state, settings=settings, progress=not args.quiet,
            cache=not args.no_cache)
    crawl = summary.crawl
    counts = ", ".join(f"{n} {k}" for k, n in crawl["counts"].items())
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items())) or "none"
    print(f"{summary.documents} documents ({counts}; {crawl['requests']} requests, {crawl['extracted']} extracted); "
          f"records: {records} -> {summary.out}")
    return 0 if summary.counts.get("ok", 0) > 0 else 1


def _cmd_review(args: argparse.Namespace) -> int:
    from pathlib import Path

    from flows.review import rewrite_review

    try:
        page = rewrite_review(Path(args.out))
    except FileNotFoundError as exc:
        print(f"chusho-extract: error: {exc}", file=sys.stderr)
        return 2
    print(page)
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from flows.serve import serve

    return serve(args.sources, args.out, port=args.port)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            return _cmd_run(args)
        if args.command == "crawl":
            return _cmd_crawl(args)
        if args.command == "serve":
            return _cmd_serve(args)
        if args.command == "evaluate":
            return _cmd_evaluate(args)
        if args.command == "review":
            return _cmd_review(args)
    except _UsageError as exc:
        print(f"chusho-extract: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one clear line, no traceback
        if os.environ.get("CHUSHO_DEBUG"):
            raise
        print(f"chusho-extract: error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    return 2


if __name__ == "__main__":
    sys.exit(main())
