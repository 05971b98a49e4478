"""`chusho-extract evaluate OUT_DIR GOLD.json [--json]`: a run's records scored against a gold file.

Scores as `../shared/eval/score.py` does (`extractors.records.evaluate`), on
the documents both the output and the gold file hold (the others are named on
stderr); prints per type the record and field precision/recall/F1, the micro
field F1, the missed and spurious records, each wrong field and the evidence
grounding. A file that is not an output folder or a gold file is a usage error.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from cli.options import UsageError
from extractors.records import covered, format_report, grounding, score


def _read_jsonl(path, what: str) -> list[dict]:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                raise UsageError(f"{path} is not a {what} file: line {n} is not JSON ({exc.msg})") from None
            if not isinstance(row, dict):
                raise UsageError(f"{path} is not a {what} file: line {n} is not a JSON object")
            rows.append(row)
    return rows


def _load_gold(path) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            gold = json.load(fh)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path} is not a gold file: not JSON ({exc})") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("records"), list) or \
            not all(isinstance(r, dict) and "type" in r for r in gold["records"]):
        raise UsageError(f'{path} is not a gold file: expected a JSON object {{"records": [...]}} '
                          f"whose records each have a \"type\"")
    return gold


def command(args: argparse.Namespace) -> int:
    out, gold_path = Path(args.out), Path(args.gold)
    if not out.is_dir():
        raise UsageError(f"OUT_DIR {out} is not a folder: give a run's output folder")
    if not (out / "records.jsonl").is_file():
        raise UsageError(f"{out} holds no records.jsonl: not a run's output folder")
    if not gold_path.is_file():
        raise UsageError(f"no such gold file: {gold_path}")
    gold = _load_gold(gold_path)
    records = _read_jsonl(out / "records.jsonl", "records")
    documents = _read_jsonl(out / "documents.jsonl", "documents") if (out / "documents.jsonl").is_file() else []
    records, gold_records, coverage = covered(records, documents, gold)
    if coverage["documents_named"] and not coverage["scored_documents"]:
        names = ", ".join(sorted(coverage["gold_not_in_run"])[:5])
        raise UsageError(f"none of the documents in {out} is covered by {gold_path} (it covers {names}, ...): "
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
