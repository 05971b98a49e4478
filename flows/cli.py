"""The `chusho-extract` command line.

    chusho-extract run PATH_OR_URL... --out DIR     run the extract flow (files, folders, URLs)
    chusho-extract evaluate OUT_DIR GOLD.json        score a run's records against gold records

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
    ev = sub.add_parser("evaluate", help="per type record and field precision/recall/F1 against a gold file")
    ev.add_argument("out", metavar="OUT_DIR")
    ev.add_argument("gold", metavar="GOLD.json")
    ev.add_argument("--json", action="store_true", help="print the report as JSON")
    return p


def _read_jsonl(path) -> list[dict]:
    import json

    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _cmd_evaluate(args: argparse.Namespace) -> int:
    import json
    from pathlib import Path

    from extractors.evaluate import format_report, grounding, score

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
        if args.command == "evaluate":
            return _cmd_evaluate(args)
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
