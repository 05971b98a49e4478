"""Scoring records against a gold file, the same way as the team's shared `eval/score.py`.

Takes records (CONTRACT.md shape) and gold records (`{"records": [...]}` with
`{"any": [...]}` alternatives, `optional` records and `optional_parties`) and
gives, per type, record and field precision/recall/F1, and the micro field F1.
Matching rules follow score.py exactly (a test checks the two agree on the
samples), so `chusho-extract evaluate` prints the figures the team reports.

`covered` first keeps the part of a run that a gold file covers: the gold
names its documents (`doc`, `sources`, `negatives`), and a run's document is
one of them when its file name (without extension) is the gold's name, ends
with `_NAME` (the samples' `dev_summit_05.pdf` is `summit_05`), or, for the
seed texts' `NNN_<hash>` names, starts with `NNN_`. Besides the figures,
`score` lists per type the missed and spurious records and, for matched
records, each field the run got wrong.
"""
from __future__ import annotations

import re
from pathlib import PurePosixPath
from urllib.parse import unquote, urlsplit

from extractors.records.matching import norm, options, ordinance_dates, party_index, party_name, same
from extractors.records.record_types import TYPES

# The fields scored per type, as score.py scores them (`dates`: any of an ordinance's dates).
SCORED = {name: list(t.scored) for name, t in TYPES.items()}

def one_field(f: str, pred: dict | None, gold: dict | None) -> tuple[int, int, int]:
    """(predicted, gold, correct) counts of one field of a pair; pred or gold may be None."""
    if f == "parties":
        groups = gold.get("parties", []) if gold else []
        optional = gold.get("optional_parties", []) if gold else []
        P, C = 0, 0
        hit: set[int] = set()
        for name in (pred or {}).get("parties") or []:
            if party_index(name, optional) is not None:
                continue
            P += 1
            i = party_index(name, groups)
            if i is not None and i not in hit:
                hit.add(i)
                C += 1
        return P, len(groups), C
    if f == "dates":
        pd = ordinance_dates(pred) if pred else []
        gd = [g for g in options(gold.get("dates")) if g] if gold and gold.get("dates") is not None else []
        return int(bool(pd)), int(bool(gd)), int(bool(pd and gd and any(norm(p) == norm(g) for p in pd for g in gd)))
    pv = pred.get(f) if pred else None
    gv = gold.get(f) if gold else None
    return int(pv is not None), int(gv is not None), int(gv is not None and same(f, pv, gv))


def field_counts(typ: str, pred: dict | None, gold: dict | None) -> tuple[int, int, int]:
    """(predicted, gold, correct) field counts of a pair; pred or gold may be None."""
    counts = [one_field(f, pred, gold) for f in SCORED[typ]]
    return sum(c[0] for c in counts), sum(c[1] for c in counts), sum(c[2] for c in counts)


def _value(f: str, rec: dict, gold: bool):
    if f == "dates":
        return rec.get("dates") if gold else ordinance_dates(rec)
    return rec.get(f)


def field_misses(typ: str, pred: dict, gold: dict) -> list[dict]:
    """The fields of a matched pair that the prediction got wrong, missed or added."""
    misses = []
    for f in SCORED[typ]:
        p, g, c = one_field(f, pred, gold)
        if c < max(p, g):
            misses.append({"record": _summary(gold), "field": f, "predicted": _value(f, pred, False),
                           "gold": _value(f, gold, True)})
    return misses


def can_match(typ: str, pred: dict, gold: dict) -> bool:
    """Whether a predicted record may be paired with a gold record at all (the type's `matches`)."""
    return TYPES[typ].matches(pred, gold)


def prf(c: int, p: int, g: int) -> dict:
    pr = c / p if p else 0.0
    rc = c / g if g else 0.0
    f = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
    return {"correct": c, "predicted": p, "gold": g, "precision": round(pr, 4), "recall": round(rc, 4), "f1": round(f, 4)}


def _summary(r: dict) -> dict:
    return {k: r.get(k) for k in ("edition", "host", "start_date", "name", "municipality", "parties")
            if r.get(k) is not None}


def score(records: list[dict], gold_records: list[dict]) -> dict:
    report: dict = {}
    for typ in SCORED:
        preds = [r for r in records if r.get("type") == typ]
        golds = [g for g in gold_records if g.get("type") == typ]
        pairs = sorted(((field_counts(typ, p, g)[2], i, j) for i, p in enumerate(preds)
                        for j, g in enumerate(golds) if can_match(typ, p, g)), key=lambda t: -t[0])
        used_p: set[int] = set()
        used_g: set[int] = set()
        matched: dict[int, int] = {}
        for _, i, j in pairs:
            if i not in used_p and j not in used_g:
                used_p.add(i)
                used_g.add(j)
                matched[i] = j
        P = G = C = rec_pred = rec_gold = rec_hit = 0
        misses: list[dict] = []
        for i, j in matched.items():
            if golds[j].get("optional"):
                continue
            p, g, c = field_counts(typ, preds[i], golds[j])
            P, G, C, rec_hit = P + p, G + g, C + c, rec_hit + 1
            misses += field_misses(typ, preds[i], golds[j])
        for i, p in enumerate(preds):
            if i in matched and golds[matched[i]].get("optional"):
                continue
            rec_pred += 1
            if i not in used_p:
                P += field_counts(typ, p, None)[0]
        for j, g in enumerate(golds):
            if g.get("optional"):
                continue
            rec_gold += 1
            if j not in used_g:
                G += field_counts(typ, None, g)[1]
        report[typ] = {
            "records": prf(rec_hit, rec_pred, rec_gold),
            "fields": prf(C, P, G),
            "missed": [_summary(golds[j]) for j in range(len(golds)) if j not in used_g and not golds[j].get("optional")],
            "spurious": [_summary(preds[i]) for i in range(len(preds)) if i not in used_p],
            "field_misses": misses,
        }
    totals = [sum(report[t]["fields"][k] for t in SCORED) for k in ("correct", "predicted", "gold")]
    report["micro"] = prf(*totals)
    return report


def gold_documents(gold: dict) -> set[str]:
    """The names of the documents a gold file covers: its records' `doc` and `sources`, and its `negatives`."""
    names = {str(n) for n in gold.get("negatives") or []}
    for g in gold.get("records") or []:
        names |= {str(n) for n in [g.get("doc"), *(g.get("sources") or [])] if n}
    return names


_SEED_NAME = re.compile(r"^(\d+)_[0-9a-f]{8,}$")


def document_name(uri: str) -> str:
    """A document's file name without extension, from its URI (file:// or http)."""
    return PurePosixPath(unquote(urlsplit(uri).path)).stem


def names_match(gold_name: str, stem: str) -> bool:
    if stem == gold_name or stem.endswith("_" + gold_name):
        return True
    seed = _SEED_NAME.match(gold_name)
    return bool(seed and stem.startswith(seed.group(1) + "_"))


def covered(records: list[dict], documents: list[dict], gold: dict) -> tuple[list[dict], list[dict], dict]:
    """(the run's records, the gold records, a coverage report), both sides cut to the documents in common.

    A run's record counts when one of its sources is a document the gold
    covers; a gold record counts when one of its documents is in the run.
    Without document names in the gold, everything counts.
    """
    names = gold_documents(gold)
    gold_records = list(gold.get("records") or [])
    if not names:
        return records, gold_records, {"documents_named": False}
    uris = {d.get("uri") for d in documents} | {s.get("uri") for r in records for s in r.get("sources") or []}
    uris.discard(None)
    matched = {u: next((n for n in sorted(names) if names_match(n, document_name(u))), None) for u in sorted(uris)}
    in_run = {n for n in matched.values() if n}
    kept_records = [r for r in records if any(matched.get(s.get("uri")) for s in r.get("sources") or [])]
    kept_gold = [g for g in gold_records if in_run & {str(n) for n in [g.get("doc"), *(g.get("sources") or [])] if n}]
    report = {
        "documents_named": True,
        "scored_documents": sorted(u for u, n in matched.items() if n),
        "not_in_gold": sorted(u for u, n in matched.items() if not n),
        "gold_not_in_run": sorted(names - in_run),
        "records_not_scored": len(records) - len(kept_records),
        "gold_records_not_scored": len(gold_records) - len(kept_gold),
    }
    return kept_records, kept_gold, report


def grounding(records: list[dict], documents: list[dict]) -> tuple[int, int]:
    """(evidence spans, spans whose quote does not match the document text)."""
    texts = {d.get("sha256"): d.get("text", "") for d in documents}
    total = bad = 0
    for r in records:
        for ev in r.get("sources") or [{}]:
            total += 1
            t = texts.get(ev.get("sha256"))
            s, e, q = ev.get("start"), ev.get("end"), ev.get("quote")
            bad += t is None or s is None or e is None or not q or t[s:e] != q
    return total, bad


# The fields whose values must each have a span naming them (CONTRACT.md, "Evidence").
EVIDENCED = {name: list(t.evidenced) for name, t in TYPES.items()}
_DATE_FIELDS = {"start_date", "end_date", "signed_date", "enacted_date", "effective_date"}


def _read_from(field: str, value, ev: dict, rec: dict) -> bool:
    """Whether the span's quote is the characters the value came from: the date expression that
    gives it, the name as written (or, said in `how`, an alias, a self-reference, an inference)."""
    from extractors.language.dates import find_dates  # the date parser only for this check

    quote, how = ev.get("quote") or "", ev.get("how")
    if field == "parties":
        return norm(quote) == norm(value) or (how is not None and (
            quote in rec.get("party_aliases", {}).get(value, []) or how == "publisher" or value in how))
    if how:
        return True
    if field in _DATE_FIELDS:
        return any((d.end_date if field == "end_date" else d.start_date) == value for d in find_dates(quote))
    if field == "edition":
        from extractors.records.summits import edition_number
        return edition_number(quote) == value or quote.strip() == str(value)
    return norm(quote) == norm(value)


def field_evidence(records: list[dict]) -> tuple[dict[str, list[int]], list[tuple]]:
    """Per "type.field": [values, values with a span naming the field whose quote they came from];
    and the values without one as (record id, field, value, the field's quotes)."""
    counts: dict[str, list[int]] = {}
    missing: list[tuple] = []
    for rec in records:
        for field in EVIDENCED.get(rec.get("type"), []):
            value = rec.get(field)
            for v in (value if isinstance(value, list) else [value]):
                v = party_name(v) if field == "parties" else v
                if v in (None, ""):
                    continue
                c = counts.setdefault(f"{rec['type']}.{field}", [0, 0])
                c[0] += 1
                spans = [ev for ev in rec.get("sources", []) if ev.get("field") == field]
                if any(_read_from(field, v, ev, rec) for ev in spans):
                    c[1] += 1
                else:
                    missing.append((rec["id"], field, v, [ev.get("quote") for ev in spans]))
    return counts, missing


def format_report(rep: dict) -> str:
    import json

    lines = []
    for typ in SCORED:
        r = rep[typ]
        lines.append(f"{typ:10s} records P={r['records']['precision']:.3f} R={r['records']['recall']:.3f} "
                     f"F1={r['records']['f1']:.3f}  fields P={r['fields']['precision']:.3f} "
                     f"R={r['fields']['recall']:.3f} F1={r['fields']['f1']:.3f}")
        lines += ["   missed   " + json.dumps(m, ensure_ascii=False) for m in r["missed"]]
        lines += ["   spurious " + json.dumps(s, ensure_ascii=False) for s in r["spurious"]]
        lines += [f"   field    {json.dumps(m['record'], ensure_ascii=False)} {m['field']}: predicted "
                  f"{json.dumps(m['predicted'], ensure_ascii=False)}, gold {json.dumps(m['gold'], ensure_ascii=False)}"
                  for m in r.get("field_misses", [])]
    if "grounding" in rep:
        g = rep["grounding"]
        lines.append(f"grounding: {g['ungrounded']} of {g['evidence']} evidence spans do not match the text")
    lines.append(f"micro field F1: {rep['micro']['f1']:.4f}")
    return "\n".join(lines)
