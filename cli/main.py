"""The `chusho-extract` command line.

    chusho-extract run PATH_OR_URL... --out DIR     run the extract flow (files, folders, URLs)
    chusho-extract crawl START_URL... --out DIR     crawl pages and PDFs politely and incrementally
    chusho-extract crawl --sources sources.toml --out DIR
    chusho-extract serve --sources sources.toml --out DIR   scheduled crawls as Prefect deployments
    chusho-extract evaluate OUT_DIR GOLD.json        score a run's records against gold records
    chusho-extract review OUT_DIR                    (re)write OUT_DIR/review.html from the folder's files

Each command is a module of this package (`run`, `crawl`, `serve`, `evaluate`,
`review`, with the options `run` and `crawl` share in `options`), imported once
the arguments are parsed. Exit status: 0 when at least one document was read,
1 when none could be, 2 for usage errors, 3 when the output folder or crawl
state is in use, 130 when Ctrl-C stopped the run. No traceback reaches the user: unexpected errors are printed
as one line (set CHUSHO_DEBUG=1 to see the traceback). Paths and the output
folder are checked before any work (and before Prefect starts), so a typo costs
a second, not a run.
"""
from __future__ import annotations

import argparse
import atexit
import gc
import os
import sys
from importlib import import_module
from importlib.metadata import PackageNotFoundError, version

import flows  # noqa: F401  (sets Prefect's quiet offline defaults before Prefect is imported)
from cli import streams
from cli.options import UsageError
from cli.preflight import OutputInUse
from flows.runtime import interrupt
from output.atomic import OutputError


class _HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Shows each option's default, unless its help already says it."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        if (action.option_strings and action.default not in (None, False, [], argparse.SUPPRESS)
                and "default" not in text):
            text += " (default: %(default)s)"
        return text


def _version() -> str:
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


_registered: set = set()  # atexit handlers registered by main (once per process)


def _quick_exit() -> None:
    """At the interpreter's exit (the last atexit handler: registered first): no collection of the
    objects that are left. Python's finalization otherwise traverses every object of Prefect, pydantic
    and the model for cycles, a noticeable part of a run of a few seconds, to free memory the exit frees
    anyway."""
    gc.freeze()


def main(argv: list[str] | None = None) -> int:
    streams.survive_closed_stderr()  # `run ... 2>&1 | head`: the run goes on when its progress has no reader
    if _quick_exit not in _registered:
        atexit.register(_quick_exit)
        _registered.add(_quick_exit)
    args = _parser().parse_args(argv)
    status = _main(args)
    if interrupt.stopped():  # threads of tasks left running would hold the interpreter's exit
        interrupt.exit_now(status)
    return status


def _main(args: argparse.Namespace) -> int:
    try:
        # lazy: the command's module, once the arguments are parsed (--help and usage errors stay quick)
        return import_module(f"cli.{args.command}").command(args)
    except UsageError as exc:
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


def _last_line(exc: Exception) -> int:
    """An error that ends the command, as one line (CHUSHO_DEBUG=1: the traceback)."""
    if os.environ.get("CHUSHO_DEBUG"):
        raise  # noqa: PLE0704  (called inside main's except block)
    said = str(exc) if isinstance(exc, OutputError) else f"{type(exc).__name__}: {exc}"  # it names folder and need
    print(f"chusho-extract: error: {said}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
