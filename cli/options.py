"""The options `run` and `crawl` share, checked before any work: settings, runner, folders, cache.

Each check raises `UsageError` with the one line the user sees (the command
exits 2), except a cache folder that cannot be written, which costs a warning:
the run goes on without the cache.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli.inputs import InputError, check_output_folder
from flows.runtime.environment import cache_dir, set_cache_dir


class UsageError(Exception):
    """A mistake in the command: its message is the one line the user sees (exit status 2)."""


def settings_from(args: argparse.Namespace, **more):
    """Settings from the options given (the cache folder is set here too, before Prefect is imported)."""
    # lazy: pydantic and the settings model load after the cheaper checks, so a typo is told at once
    from pydantic import ValidationError

    from extractors.settings import Settings

    if args.cache_dir:
        set_cache_dir(args.cache_dir)
    given = {"doc_timeout": args.doc_timeout, "max_worker_memory": args.max_worker_memory,
             "split_pages": args.split_pages, "split_chars": args.split_chars, **more}
    try:
        return Settings(**{k: v for k, v in given.items() if v is not None})
    except ValidationError as exc:
        raise UsageError("; ".join(f"--{str(e['loc'][0]).replace('_', '-')}: {e['msg']}"
                                   for e in exc.errors())) from None


def check_runner(args: argparse.Namespace) -> None:
    if args.dask_address and args.runner != "dask":
        raise UsageError("--dask-address goes with --runner dask")
    if args.workers is not None and args.workers < 1:
        raise UsageError("--workers must be at least 1")


def out_folder(path: str, option: str = "--out"):
    try:
        return check_output_folder(path, option)
    except InputError as exc:
        raise UsageError(str(exc)) from None


def check_cache(args: argparse.Namespace) -> None:
    """A cache folder that cannot be written (read-only, not creatable) is found now, not after the work:
    the run goes on without the cache (as with --no-cache), with one warning."""
    if args.no_cache:
        return
    try:
        check_output_folder(args.cache_dir or cache_dir(), "the cache folder")
    except InputError as exc:
        print(f"chusho-extract: warning: {exc}: running without the cache (as with --no-cache)", file=sys.stderr)
        args.no_cache = True


def review_page(out: str) -> str:
    """Where the summary line points: the output folder, and its review page for people."""
    return f"{out} (review page: {Path(out) / 'review.html'})"
