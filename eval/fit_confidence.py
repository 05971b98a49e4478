"""Fit the records' confidence model on the dev texts and print how well it is calibrated.

    .venv/bin/python eval/fit_confidence.py                  refit on --set dev, write the model
    .venv/bin/python eval/fit_confidence.py --set blind      the stored model on another set: figures only
    .venv/bin/python eval/fit_confidence.py --texts DIR --gold GOLD.json --model OUT.json

Refitting (the default, on `eval/dev.py`'s `dev` set): the records of the set
are built as `eval/dev.py` builds them, each is labelled right or wrong against
the gold (see below), the features of `extractors/records/confidence.py` are
read from its evidence, and a logistic regression with an L2 penalty (`--l2`,
towards each feature's prior: 0, or `PRIORS`) is fitted by iteratively
reweighted least squares. The table printed is for cross-validated predictions:
each record's probability comes from a model fitted without its documents
(leave one group out, a group being documents that share a merged record). Then
the model is fitted on every record and written to
`extractors/records/data/confidence.json` (or `--model`), with a line saying
when, on what set and at which commit.

`--untuned open` fits for pages like the `open` texts rather than for the dev
set as a whole: the records of the other dev texts (read and tuned on for
rounds, right far more often) get one more column, an indicator fitted beside
the features and left out (0) when the model is used, so that the features'
weights are learnt from every record and the level from the texts like new
pages. The cross-validated table is then of the probabilities as used.

`--untuned-records DIR... --made-by COMMIT` fits the same way beside records read
from folders that `eval/dev.py --out` wrote with an earlier commit, on texts its
rules had not yet been tuned on (third-party pages scored before any helper read
them). Records made by the rules of the day on pages nobody tuned them for are
right far less often than the dev set's; these are what new pages look like.

Any other set (`--set seeds|seen|open|blind`, or `--check`) only applies the
stored model and prints the reliability table and figures: never a record or a
text, so that the lead can run it on the blind part. Never fitted on `blind`
or `all`.

A record is right when it matches a gold record under `shared/eval/score.py`'s
matching (record to gold, most correct fields first, ties to a required gold
record; optional gold records count) and every scored field it gives equals the
gold's: a value the gold does not have, or another value, is wrong; a field
left null is not; its parties are exactly the gold's (none missing, none extra,
the gold's optional parties aside). A record that matches no gold record (on a
negative document too) is wrong.

numpy is imported here only (it comes with spaCy); the package applies the
model with plain Python.
"""
from __future__ import annotations

import argparse
import datetime
import importlib.util
import json
import math
import shlex
import subprocess
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import dev  # noqa: E402  (eval/dev.py: the sets, the texts as Documents, their gold)
from extractors.records.confidence import (FEATURES, MODEL_PATH, TYPES, ConfidenceModel, features,  # noqa: E402
                                           read_model, sibling_counts)
from extractors.records.evaluate import one_field  # noqa: E402

# Features the dev texts cannot inform get a prior weight, the centre of their L2 penalty: no dev text
# is OCR'd, so the fit leaves `ocr` at its prior (a record all from OCR pages at 0.9 becomes 0.77).
PRIORS = {"ocr": -1.0}
BUCKETS = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95)
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)
FIT_SETS = ("dev", "folder")  # any other set: the stored model is only checked


def shared_scorer():
    spec = importlib.util.spec_from_file_location("shared_score", dev.SCORE)
    if spec is None or not dev.SCORE.exists():
        raise SystemExit(f"the team's scorer is not at {dev.SCORE}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def matches(score, records: list[dict], gold: list[dict]) -> dict[int, int]:
    """Record index -> gold index, paired as score.py pairs them."""
    out: dict[int, int] = {}
    for typ in score.SCORED:
        preds = [i for i, r in enumerate(records) if r["type"] == typ]
        golds = [j for j, g in enumerate(gold) if g.get("type") == typ]
        pairs = [(score.field_counts(typ, records[i], gold[j])[2], i, j)
                 for i in preds for j in golds if score.can_match(typ, records[i], gold[j])]
        pairs.sort(key=lambda t: (-t[0], bool(gold[t[2]].get("optional"))))
        used_p, used_g = set(), set()
        for _, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                out[i] = j
    return out


def is_right(score, record: dict, gold: dict | None) -> bool:
    if gold is None:
        return False
    for f in score.SCORED[record["type"]]:
        given, expected, correct = one_field(f, record, gold)
        if given > correct or (f == "parties" and expected > correct):
            return False
    return True


def labels(score, records: list[dict], gold: list[dict]) -> list[int]:
    paired = matches(score, records, gold)
    return [int(is_right(score, r, gold[paired[i]] if i in paired else None)) for i, r in enumerate(records)]


def build(set_name: str) -> tuple[list[dict], list[dict], int]:
    """(records, gold records, documents) of a set, built as eval/dev.py builds them."""
    from extractors.records import build_records, document_drafts

    docs = dev.set_docs(set_name)
    documents = [dev.load_document(d, set_name == "seeds") for d in docs]
    # A model of no weights (0.5 for every record): fitting must not need the stored model, which may be
    # missing or name features this code no longer computes.
    neutral = ConfidenceModel(weights={}, about="none")
    records, _rejected = build_records(documents, [document_drafts(doc) for doc in documents], neutral)
    return records, dev.gold_for(set_name, docs)["records"], len(docs)


def read_untuned(score, folders: list[Path]) -> tuple[list[dict], list[int], int]:
    """(records, labels, documents) of folders written by `eval/dev.py --out` (records.jsonl, gold.json,
    documents.jsonl; a folder holding one such folder is read through it). Each record's `uri`s get the
    folder's name in front, so that texts of the same name in two folders are not one group."""
    records: list[dict] = []
    out_labels: list[int] = []
    n_docs = 0
    for folder in folders:
        inner = [d for d in folder.iterdir() if (d / "records.jsonl").exists()] if folder.is_dir() else []
        path = folder if (folder / "records.jsonl").exists() else (inner[0] if len(inner) == 1 else None)
        if path is None or not (path / "gold.json").exists():
            raise SystemExit(f"{folder}: no records.jsonl and gold.json from eval/dev.py --out")
        mine = [json.loads(line) for line in (path / "records.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        gold = json.loads((path / "gold.json").read_text(encoding="utf-8"))["records"]
        out_labels += labels(score, mine, gold)
        for r in mine:
            r["sources"] = [{**ev, "uri": f"{folder.name}/{ev['uri']}"} for ev in r.get("sources") or []]
        records += mine
        docs = path / "documents.jsonl"
        n_docs += sum(1 for line in docs.read_text(encoding="utf-8").splitlines() if line.strip()) if docs.exists() else 0
    return records, out_labels, n_docs


def design(records: list[dict], tuned: list[bool] | None = None) -> np.ndarray:
    """The features of each record; with `tuned`, one more column (see `--untuned`)."""
    x = np.array([[features(r, k)[n] for n in FEATURES] for r, k in zip(records, sibling_counts(records))],
                 dtype=float).reshape(-1, len(FEATURES))
    return x if tuned is None else np.column_stack([x, np.array(tuned, dtype=float)])


def fit(x: np.ndarray, y: np.ndarray, l2: float) -> np.ndarray:
    """Logistic regression by IRLS (Newton's method) with the penalty l2 * |w - prior|^2 / 2
    (columns past FEATURES have the prior 0)."""
    prior = np.array([PRIORS.get(n, 0.0) for n in FEATURES] + [0.0] * (x.shape[1] - len(FEATURES)))
    w = prior.copy()
    penalty = l2 * np.eye(x.shape[1])
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + penalty
        step = np.linalg.solve(hessian, x.T @ (y - p) - penalty @ (w - prior))
        w += step
        if np.abs(step).max() < 1e-10:
            break
    return w


def document_groups(records: list[dict]) -> list[int]:
    """A group number per record: records sharing a document (through merged records) share a group."""
    parent: dict[str, str] = {}

    def root(a: str) -> str:
        while parent.setdefault(a, a) != a:
            a = parent[a]
        return a

    for r in records:
        uris = sorted({ev["uri"] for ev in r["sources"]})
        for u in uris[1:]:
            parent[root(u)] = root(uris[0])
    roots = [root(min(ev["uri"] for ev in r["sources"])) for r in records]
    number = {g: k for k, g in enumerate(sorted(set(roots)))}
    return [number[g] for g in roots]


def cross_validated(x: np.ndarray, y: np.ndarray, groups: list[int], l2: float) -> np.ndarray:
    """Each record's probability from a model fitted without its group of documents, as the stored
    model gives it (a column past FEATURES, `--untuned`, is 0 in use)."""
    g = np.array(groups)
    p = np.zeros(len(y))
    used = x.copy()
    used[:, len(FEATURES):] = 0.0
    for k in sorted(set(groups)):
        held = g == k
        w = fit(x[~held], y[~held], l2)
        p[held] = 1.0 / (1.0 + np.exp(-(used[held] @ w)))
    return p


def table(p: np.ndarray, y: np.ndarray, types: list[str]) -> str:
    """The reliability table and the figures: counts and shares only, never a record."""
    lines = ["confidence     records  right  share right  mean confidence"]
    edges = (*BUCKETS, 1.0000001)
    for lo, hi in zip(edges, edges[1:]):
        inside = (p >= lo) & (p < hi)
        n = int(inside.sum())
        share = f"{y[inside].mean():.3f}" if n else "-"
        mean = f"{p[inside].mean():.3f}" if n else "-"
        lines.append(f"[{lo:.2f}, {min(hi, 1.0):.2f}{']' if hi > 1 else ')'}  {n:7d}  {int(y[inside].sum()):5d}  "
                     f"{share:>11s}  {mean:>15s}")
    lines.append(f"all           {len(y):7d}  {int(y.sum()):5d}  {y.mean() if len(y) else 0:11.3f}  "
                 f"{p.mean() if len(p) else 0:15.3f}")
    lines.append("")
    for t in THRESHOLDS:
        at = p >= t
        n = int(at.sum())
        per_type = ", ".join(f"{typ} {int((at & (np.array(types) == typ)).sum())}"
                             for typ in TYPES)
        share = f"{y[at].mean():.3f}" if n else "-"
        lines.append(f">= {t:.2f}: {n:4d} records, {share} right ({per_type})")
    if len(y):
        clipped = np.clip(p, 1e-6, 1 - 1e-6)
        loss = -np.mean(y * np.log(clipped) + (1 - y) * np.log(1 - clipped))
        base = y.mean()
        base_loss = -(base * math.log(base) + (1 - base) * math.log(1 - base)) if 0 < base < 1 else 0.0
        lines.append(f"log loss {loss:.3f} (a constant {base:.3f}: {base_loss:.3f}); "
                     f"Brier {np.mean((p - y) ** 2):.3f} (constant: {np.mean((base - y) ** 2):.3f})")
    return "\n".join(lines)


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short=12", "HEAD") or "unknown"
    # the model file itself aside: a refit rewrites it, and the rules that made the records are what counts
    changed = git("status", "--porcelain", "--", "extractors", "schemas", f":(exclude){MODEL_PATH.relative_to(ROOT)}")
    return head + ("+uncommitted changes" if changed else "")


def write_model(path: Path, w: np.ndarray, about: dict, cv: dict) -> None:
    text = (f"Coefficients of the records' confidence (extractors/records/confidence.py): a logistic regression "
            f"over the features named below, fitted by eval/fit_confidence.py on {about['date']} on the "
            f"{about['set'] if ' ' in about['set'] else about['set'] + ' set'} ({about['documents']} texts, {about['records']} records, {about['right']} right "
            f"by the definition in that script) at commit {about['commit']}, L2 {about['l2']} towards the "
            f"priors {json.dumps(PRIORS)} (a feature without variation in the set keeps its prior)"
            + (f", for pages like the {about['untuned']} (an indicator of the texts the rules were "
               f"tuned on fitted beside the features and left out in use)" if about.get("untuned") else "") + ". "
            f"Refit: {about['command']}")
    data = {"_about": text, "fitted": about, "cross_validated": cv,
            "weights": {n: round(float(v), 4) for n, v in zip(FEATURES, w[:len(FEATURES)])}}
    tmp = path.with_suffix(".tmp")
    tmp.parent.mkdir(parents=True, exist_ok=True)
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    tmp.replace(path)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", help="dev (default: refit) or seeds, seen, open, blind (check only)")
    ap.add_argument("--check", action="store_true", help="only apply the stored model to the set, do not refit")
    ap.add_argument("--l2", type=float, default=1.0, help="the L2 penalty of the fit (default 1.0)")
    ap.add_argument("--untuned", default=None, help="fit for pages like the texts of this set (e.g. open): the "
                    "others get an indicator of text the rules were tuned on, fitted and left out in use")
    ap.add_argument("--model", type=Path, default=MODEL_PATH, help="the model file to write or check")
    ap.add_argument("--texts", type=Path, default=None, help="fit on this folder of dev-format texts instead")
    ap.add_argument("--gold", type=Path, default=None, help="the gold of --texts")
    ap.add_argument("--untuned-texts", type=Path, default=None, help="with --untuned-gold: fit on the dev set and "
                    "this folder of texts nobody tuned the rules on, the dev texts marked as tuned (as --untuned)")
    ap.add_argument("--untuned-gold", type=Path, default=None, help="the gold of --untuned-texts")
    ap.add_argument("--untuned-records", type=Path, nargs="+", default=None, metavar="DIR",
                    help="fit on the dev set and the records in these folders (`eval/dev.py --out`: records.jsonl "
                    "and gold.json), made by a commit whose rules had not been tuned on their texts (--made-by), "
                    "the dev texts marked as tuned (as --untuned)")
    ap.add_argument("--made-by", default=None, help="with --untuned-records: the commit that made them")
    args = ap.parse_args()
    if bool(args.untuned_records) != bool(args.made_by):
        raise SystemExit("--untuned-records and --made-by go together")
    if args.untuned_records and (args.untuned_texts or args.untuned or args.texts or args.check or args.set != "dev"):
        raise SystemExit("--untuned-records fits on the dev set: no other --untuned option, --texts, --check or --set")
    if bool(args.untuned_texts) != bool(args.untuned_gold):
        raise SystemExit("--untuned-texts and --untuned-gold go together")
    if args.untuned_texts and (args.untuned or args.texts or args.check or args.set != "dev"):
        raise SystemExit("--untuned-texts fits on the dev set: no --untuned, --texts, --check or --set with it")
    if args.untuned not in (None, "seen", "open"):
        raise SystemExit("--untuned takes seen or open")
    if args.texts:
        if not args.gold:
            raise SystemExit("--texts needs --gold")
        dev.TEXTS, dev.GOLD, args.set = args.texts, args.gold, "folder"
    score = shared_scorer()
    records, gold, n_docs = build(args.set)
    y = np.array(labels(score, records, gold), dtype=float)
    untuned = {f"dev/{d}.txt" for d in dev.set_docs(args.untuned)} if args.untuned else None
    tuned = None if untuned is None else [not any(ev["uri"] in untuned for ev in r["sources"]) for r in records]
    if args.untuned_texts:  # the folder's records beside the dev set's, each labelled against its own gold
        dev.TEXTS, dev.GOLD = args.untuned_texts, args.untuned_gold
        more, more_gold, more_docs = build("folder")
        untuned = {f"dev/{d}.txt" for d in dev.set_docs("folder")}
        if untuned & {ev["uri"] for r in records for ev in r["sources"]}:
            raise SystemExit("--untuned-texts shares names with the dev texts")
        y = np.concatenate([y, np.array(labels(score, more, more_gold), dtype=float)])
        tuned = [True] * len(records) + [False] * len(more)
        records, n_docs = records + more, n_docs + more_docs
    if args.untuned_records:  # records made earlier, each folder's labelled against its own gold
        more, more_labels, more_docs = read_untuned(score, args.untuned_records)
        y = np.concatenate([y, np.array(more_labels, dtype=float)])
        tuned = [True] * len(records) + [False] * len(more)
        records, n_docs = records + more, n_docs + more_docs
    x = design(records, tuned)
    types = [r["type"] for r in records]
    print(f"## {args.set}: {n_docs} texts, {len(records)} records, {int(y.sum())} right")
    if args.check or args.set not in FIT_SETS:
        model = read_model(args.model)
        p = np.array([model.probability(r, k) for r, k in zip(records, sibling_counts(records))])
        print(f"the stored model ({args.model.name}) on {args.set}:")
        print(table(p, y, types))
        return 0
    if len(records) < 2 or len(set(y)) < 2:
        raise SystemExit(f"{len(records)} records, {int(y.sum())} right: too few to fit a model")
    groups = document_groups(records)
    p = cross_validated(x, y, groups, args.l2)
    print(f"cross-validated, leaving out one of {len(set(groups))} groups of documents at a time:")
    print(table(p, y, types))
    if args.untuned_texts or args.untuned_records:
        inside = ~np.array(tuned)
        print(f"\nthe same predictions, records of the untuned texts ({int(inside.sum())}):")
        print(table(p[inside], y[inside], [t for t, i in zip(types, inside) if i]))
    elif args.set == "dev":  # the texts tuned on for rounds and the newer ones apart: new pages are like the latter
        for part in ("seen", "open"):
            docs = {f"dev/{d}.txt" for d in dev.set_docs(part)}
            inside = np.array([any(ev["uri"] in docs for ev in r["sources"]) for r in records])
            print(f"\nthe same predictions, records of the {part} texts ({int(inside.sum())}):")
            print(table(p[inside], y[inside], [t for t, i in zip(types, inside) if i]))
    w = fit(x, y, args.l2)
    print("\nweights (fitted on every record):")
    for name, v in zip((*FEATURES, "(tuned texts)"), w):
        print(f"  {name:20s} {v:+.3f}")
    high = p >= 0.9
    cv = {"records": len(y), "right": int(y.sum()), "at_0.9": int(high.sum()),
          "right_at_0.9": round(float(y[high].mean()), 4) if high.any() else None}
    about = {"date": datetime.date.today().isoformat(), "set": args.set, "documents": n_docs,
             "records": len(records), "right": int(y.sum()), "commit": commit(), "l2": args.l2,
             "command": shlex.join([".venv/bin/python", "eval/fit_confidence.py", *sys.argv[1:]])}
    if args.untuned_texts:
        about["set"] = f"dev set and the folder {args.untuned_texts.name}"
        about["untuned"] = f"{args.untuned_texts.name} folder's texts ({more_docs} texts, {len(more)} records, not tuned on)"
        about["tuned_texts_weight"] = round(float(w[len(FEATURES)]), 4)
    elif args.untuned_records:
        names = ", ".join(d.name for d in args.untuned_records)
        about["set"] = f"dev set and the records of the folders {names}"
        about["untuned"] = (f"texts of the folders {names} ({more_docs} texts, {len(more)} records made by commit "
                            f"{args.made_by}, whose rules had not been tuned on them)")
        about["tuned_texts_weight"] = round(float(w[len(FEATURES)]), 4)
    elif args.untuned:
        about["untuned"] = f"{args.untuned} texts"
        about["tuned_texts_weight"] = round(float(w[len(FEATURES)]), 4)
    write_model(args.model, w, about, cv)
    print(f"\nwrote {args.model}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
