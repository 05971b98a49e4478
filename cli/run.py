"""`chusho-extract run PATH_OR_URL... --out DIR`: the extract flow on files, folders and URLs.

In the order that makes a small run quick and a mistake cheap:

1. the command's own checks (paths, the output folder, the options, the cache
   folder), then the output folder's lock (`cli/preflight.py`), before anything
   heavy is imported;
2. inputs that are all URLs of hosts that refuse or do not resolve: told at
   once, without a Prefect server;
3. a whole-run cache hit (every input a local file unchanged since a finished
   run): the output written from it, with no server and no model; else
   (with --no-cache at once, before the cache's imports) the Prefect server
   asked for (`LocalApi.find`) and, for a run on threads, the model worker
   forked (`runtime/modelworker.py`) before Prefect is imported, so that it
   loads the model on the other core meanwhile; then a temporary server
   started (`LocalApi.launch`: a fork of this process once it has imported
   `prefect`, the longest chain of a small run); for a run on processes, once
   Prefect and the flows are imported, the fork server its pool's workers are
   forked from, itself a fork of this process (`runners.fork_pool_server`), which
   loads the model while the server starts;
4. a folder with no document, or a whole-run cache hit: the output written
   without a flow run;
5. else the flow, with Ctrl-C answered as `runtime/interrupt.py` says and the
   server watched (`ServerWatch`); the summary line; the exit status.

Modules that import Prefect, the extractors or the output folder's writers are
imported inside the functions that need them, each where its step begins (the
comment `lazy:` says which step): importing them takes longer than the checks,
and Prefect must be imported after the server's address and the cache folder
are in its environment.
"""
from __future__ import annotations

import argparse
import sys
import threading
import uuid
from datetime import datetime, timezone
from pathlib import Path

from cli.inputs import document_types, local_inputs, missing_paths
from cli.options import UsageError, check_cache, check_runner, out_folder, review_page, settings_from
from cli.preflight import output_lock, unreachable_only
from flows.runtime import interrupt
from flows.runtime.server import LocalApi, ServerWatch
from flows.runtime.timeline import mark


def command(args: argparse.Namespace) -> int:
    args.inputs = local_inputs(args.inputs)  # a name that is not UTF-8: its file: URI (Prefect sends JSON)
    missing = missing_paths(args.inputs)
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}")
    out = out_folder(args.out)
    check_runner(args)
    settings = settings_from(args, max_pages=args.max_pages)
    check_cache(args)
    with output_lock(out):
        return _run_locked(args, settings)


def _run_locked(args: argparse.Namespace, settings) -> int:
    # inputs that are all URLs of hosts that refuse or do not resolve: told before a server or a worker starts
    unreachable = unreachable_only(args.inputs, args.out, settings, progress=not args.quiet)
    if unreachable is not None:
        print(f"{unreachable} documents ({unreachable} failed: unreachable) -> {review_page(args.out)}")
        return 1
    mark("command checked")
    if not args.no_cache:  # (--no-cache: the server asked for at once, without the cache's imports first)
        from flows.runcache import saved_run  # lazy: the whole-run cache, once the command is checked

        saved = saved_run(args.inputs, settings)
        if saved is not None:  # written from the cache: neither a server nor the model
            return _run(args, settings, LocalApi(None, how="not needed"), args.runner, None, saved)
    api = LocalApi.find(start=False)  # first: where the run's server is (Prefect reads it when imported)
    mark(f"Prefect server: {api.how} {api.url}")
    try:
        kind, worker = _start_model_worker(args, settings, api)  # the model loads on the other core meanwhile
    except BaseException:
        api.release()
        raise
    from flows.runtime.modelworker import use  # (imported already by _start_model_worker on threads)

    with use(worker, one_flow=True):  # stopped at the end, whatever happens
        return _run(args, settings, api, kind, worker)


def _start_model_worker(args: argparse.Namespace, settings, api: LocalApi):
    """The run's task runner (`auto` resolved) and, on threads, the model worker (`runtime/modelworker.py`),
    started here, before Prefect is imported, with the local files to read ahead when `auto` judged
    the run small. None when it could not start: the model is then loaded here, in the background.
    Then, when there is anything to read, a temporary server started (`api.launch`: a fork of this
    process once Prefect is imported; for a run on processes before the stages' imports)."""
    # lazy: the extractors, once the server is asked for (the worker, forked, inherits them)
    from extractors.reading.fetch import discover_sources, is_url
    from flows.runtime.runners import choose_runner

    sources = discover_sources(args.inputs)
    small = choose_runner(sources) == "thread"
    kind = args.runner if args.runner != "auto" else ("thread" if small else "process")
    if kind != "thread" or not sources:  # (the process pool's fork server: once Prefect is imported, see _run)
        if sources:  # (none: nothing to read, said without Prefect)
            api.launch()
        return kind, None
    from flows.runtime.modelworker import ModelWorker  # lazy: only a run on threads has one (it imports the stages)

    try:
        worker = ModelWorker.start([s for s in sources if not is_url(s)] if small else [], settings)
    except OSError as exc:  # no process to be had (limits): the tasks load the model in this process
        mark(f"model worker not started ({exc})")
        worker = None
    api.launch()
    return kind, worker


def _run(args: argparse.Namespace, settings, api: LocalApi, kind: str, worker, saved: Path | None = None) -> int:
    """`saved`: where the whole-run cache keeps a finished run of these inputs (`runcache.saved_run`, which
    read and hashed every input: a run it did not find is not looked for again)."""
    # lazy: the output folder's writers and the whole-run cache, after the server and the worker started
    from flows.runcache import cached_run
    from flows.runtime.runners import warm_up_model, warm_up_run_end

    if worker is not None and api.how == "temporary":
        worker.renice(10)  # the server's start takes longest: the model and read-ahead fit in its shadow
    try:
        empty = _nothing_to_read(args, settings)
        if empty is not None:
            api.release()
            return empty
        _skipped_note(args)
        summary = None if saved is None else cached_run(args.inputs, args.out, settings, saved)
        if summary is None and api.how == "not needed":  # the cached run could not be read back after all
            from extractors.reading.fetch import discover_sources  # lazy: as in _start_model_worker
            from flows.runtime.runners import choose_runner

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
            warm_up_model()  # the tasks run in this process: load the model while Prefect is imported
        from flows.extract import extract_flow  # lazy: Prefect, once PREFECT_API_URL is set (LocalApi.find)

        mark("Prefect and the flows imported")
        if kind == "process":
            from flows.runtime.runners import fork_pool_server

            fork_pool_server()  # a copy of this process loads the model while the server starts
        flow_starts = threading.Event()
        warm_up_run_end(flow_starts)  # what this process needs once the flow runs, loaded in the background
        flow = extract_flow.with_options(task_runner=runner_for(args, kind))  # (its parameters' schema: now)
        # a handful of small inputs on threads, or a temporary server: no flow-run heartbeats (see LocalApi.active)
        # a lost server ends the run (ServerWatch)
        with api.active(heartbeats=kind != "thread"), ServerWatch(api, args.out, not args.no_cache):
            if worker is not None and api.how == "temporary":
                worker.renice(0)  # the flow may wait for it now (where that is allowed)
            mark(f"Prefect server answers; flow starts on the {kind} runner")
            flow_starts.set()
            state = flow_state(flow, api, worker, inputs=args.inputs, out=args.out, settings=settings,
                               progress=not args.quiet, cache=not args.no_cache, notes=notes(api))
            summary = flow_summary(state)
    mark("flow ended, server stopped")
    if worker is not None:
        _worker_report(worker)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.counts.items())) or "no documents"
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items()))
    stopped = state is not None and state.is_cancelled()
    print(f"{'stopped: ' if stopped else ''}{summary.documents} documents ({counts})"
          f"{'; records: ' + records if records else ''} -> {review_page(summary.out)}")
    return exit_status(state, summary)


def _nothing_to_read(args: argparse.Namespace, settings) -> int | None:
    """When the inputs (all local) hold no document: say which types are read, write the manifest, exit 1."""
    from extractors.reading.fetch import discover_sources, is_url  # (imported already: see _start_model_worker)
    from output import manifest_for, skipped_files, write_outputs  # lazy: see _run

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
    from output import skipped_files  # lazy: see _run

    skipped = skipped_files(args.inputs)["counts"]
    if skipped and not args.quiet:
        kinds = ", ".join(f"{n} {kind}" for kind, n in skipped.items())
        print(f"note: {sum(skipped.values())} files in the input folders are not read ({kinds}); "
              f"manifest.json lists them", file=sys.stderr)


def _worker_report(worker) -> None:
    """Timeline: what the model worker gave, and whether this process loaded the model after all."""
    nlp = sys.modules.get("extractors.language.nlp")
    stats = ", ".join(f"{n} {what}" for what, n in sorted(worker.stats.items())) or "nothing asked"
    mark(f"model worker: {stats}; model loads in this process: {nlp.model_loads() if nlp else 0}")


# -- calling a flow from the command line (run and crawl)

def runner_for(args: argparse.Namespace, kind: str | None = None):
    """The task runner asked for (checked by check_runner before any work); `kind` resolves `auto`."""
    from flows.runtime.runners import make_runner  # lazy: it imports the extractors (see _start_model_worker)

    kind = kind or ("process" if args.runner == "auto" else args.runner)
    return make_runner(kind, args.workers, args.dask_address)


def flow_state(flow, api: LocalApi, worker=None, **parameters):
    """Call the flow with Ctrl-C answered as `runtime/interrupt.py` says; its final state."""
    interrupt.install()
    if api.process is not None:
        interrupt.on_hard_stop(lambda: api.process is not None and api.process.terminate())  # the last one
    if worker is not None:
        interrupt.on_hard_stop(worker.stop)
    try:
        return flow(**parameters, return_state=True)
    finally:
        interrupt.uninstall()


def flow_summary(state):
    """The RunSummary a flow's final state carries; the flow's own error, raised, when it crashed."""
    from flows.reporting import summary_of_state  # (Prefect is imported by now: the flow ran)

    summary = summary_of_state(state)
    if isinstance(summary, BaseException):
        raise summary
    return summary


def exit_status(state, summary) -> int:
    """130 for a run Ctrl-C stopped, 1 for a Failed one (nothing read, a start page failed), else 0."""
    if state is not None and state.is_cancelled():
        return interrupt.EXIT_STATUS
    return 1 if (state is not None and state.is_failed()) or not summary.counts.get("ok") else 0


def notes(api: LocalApi) -> dict | None:
    """The manifest's account of what was done before the flow: a damaged Prefect database moved aside."""
    return {"prefect_database_reset": api.reset} if api.reset else None
