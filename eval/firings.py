"""The held-out table of a change: the field values it alone gave or changed, per set, right or wrong.

    .venv/bin/python eval/dev.py --set dev --out BEFORE/dev             (and --texts/--gold per fresh set,
    .venv/bin/python eval/dev.py --texts /work/fresh/A --gold ... --out BEFORE/A     likewise AFTER/...)
    .venv/bin/python eval/firings.py BEFORE AFTER [--type summit --type ordinance] [--list]

BEFORE and AFTER hold one `eval/dev.py --out` folder per set (any name: `dev`, `A`, …; each with its
`<set>/records.jsonl` and `<set>/gold.json`), written by the code without and with the change. A
firing is a scored field value of an AFTER record that its BEFORE record (the same document, series,
edition and name) did not have: a new record gives one firing per value. It is right when it equals
the gold value of the gold record the AFTER record matches under `../shared/eval/score.py`'s
matching; a value where the gold has none, or of a record that matches no gold record, is wrong.
Records the change removed are listed apart. The last line gives what round 9 asks of a mechanism:
firings, right, precision, and the sets on which it fired right (kept when right on three sets or
more, at precision 0.8 or more over 8 firings or more).

Only records and gold are read, never a text: it may be run on any set one may score.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path

SCORE = Path(__file__).resolve().parent.parent.parent / "shared" / "eval" / "score.py"


def scorer():
    if not SCORE.exists():
        raise SystemExit(f"the team's scorer is not at {SCORE}: ../shared is development material, not in the repository")
    spec = importlib.util.spec_from_file_location("shared_score", SCORE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _doc(record: dict) -> str:
    return Path(record["sources"][0]["uri"]).stem


def matched(sc, records: list[dict], gold: list[dict], typ: str) -> tuple[list[dict], dict[int, dict]]:
    """The records of a type and, by index, the gold record each matches (score.py's matching)."""
    preds = [r for r in records if r["type"] == typ]
    golds = [g for g in gold if g["type"] == typ]
    pairs = sorted(((sc.field_counts(typ, p, g)[2], i, j) for i, p in enumerate(preds) for j, g in enumerate(golds)
                    if sc.can_match(typ, p, g)), key=lambda t: (-t[0], bool(golds[t[2]].get("optional"))))
    used_p, used_g, out = set(), set(), {}
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out[i] = golds[j]
    return preds, out


def _value(sc, record: dict | None, field: str):
    if record is None:
        return None
    return sc.ordinance_dates(record) or None if field == "dates" else record.get(field)


def _right(sc, field: str, value, gold: dict | None) -> bool:
    if gold is None or gold.get(field) is None:
        return False
    if field == "dates":
        options = [g for g in sc.options(gold["dates"]) if g]
        return any(sc.norm(v) == sc.norm(g) for v in value for g in options)
    return sc.same(field, value, gold[field])


def firings(sc, before: Path, after: Path, types: list[str]) -> tuple[list[tuple], list[tuple]]:
    """(set, type, doc, edition or name, field, old, new, right) per firing; (set, type, doc, record) removed."""
    fired, removed = [], []
    for folder in sorted(p for p in after.iterdir() if (p / "records.jsonl").exists()):
        name = folder.name
        gold = json.loads((folder / "gold.json").read_text(encoding="utf-8"))["records"]
        old_records = [json.loads(x) for x in (before / name / "records.jsonl").open(encoding="utf-8")]
        new_records = [json.loads(x) for x in (folder / "records.jsonl").open(encoding="utf-8")]
        for typ in types:
            fields = [f for f in sc.SCORED[typ] if f != "parties"]
            key = lambda r: (_doc(r), r.get("series"), r.get("edition"), r.get("name"))  # noqa: E731
            olds = [r for r in old_records if r["type"] == typ]
            preds, gold_of = matched(sc, new_records, gold, typ)
            for i, r in enumerate(preds):
                same = [o for o in olds if key(o) == key(r)]
                old = max(same, key=lambda o: sum(o.get(f) == r.get(f) for f in fields)) if same else None
                for f in fields:
                    new_value, old_value = _value(sc, r, f), _value(sc, old, f)
                    if new_value is not None and new_value != old_value:
                        fired.append((name, typ, _doc(r), r.get("edition") or r.get("name"), f, old_value, new_value,
                                      _right(sc, f, new_value, gold_of.get(i))))
            keys = {key(r) for r in preds}
            removed += [(name, typ, _doc(o), o.get("edition") or o.get("name")) for o in olds if key(o) not in keys]
    return fired, removed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("before", type=Path)
    ap.add_argument("after", type=Path)
    ap.add_argument("--type", action="append", dest="types", help="summit, agreement, ordinance (repeatable)")
    ap.add_argument("--list", action="store_true", help="print every firing")
    args = ap.parse_args()
    sc = scorer()
    fired, removed = firings(sc, args.before, args.after, args.types or list(sc.SCORED))
    if args.list:
        for row in fired:
            print(*row[:5], json.dumps(row[5], ensure_ascii=False), "->", json.dumps(row[6], ensure_ascii=False),
                  "right" if row[7] else "WRONG", sep="  ")
        for row in removed:
            print(*row, "removed", sep="  ")
    sets = sorted({row[0] for row in fired})
    print("| set | firings | right |")
    print("|---|---|---|")
    for name in sets:
        mine = [row for row in fired if row[0] == name]
        print(f"| {name} | {len(mine)} | {sum(row[7] for row in mine)} |")
    right = sum(row[7] for row in fired)
    right_sets = sorted({row[0] for row in fired if row[7]})
    precision = right / len(fired) if fired else 0.0
    passes = len(right_sets) >= 3 and len(fired) >= 8 and precision >= 0.8
    print(f"firings {len(fired)}, right {right}, precision {precision:.2f}, right on {len(right_sets)} sets "
          f"({', '.join(right_sets) or '-'}), removed records {len(removed)}: "
          f"{'passes' if passes else 'does not pass'} the held-out rule")
    return 0


if __name__ == "__main__":
    sys.exit(main())
