"""The `chusho-extract` command line.

    chusho-extract run PATH_OR_URL... --out DIR     run the extract flow (files, folders, URLs)

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
    return p


def _cmd_run(args: argparse.Namespace) -> int:
    from extractors.settings import Settings
    from flows.extract import extract_flow

    overrides = {"max_pages": args.max_pages} if args.max_pages else {}
    summary = extract_flow(inputs=args.inputs, out=args.out, settings=Settings(**overrides),
                           progress=not args.quiet)
    counts = ", ".join(f"{n} {status}" for status, n in sorted(summary.counts.items())) or "no documents"
    records = ", ".join(f"{n} {t}" for t, n in sorted(summary.records.items()))
    print(f"{summary.documents} documents ({counts}){'; records: ' + records if records else ''} -> {summary.out}")
    return 0 if summary.counts.get("ok", 0) > 0 else 1


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "run":
            return _cmd_run(args)
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
