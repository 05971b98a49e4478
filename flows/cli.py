"""The `chusho-extract` command line.

    chusho-extract run PATH_OR_URL... --out DIR     run the extract flow (files, folders, URLs)
    chusho-extract crawl START_URL... --out DIR     crawl pages and PDFs politely and incrementally
    chusho-extract crawl --sources sources.toml --out DIR
    chusho-extract serve --sources sources.toml --out DIR   scheduled crawls as Prefect deployments
    chusho-extract evaluate OUT_DIR GOLD.json        score a run's records against gold records
    chusho-extract review OUT_DIR                    (re)write OUT_DIR/review.html from the folder's files

Exit status: 0 when at least one document was read, 1 when none could be, 2
for usage errors. No traceback reaches the user: unexpected errors are printed
as one line (set CHUSHO_DEBUG=1 to see the traceback). Paths and the output
folder are checked before any work (and before Prefect starts), so a typo costs
a second, not a run.
"""
from __future__ import annotations

import argparse
import os
import sys

import flows  # noqa: F401  (sets Prefect's quiet offline defaults before Prefect is imported)
from flows.preflight import OutputInUse
from flows.timeline import mark


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Shows each option's default, unless its help already says it."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if (action.option_strings and action.default not in (None, False, [], argparse.SUPPRESS)
                and "default" not in text):
            text += " (default: %(default)s)"
        return text


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    def of(name: str) -> str:
        try:
            return version(name)
        except PackageNotFoundError:
            return "not installed"

    return (f"chusho-extract {of('chusho-extract')} (prefect {of('prefect')}, ja-ginza {of('ja-ginza')}, "
            f"Python {sys.version.split()[0]})")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="chusho-extract", description=__doc__.split("\n\n")[0],
                                formatter_class=_HelpFormatter)
    p.add_argument("--version", action="version", version=_version(), help="print the version and exit")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    run = sub.add_parser("run", help="extract documents and records from files, folders and URLs",
                         description="Extract documents and records from files, folders (walked recursively "
                         "for .pdf/.html/.htm/.xhtml) and http(s) URLs into an output folder.",
                         formatter_class=_HelpFormatter)
    run.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help="files, folders and http(s) URLs to read")
    run.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    run.add_argument("--max-pages", type=int, default=None, metavar="N",
                     help="pages read per PDF; later pages are left out with a warning (default 2000)")
    run.add_argument("--quiet", action="store_true", help="no progress lines")
    _work_options(run)
    cr = sub.add_parser("crawl", help="crawl start pages and the pages and PDFs they link to on the same site",
                        description="Crawl start pages, or the sources of a sources file, politely and "
                        "incrementally, and extract records from the pages and PDFs found.",
                        formatter_class=_HelpFormatter)
    cr.add_argument("start_urls", nargs="*", metavar="START_URL", help="pages to start from (or use --sources)")
    cr.add_argument("--sources", metavar="FILE", help="TOML sources file (start URLs, hosts, patterns, depth)")
    cr.add_argument("--source", action="append", metavar="NAME", help="crawl only this source of the file")
    cr.add_argument("--out", required=True, metavar="DIR", help="output folder (created if missing)")
    cr.add_argument("--state", metavar="PATH", help="SQLite state file (default: DIR/crawl-state.sqlite)")
    cr.add_argument("--depth", type=int, default=2, metavar="N", help="links followed from the start URLs (default 2)")
    cr.add_argument("--delay", type=float, default=None, metavar="SECONDS",
                    help="seconds between requests to one host (default 1; a longer robots.txt Crawl-delay wins)")
    cr.add_argument("--allow-host", action="append", default=[], metavar="HOST", help="another host to follow")
    cr.add_argument("--include", action="append", default=[], metavar="REGEX", help="only URLs whose path matches")
    cr.add_argument("--exclude", action="append", default=[], metavar="REGEX", help="no URL whose path matches")
    cr.add_argument("--max-documents", type=int, default=500, metavar="N", help="pages and PDFs fetched per crawl")
    cr.add_argument("--quiet", action="store_true", help="no progress lines")
    _work_options(cr)
    sv = sub.add_parser("serve", help="serve the crawl (per source, on its cron schedule) and extract flows as "
                        "Prefect deployments on the local Prefect server",
                        description="Serve one crawl deployment per source (on its cron schedule, in the sources "
                        "file's time zone, default Asia/Tokyo) and a manual extract deployment, on a local Prefect "
                        "server with its UI (or the one PREFECT_API_URL names). The server's log goes to "
                        "DIR/prefect-server.log.", formatter_class=_HelpFormatter)
    sv.add_argument("--sources", required=True, metavar="FILE",
                    help="TOML sources file: start URLs, scope, schedule and time zone per source")
    sv.add_argument("--out", required=True, metavar="DIR",
                    help="one output folder per source under DIR, and the server's log DIR/prefect-server.log")
    sv.add_argument("--port", type=int, default=4200, help="port of the local Prefect server and UI (default 4200)")
    ev = sub.add_parser("evaluate", help="per type record and field precision/recall/F1 against a gold file",
                        description="Score a run's records against a gold file, on the documents both hold; "
                        "prints the figures, the missed and spurious records and the fields got wrong.",
                        formatter_class=_HelpFormatter)
    ev.add_argument("out", metavar="OUT_DIR", help="a run's output folder (with records.jsonl)")
    ev.add_argument("gold", metavar="GOLD.json", help='gold file: {"records": [...], "negatives": [...]}')
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    rv = sub.add_parser("review", help="(re)write the review page review.html of an existing output folder",
                        description="Write OUT_DIR/review.html again from the folder's own files (manifest.json, "
                        "records.jsonl, documents.jsonl, rejected.jsonl, changes.jsonl): one self-contained page "
                        "with the run's summary, the records with their evidence highlighted in the document text, "
                        "the documents and the rejected candidates. Prints the page's path.",
                        formatter_class=_HelpFormatter)
    rv.add_argument("out", metavar="OUT_DIR", help="a run's output folder (with manifest.json)")
    return p


def _work_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--doc-timeout", type=float, default=None, metavar="SECONDS",
                   help="time limit for reading one document, and again for building its records (its parts' "
                   "work added up) (default 900; 0: none)")
    p.add_argument("--max-worker-memory", type=int, default=None, metavar="MB",
                   help="resident memory a worker process may reach on one document: the document fails and "
                   "the worker is replaced (default 4096; 0: none)")
    p.add_argument("--split-pages", type=int, default=None, metavar="N",
                   help="a PDF of more pages is read in ranges of about N pages, a task and a progress line "
                   "each (default 40)")
    p.add_argument("--split-chars", type=int, default=None, metavar="N",
                   help="a document whose passages for the model hold more characters is worked on in parts of "
                   "about N, a task and a progress line each (default 60000)")
    p.add_argument("--cache-dir", metavar="DIR", help="where each document's work is cached "
                   "(default: $CHUSHO_CACHE_DIR or ~/.cache/chusho-extract/results)")
    p.add_argument("--no-cache", action="store_true", help="neither use nor fill the cache")
    p.add_argument("--runner", choices=("auto", "process", "thread", "dask"), default="auto",
                   help="where tasks run: worker processes, threads, or a Dask cluster; auto: threads for up to "
                   "4 inputs of 3 MB in all (run), worker processes otherwise")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: one per core)")
    p.add_argument("--dask-address", metavar="ADDRESS", help="scheduler of an existing Dask cluster "
                   "(tcp://host:8786); without it --runner dask starts a local one")


def _settings(args: argparse.Namespace, **more):
    """Settings from the options given (the cache folder is set here too, before Prefect is imported)."""
    from pydantic import ValidationError

    from extractors.settings import Settings

    if args.cache_dir:
        flows.set_cache_dir(args.cache_dir)
    given = {"doc_timeout": args.doc_timeout, "max_worker_memory": args.max_worker_memory,
             "split_pages": args.split_pages, "split_chars": args.split_chars, **more}
    try:
        return Settings(**{k: v for k, v in given.items() if v is not None})
    except ValidationError as exc:
        raise _UsageError("; ".join(f"--{str(e['loc'][0]).replace('_', '-')}: {e['msg']}"
                                    for e in exc.errors())) from None


def _check_runner(args: argparse.Namespace) -> None:
    if args.dask_address and args.runner != "dask":
        raise _UsageError("--dask-address goes with --runner dask")
    if args.workers is not None and args.workers < 1:
        raise _UsageError("--workers must be at least 1")


def _runner(args: argparse.Namespace, kind: str | None = None):
    """The task runner asked for (checked by _check_runner before any work); `kind` resolves `auto`."""
    from flows.runners import make_runner

    kind = kind or ("process" if args.runner == "auto" else args.runner)
    return make_runner(kind, args.workers, args.dask_address)


def _out_folder(path: str, option: str = "--out"):
    from flows.inputs import InputError, check_output_folder

    try:
        return check_output_folder(path, option)
    except InputError as exc:
        raise _UsageError(str(exc)) from None


def _check_cache(args: argparse.Namespace) -> None:
    """A cache folder that cannot be written (read-only, not creatable) is found now, not after the work:
    the run goes on without the cache (as with --no-cache), with one warning."""
    if args.no_cache:
        return
    from flows.inputs import InputError, check_output_folder

    folder = args.cache_dir or os.environ.get("CHUSHO_CACHE_DIR") or flows.default_cache_dir()
    try:
        check_output_folder(folder, "the cache folder")
    except InputError as exc:
        print(f"chusho-extract: warning: {exc}: running without the cache (as with --no-cache)", file=sys.stderr)
        args.no_cache = True


class _UsageError(Exception):
    pass


_registered: set = set()  # atexit handlers registered by main (once per process)


def _read_jsonl(path, what: str) -> list[dict]:
    import json

    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise _UsageError(f"{path} is not a {what} file: line {n} is not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise _UsageError(f"{path} is not a {what} file: line {n} is not a JSON object")
            rows.append(row)
    return rows


def _load_gold(path) -> dict:
    import json

    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise _UsageError(f"{path} is not a gold file: not JSON ({exc})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("records"), list) or \
            not all(isinstance(r, dict) and "type" in r for r in gold["records"]):
        raise _UsageError(f'{path} is not a gold file: expected a JSON object {{"records": [...]}} '
                          f"whose records each have a \"type\"")
    return gold


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from extractors.records import covered, format_report, grounding, score

    out, gold_path = Path(args.out), Path(args.gold)
    if not out.is_dir():
        raise _UsageError(f"OUT_DIR {out} is not a folder: give a run's output folder")
    if not (out / "records.jsonl").is_file():
        raise _UsageError(f"{out} holds no records.jsonl: not a run's output folder")
    if not gold_path.is_file():
        raise _UsageError(f"no such gold file: {gold_path}")
    gold = _load_gold(gold_path)
    records = _read_jsonl(out / "records.jsonl", "records")
    documents = _read_jsonl(out / "documents.jsonl", "documents") if (out / "documents.jsonl").is_file() else []
    records, gold_records, coverage = covered(records, documents, gold)
    if coverage["documents_named"] and not coverage["scored_documents"]:
        names = ", ".join(sorted(coverage["gold_not_in_run"])[:5])
        raise _UsageError(f"none of the documents in {out} is covered by {gold_path} (it covers {names}, ...): "
                          f"nothing to score")
    rep = score(records, gold_records)
    rep["coverage"] = coverage
    if documents:
        total, bad = grounding(records, documents)
        rep["grounding"] = {"evidence": total, "ungrounded": bad}
    if coverage["documents_named"]:
        notes = [f"scored {len(coverage['scored_documents'])} documents that {gold_path.name} covers"]
        if coverage["not_in_gold"]:
            notes.append(f"{len(coverage['not_in_gold'])} documents of the output are not in the gold file and "
                         f"not scored ({coverage['records_not_scored']} records): "
                         + ", ".join(coverage["not_in_gold"][:5]) + (", ..." if len(coverage["not_in_gold"]) > 5
                                                                       else ""))
        if coverage["gold_not_in_run"]:
            notes.append(f"{len(coverage['gold_not_in_run'])} documents of the gold file are not in the output "
                         f"and not scored ({coverage['gold_records_not_scored']} gold records): "
                         + ", ".join(coverage["gold_not_in_run"][:5])
                         + (", ..." if len(coverage["gold_not_in_run"]) > 5 else ""))
    else:
        notes = [f"{gold_path.name} names no documents: every record is scored"]
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    print(json.dumps(rep, ensure_ascii=False, indent=1) if args.json else format_report(rep))
    sys.stdout.flush()  # a closed pipe (| head) shows here, inside main's handler
    return 0


def _check_inputs(args: argparse.Namespace) -> None:
    from flows.inputs import missing_paths

    missing = missing_paths(args.inputs)
    if missing:
        raise _UsageError(f"no such file or folder: {', '.join(missing)}")


def _nothing_to_read(args: argparse.Namespace, settings) -> int | None:
    """When the inputs (all local) hold no document: say which types are read, write the manifest, exit 1."""
    import uuid
    from datetime import datetime, timezone
    from pathlib import Path

    from extractors.reading.fetch import discover_sources, is_url
    from flows.inputs import document_types, skipped_files
    from flows.output import manifest_for, write_outputs

    if any(is_url(i) for i in args.inputs) or discover_sources(args.inputs):
        return None
    skipped = skipped_files(args.inputs)
    found = ", ".join(f"{n} {kind}" for kind, n in skipped["counts"].items()) or "no files"
    print(f"chusho-extract: no documents to read in {', '.join(args.inputs)}: folders are searched for "
          f"{document_types()} files; found {found} (listed in manifest.json)", file=sys.stderr)
    now = datetime.now(timezone.utc).isoformat()
    run = {"id": str(uuid.uuid4()), "started": now, "inputs": args.inputs, "skipped_files": skipped}
    write_outputs(Path(args.out), [], [], [], manifest_for(run, [], [], [], settings))
    return 1


def _skipped_note(args: argparse.Namespace) -> None:
    from flows.inputs import skipped_files

    skipped = skipped_files(args.inputs)["counts"]
    if skipped and not args.quiet:
        kinds = ", ".join(f"{n} {kind}" for kind, n in skipped.items())
        print(f"note: {sum(skipped.values())} files in the input folders are not read ({kinds}); "
              f"manifest.json lists them", file=sys.stderr)


def _start_model_worker(args: argparse.Namespace, settings):
    """The run's task runner (`auto` resolved) and, on threads, the model worker (flows/modelworker.py),
    started here, before Prefect is imported, with the local files to read ahead when `auto` judged
    the run small. None when it could not start: the model is then loaded here, in the background."""
    from extractors.reading.fetch import discover_sources, is_url
    from flows.runners import choose_runner

    sources = discover_sources(args.inputs)
    small = choose_runner(sources) == "thread"
    kind = args.runner if args.runner != "auto" else ("thread" if small else "process")
    if kind != "thread" or not sources:
        return kind, None
    from flows.modelworker import ModelWorker

    try:
        return kind, ModelWorker.start([s for s in sources if not is_url(s)] if small else [], settings)
    except OSError as exc:  # no process to be had (limits): the tasks load the model in this process
        mark(f"model worker not started ({exc})")
        return kind, None


def _cmd_run(args: argparse.Namespace) -> int:
    from flows.inputs import local_inputs

    args.inputs = local_inputs(args.inputs)  # a name that is not UTF-8: its file: URI (Prefect sends JSON)
    _check_inputs(args)
    out = _out_folder(args.out)
    _check_runner(args)
    settings = _settings(args, max_pages=args.max_pages)
    _check_cache(args)
    from flows.preflight import output_lock

    with output_lock(out):
        return _run_locked(args, settings)


def _run_locked(args: argparse.Namespace, settings) -> int:
    from flows.preflight import unreachable_only

    # inputs that are all URLs of hosts that refuse or do not resolve: told before a server or a worker starts
    unreachable = unreachable_only(args.inputs, args.out, settings, progress=not args.quiet)
    if unreachable is not None:
        print(f"{unreachable} documents ({unreachable} failed: unreachable) -> {_review_page(args.out)}")
        return 1
    mark("command checked")
    from flows.runcache import saved_run_exists
    from flows.runners import LocalApi

    if not args.no_cache and saved_run_exists(args.inputs, settings):  # written from the cache: no server
        api, kind, worker = LocalApi(None, how="not needed"), args.runner, None  # nor model is needed
        return _run(args, settings, api, kind, worker)
    api = LocalApi.find()  # first: a server of our own (~6 s to start) starts while the rest is done
    mark(f"Prefect server: {api.how} {api.url}")
    try:
        kind, worker = _start_model_worker(args, settings)  # then the model loads on the other core meanwhile
    except BaseException:
        api.release()
        raise
    from flows.modelworker import use

    with use(worker):  # stopped at the end, whatever happens
        return _run(args, settings, api, kind, worker)


def _run(args: argparse.Namespace, settings, api, kind: str, worker) -> int:
    if worker is not None and api.how == "temporary":
        worker.renice(10)  # the server's start takes longest: the model and read-ahead fit in its shadow
    try:
        empty = _nothing_to_read(args, settings)
        if empty is not None:
            api.release()
            return empty
        _skipped_note(args)
        from flows.runcache import cached_run

        summary = None if args.no_cache else cached_run(args.inputs, args.out, settings)
        if summary is None and api.how == "not needed":  # the cached run could not be read back after all
            from extractors.reading.fetch import discover_sources
            from flows.runners import LocalApi, choose_runner

            api = LocalApi.find()
            kind = args.runner if args.runner != "auto" else choose_runner(discover_sources(args.inputs))
            mark(f"Prefect server: {api.how} {api.url}")
    except BaseException:
        api.release()
        raise
    state = None
    if summary is not None:
        api.release()
        print("every input is unchanged since a finished run: output written from the cache (no flow run)",
              file=sys.stderr)
    else:
        if kind == "thread" and worker is None:
            from flows.runners import warm_up_model

            warm_up_model()  # the tasks run in this process: load the model while Prefect is imported
        from flows.extract import extract_flow
        from flows.runners import ServerWatch

        mark("Prefect and the flows imported")
        runner = _runner(args, kind)
        # a handful of small inputs on threads: no flow-run heartbeats (see LocalApi.active)
        # a lost server ends the run (ServerWatch)
        with api.active(heartbeats=kind != "thread"), ServerWatch(api, args.out, not args.no_cache):
            if worker is not None and api.how == "temporary":
                worker.renice(0)  # the flow may wait for it now (where that is allowed)
            mark(f"Prefect server answers; flow starts on the {kind} runner")
            state = _flow_state(extract_flow.with_options(task_runner=runner), api, worker,
                                inputs=args.inputs, out=args.out, settings=settings, progress=not args.quiet,
                                cache=not args.no_cache, notes=_notes(api))
            summary = _summary_of(state)
    mark("flow ended, server stopped")
    if worker is not None:
        _worker_report(worker)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.counts.items())) or "no documents"
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items()))
    stopped = state is not None and state.is_cancelled()
    print(f"{'stopped: ' if stopped else ''}{summary.documents} documents ({counts})"
          f"{'; records: ' + records if records else ''} -> {_review_page(summary.out)}")
    return _exit_status(state, summary)


def _review_page(out: str) -> str:
    """Where the summary line points: the output folder, and its review page for people."""
    from pathlib import Path

    return f"{out} (review page: {Path(out) / 'review.html'})"


def _flow_state(flow, api, worker=None, **parameters):
    """Call the flow with Ctrl-C answered as `flows/interrupt.py` says; its final state."""
    from flows import interrupt

    interrupt.install()
    if api.process is not None:
        interrupt.on_hard_stop(lambda: api.process is not None and api.process.terminate())  # the last one
    if worker is not None:
        interrupt.on_hard_stop(worker.stop)
    try:
        return flow(**parameters, return_state=True)
    finally:
        interrupt.uninstall()


def _summary_of(state):
    """The RunSummary a flow's final state carries; the flow's own error, raised, when it crashed."""
    from flows.reporting import summary_of_state

    summary = summary_of_state(state)
    if isinstance(summary, BaseException):
        raise summary
    return summary


def _exit_status(state, summary) -> int:
    """130 for a run Ctrl-C stopped, 1 for a Failed one (nothing read, a start page failed), else 0."""
    from flows.interrupt import EXIT_STATUS

    if state is not None and state.is_cancelled():
        return EXIT_STATUS
    return 1 if (state is not None and state.is_failed()) or not summary.counts.get("ok") else 0


def _notes(api) -> dict | None:
    """The manifest's account of what was done before the flow: a damaged Prefect database moved aside."""
    return {"prefect_database_reset": api.reset} if api.reset else None


def _worker_report(worker) -> None:
    """Timeline: what the model worker gave, and whether this process loaded the model after all."""
    nlp = sys.modules.get("extractors.language.nlp")
    stats = ", ".join(f"{n} {what}" for what, n in sorted(worker.stats.items())) or "nothing asked"
    mark(f"model worker: {stats}; model loads in this process: {nlp.model_loads() if nlp else 0}")


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


def _cmd_crawl(args: argparse.Namespace) -> int:
    from pathlib import Path

    sources = _crawl_sources(args)
    out = _out_folder(args.out)
    if args.state:
        _out_folder(str(Path(args.state).parent), "--state's folder")
    _check_runner(args)
    settings = _settings(args, crawl_delay=args.delay)
    _check_cache(args)
    from flows.state import StateInUse, default_state_path, lock_state

    try:  # one crawl per state file: say so before Prefect starts, not in a failed flow run
        os.close(lock_state(args.state or default_state_path(args.out)))
    except StateInUse as exc:
        print(f"chusho-extract: {exc}", file=sys.stderr)
        return 3
    from flows.preflight import output_lock

    with output_lock(out):
        return _crawl_locked(args, sources, settings)


def _crawl_locked(args: argparse.Namespace, sources, settings) -> int:
    from flows.runners import LocalApi

    api = LocalApi.find()  # first: a server of our own starts while the flows are imported
    from flows.crawl import crawl_flow

    from flows.runners import ServerWatch

    runner = _runner(args)  # auto: worker processes (how many documents a crawl finds is not known)
    with api.active(), ServerWatch(api, args.out, not args.no_cache):  # a lost server ends the crawl
        state = _flow_state(crawl_flow.with_options(task_runner=runner), api, sources=sources, out=args.out,
                            state=args.state, settings=settings, progress=not args.quiet, cache=not args.no_cache,
                            notes=_notes(api))
        summary = _summary_of(state)
    crawl = summary.crawl
    counts = ", ".join(f"{n} {k}" for k, n in crawl["counts"].items())
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items())) or "none"
    print(f"{'stopped: ' if state.is_cancelled() else ''}{summary.documents} documents ({counts}; "
          f"{crawl['requests']} requests, {crawl['extracted']} extracted); records: {records} -> "
          f"{_review_page(summary.out)}")
    if state.is_failed():
        print(f"chusho-extract: the crawl failed: {state.message.split('; ')[0]}", file=sys.stderr)
    return _exit_status(state, summary)


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
    from schemas.crawl import SourcesFileError, load_sources

    try:
        load_sources(args.sources)
    except SourcesFileError as exc:
        raise _UsageError(str(exc)) from None
    _out_folder(args.out)
    from flows.runners import port_in_use

    if not os.environ.get("PREFECT_API_URL") and port_in_use(args.port):
        raise _UsageError(f"port {args.port} on 127.0.0.1 is in use (another Prefect server?): choose another "
                          f"with --port, or set PREFECT_API_URL to use that server")
    from flows.serve import serve

    return serve(args.sources, args.out, port=args.port)


def _quick_exit() -> None:
    """At the interpreter's exit (the last atexit handler: registered first): no collection of the
    objects that are left. Python's finalization otherwise traverses every object of Prefect, pydantic
    and the model for cycles, ~0.4 s of a run of a few seconds, to free memory the exit frees anyway."""
    import gc

    gc.freeze()


def main(argv: list[str] | None = None) -> int:
    if _quick_exit not in _registered:
        import atexit

        atexit.register(_quick_exit)
        _registered.add(_quick_exit)
    args = _parser().parse_args(argv)
    status = _main(args)
    from flows import interrupt

    if interrupt.stopped():  # threads of tasks left running would hold the interpreter's exit
        interrupt.exit_now(status)
    return status


def _main(args: argparse.Namespace) -> int:
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
    except OutputInUse as exc:
        print(f"chusho-extract: {exc}", file=sys.stderr)
        return OutputInUse.exit_status
    except BrokenPipeError:  # the reader went away (| head): not an error; no complaint at exit either
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the last line of defence: one clear line, no traceback
        return _last_line(exc)
    return 2


def _last_line(exc: Exception) -> int:
    """An error that ends the command, as one line (CHUSHO_DEBUG=1: the traceback)."""
    if os.environ.get("CHUSHO_DEBUG"):
        raise  # noqa: PLE0704  (called inside main's except block)
    from flows.output import OutputError

    said = str(exc) if isinstance(exc, OutputError) else f"{type(exc).__name__}: {exc}"  # it names folder and need
    print(f"chusho-extract: error: {said}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
