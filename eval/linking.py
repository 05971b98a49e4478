"""Measure code linking (records.linking) on the dev gold: coverage and wrong codes.

The gold names bodies, not codes. A gold mention has a reference code when its
name (any of its accepted names) is a local government that is one body in
all of Japan (its code from the code table), a bank, 信用金庫, 信用組合 or
労働金庫 (its Zengin code), or a name that is several bodies whose answer is
written in `eval/link_gold.json` (document, name, code, why: read from the
document by a person). A name that is several bodies and that the file does
not settle is listed as unverified: add it to the file.

Two measurements, on the dev texts that are not blind (`eval/dev.py --set dev`):

- gold mentions: the linker on each gold name, with its document (the name's
  occurrences in the text stand for its evidence spans; the document is filed
  under its source address, as a run on the page would file it);
- records: the pipeline's records (drafts, merge, linking as a run does);
  every name it coded whose reference is known is checked, and each gold
  mention found in a record of its document counts as covered when the record
  carries its reference code.

    .venv/bin/python eval/linking.py [--set dev] [--show]

A code given where the reference is another is wrong; the goal is coverage
>= 0.95 of mentions that have a code, and no wrong code.
"""
from __future__ import annotations

import argparse
import json
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "eval"))

import dev  # noqa: E402  (eval/dev.py: the sets and the documents)
from extractors.records.record_types import record_type  # noqa: E402

ANSWERS = ROOT / "eval" / "link_gold.json"
LOCAL = ("municipality", "prefecture")


def _n(name: str) -> str:
    return unicodedata.normalize("NFKC", name or "").strip()


def reference(name: str, doc: str, answers: dict) -> tuple[str | None, str]:
    """(the reference code of a name in a document, what it is: local, bank, none or unverified)."""
    from extractors.records.linking import _core_name, _strip_prefecture, bank_code, kind_of, local_bodies

    kind = kind_of(name)
    if kind in LOCAL:
        written, bare = _strip_prefecture(_core_name(name))
        bodies = [b for b in local_bodies().get(bare, ()) if not written or b.prefecture == written]
        if len(bodies) == 1:
            return bodies[0].code, "local"
        if len(bodies) > 1:
            answer = answers.get(doc, {}).get(_n(name))
            return (answer, "local") if answer else (None, "unverified")
        return None, "none"
    if kind == "financial institution":
        code = bank_code(name)
        return (code, "bank") if code else (None, "none")
    return None, "none"


def gold_mentions(docs: list[str], answers: dict) -> list[dict]:
    """Each gold name of a local government or bank in the given documents, with its reference."""
    from extractors.records.evaluate import options

    gold = json.loads((dev.SHARED / "gold" / "dev.json").read_text(encoding="utf-8"))
    out = []
    for r in gold["records"]:
        if r.get("doc") not in docs:
            continue
        if r["type"] == "agreement":
            groups = [("parties", list(g)) for g in r.get("parties") or []]
        else:
            field = record_type(r["type"]).place_field
            groups = [(field, [o for o in options(r.get(field)) if o])]
        for field, names in groups:
            for name in names:
                code, what = reference(name, r["doc"], answers)
                if what != "none":
                    out.append({"doc": r["doc"], "field": field, "name": name, "names": names, "code": code,
                                "what": what})
                    break
    return out


def _spans(doc, name: str, field: str) -> list[dict]:
    out, i = [], doc.text.find(name)
    while i >= 0:
        out.append({"sha256": doc.sha256, "start": i, "end": i + len(name), "quote": name, "field": field})
        i = doc.text.find(name, i + 1)
    return out


def link_gold(mentions: list[dict], documents: dict) -> list[dict]:
    """The linker's code for each gold mention, with its document."""
    from extractors.records.linking import Linker

    linker = Linker({d.sha256: d for d in documents.values()})
    out = []
    for m in mentions:
        doc = documents[m["doc"]]
        spans = _spans(doc, m["name"], m["field"])
        if m["field"] == "parties":
            party, _ = linker.party(m["name"], spans or [{"sha256": doc.sha256, "start": 0, "end": 1,
                                                           "quote": doc.text[:1], "field": None}])
            code = party["code"]
        else:
            code, _ = linker.local(m["name"], spans or [{"sha256": doc.sha256, "start": 0, "end": 1,
                                                         "quote": doc.text[:1], "field": None}], (m["field"],))
        out.append({**m, "linked": code})
    return out


def record_names(record: dict) -> list[tuple[str, str, str | None]]:
    """(field, name, code) of each local government or bank a record names."""
    if record["type"] == "agreement":
        return [("parties", p["name"], p["code"]) for p in record["parties"]
                if p["kind"] in (*LOCAL, "financial institution")]
    field = record_type(record["type"]).place_field
    return [(field, record[field], record.get(f"{field}_code"))] if record.get(field) else []


def load_document(name: str):
    """A dev text as `eval/dev.py` reads it, filed under its source address (its `source:` line) as a run
    on the page itself would file it: the address of a local government's site can name its prefecture."""
    doc = dev.load_document(name, False)
    head = (dev.SHARED / "dev" / f"{name}.txt").read_text(encoding="utf-8").partition("\n---\n")[0]
    source = next((line[len("source: "):].strip() for line in head.splitlines() if line.startswith("source: ")), "")
    return doc.model_copy(update={"uri": source}) if source.startswith("http") else doc


def measure(set_name: str = "dev", show: bool = False) -> dict:
    from extractors.records import build_records, document_drafts

    answers = json.loads(ANSWERS.read_text(encoding="utf-8"))["answers"]
    answers = {doc: {_n(a["name"]): a["code"] for a in items} for doc, items in answers.items()}
    docs = dev.set_docs(set_name)
    documents = {d: load_document(d) for d in docs}
    mentions = gold_mentions(docs, answers)
    linked = link_gold(mentions, documents)

    by_uri = {doc.uri: name for name, doc in documents.items()}
    records, _ = build_records(list(documents.values()), [document_drafts(doc) for doc in documents.values()])
    checked = []
    found: dict[tuple[str, str], set] = {}
    for r in records:
        docs_of = {by_uri[e["uri"]] for e in r["sources"] if e["uri"] in by_uri}
        for field, name, code in record_names(r):
            for d in docs_of:
                found.setdefault((d, _n(name)), set()).add(code)
                ref, what = reference(name, d, answers)
                if code is not None or ref is not None:
                    checked.append({"doc": d, "field": field, "name": name, "code": code, "ref": ref, "what": what})

    def gold_found(m: dict) -> set | None:
        hits = [found[(m["doc"], _n(n))] for n in m["names"] if (m["doc"], _n(n)) in found]
        return set().union(*hits) if hits else None

    with_code = [m for m in linked if m["code"]]
    in_records = [(m, gold_found(m)) for m in with_code]
    in_records = [(m, codes) for m, codes in in_records if codes is not None]
    report = {
        "set": set_name, "documents": len(docs),
        "gold_mentions": {
            "with_code": len(with_code),
            "linked": sum(m["linked"] == m["code"] for m in with_code),
            "wrong": [m for m in linked if m["linked"] and m["linked"] != m["code"]],
            "missed": [m for m in with_code if not m["linked"]],
            "unverified": [m for m in linked if m["what"] == "unverified"],
            "by_kind": {w: sum(1 for m in with_code if m["what"] == w) for w in ("local", "bank")},
        },
        "records": {
            "gold_found": len(in_records),
            "gold_coded": sum(m["code"] in codes for m, codes in in_records),
            "gold_uncoded": [{**m, "linked": sorted(c or "" for c in codes)} for m, codes in in_records
                             if m["code"] not in codes],
            "codes_given": sum(1 for c in checked if c["code"]),
            "wrong": [c for c in checked if c["code"] and c["ref"] and c["code"] != c["ref"]],
            "unverified": [c for c in checked if c["code"] and c["what"] == "unverified"],
            "missed": [c for c in checked if c["ref"] and not c["code"]],
        },
    }
    g = report["gold_mentions"]
    g["coverage"] = round(g["linked"] / g["with_code"], 4) if g["with_code"] else 1.0
    rr = report["records"]
    rr["coverage"] = round(rr["gold_coded"] / rr["gold_found"], 4) if rr["gold_found"] else 1.0
    return report


def format_report(rep: dict, show: bool) -> str:
    g, r = rep["gold_mentions"], rep["records"]
    lines = [f"## linking on {rep['set']} ({rep['documents']} texts)",
             f"gold mentions with a code: {g['with_code']} ({g['by_kind']['local']} local governments, "
             f"{g['by_kind']['bank']} banks); linked right {g['linked']} = {g['coverage']:.3f}; "
             f"wrong {len(g['wrong'])}; unverified {len(g['unverified'])}",
             f"records: gold mentions found {r['gold_found']}, with their code {r['gold_coded']} = "
             f"{r['coverage']:.3f}; codes given {r['codes_given']}, wrong {len(r['wrong'])}, "
             f"unverified {len(r['unverified'])}"]
    items = [("wrong", g["wrong"] + r["wrong"]), ("unverified", g["unverified"] + r["unverified"])]
    if show:
        items += [("missed", g["missed"] + r["missed"]), ("not coded", r["gold_uncoded"])]
    for label, rows in items:
        lines += [f"   {label:10s} " + json.dumps({k: m.get(k) for k in ("doc", "field", "name", "code", "ref", "linked")
                                                   if m.get(k) is not None}, ensure_ascii=False) for m in rows]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", default="dev", choices=("seen", "open", "dev"), help="never the blind texts")
    ap.add_argument("--show", action="store_true", help="also list the mentions left without a code")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    rep = measure(args.set)
    print(json.dumps(rep, ensure_ascii=False, indent=1) if args.json else format_report(rep, args.show))
    return 0


if __name__ == "__main__":
    sys.exit(main())
