"""Score the record extractors on the plain dev texts of ../shared, by set, in one process.

The quick loop for work on the records: no rendering, no Prefect. Each text of
`../shared/dev/` (header lines, `---`, body) becomes a `Document` whose text is
the normalised body and whose title is the header's `title:`; the seeds are
read whole. The drafts and records come from the same `document_drafts` /
`build_records` the flows use, and the score from `../shared/eval/score.py`
against the gold of the set's documents only.

Sets (`--set`, repeatable; default: seeds, dev):
  seeds   the five seed texts (gold/seeds.json)
  seen    the 57 dev texts of the previous round (eval/make_blind_split.py's SEEN)
  open    the texts added since that are not set aside
  dev     seen + open: develop on these
  blind   the 40% of the added texts in eval/blind.json: measure only, never read
  all     every text of ../shared/dev (dev + blind)

`--texts DIR --gold GOLD.json` scores a folder of texts in the dev format
instead (set name `folder`): every `*.txt` of DIR against that gold.

By default a text's Document has the uri `{folder}/{name}.txt`, as the team
measures (pages rendered without their address). `--with-urls` gives each
text the address of its header's `source:` line as its uri, as a crawled page
has it (`Document.uri` is the fetched URL), so the readers of the address
(`records.site_owner`, `linking.prefecture_of_address`) take part; the gold is
still chosen by the text's name, and a text without `source:` keeps its path.

`--title-line` puts a text's title on its first line, above the body, as the
team's rendered pages (the page's <h1>) and PDFs (the drawn heading) have it
when it is read: the quick way to see what that heading changes.

    .venv/bin/python eval/dev.py [--set open] [--doc agreement_205] [--show] [--out DIR]

`--show` prints each document's records (to see what a rule does); `--out`
keeps records.jsonl / documents.jsonl per set for `score.py --documents`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SHARED = ROOT.parent / "shared"
SCORE = SHARED / "eval" / "score.py"
BLIND = json.loads((ROOT / "eval" / "blind.json").read_text(encoding="utf-8"))["blind"]
sys.path.insert(0, str(ROOT / "eval"))
from make_blind_split import SEEN  # noqa: E402  (eval/ is not a package)


TEXTS: Path | None = None
GOLD: Path | None = None
WITH_URLS = False  # --with-urls: a text's uri is its source: URL
TITLE_LINE = False  # --title-line: the title is the text's first line, as on a rendered page or PDF


def set_docs(name: str) -> list[str]:
    if name == "folder":
        return sorted(p.stem for p in TEXTS.glob("*.txt"))
    every = sorted(p.stem for p in (SHARED / "dev").glob("*.txt"))
    sets = {
        "seen": [d for d in every if d in SEEN],
        "open": [d for d in every if d not in SEEN and d not in BLIND],
        "dev": [d for d in every if d not in BLIND],
        "blind": [d for d in every if d in BLIND],
        "all": every,
    }
    if name == "seeds":
        return sorted(p.stem for p in (SHARED / "seeds").glob("*.txt"))
    if name not in sets:
        raise SystemExit(f"unknown set {name!r}: seeds, seen, open, dev, blind or all")
    return sets[name]


def load_document(name: str, seeds: bool):
    from extractors.reading.normalize import normalize_text
    from schemas.document import Document

    folder = "seeds" if seeds else "dev"
    base = TEXTS if TEXTS is not None else SHARED / folder
    raw = (base / f"{name}.txt").read_text(encoding="utf-8")
    title, uri = None, f"{folder}/{name}.txt"
    if not seeds:
        head, _, raw = raw.partition("\n---\n")
        meta = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        title = meta.get("title")
        if WITH_URLS and meta.get("source", "").strip().startswith(("http://", "https://")):
            uri = meta["source"].strip()
        if TITLE_LINE and title:
            raw = f"{title}\n{raw}"
    text = normalize_text(raw)
    return Document(uri=uri, sha256=hashlib.sha256(text.encode()).hexdigest(),
                    media_type="text/plain", title=title, text=text)


def gold_for(name: str, docs: list[str]) -> dict:
    if name == "seeds":
        return json.loads((SHARED / "gold" / "seeds.json").read_text(encoding="utf-8"))
    path = GOLD if name == "folder" else SHARED / "gold" / "dev.json"
    gold = json.loads(path.read_text(encoding="utf-8"))
    return {"records": [r for r in gold["records"] if r.get("doc") in docs]}


def run_set(name: str, only: list[str], show: bool, out: Path) -> str:
    from extractors.records import build_records, document_drafts

    docs = [d for d in set_docs(name) if not only or d in only]
    documents = [load_document(d, name == "seeds") for d in docs]
    drafts = [document_drafts(doc) for doc in documents]
    records, rejected = build_records(documents, drafts)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "records.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    with open(out / "documents.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(d.model_dump(mode="json"), ensure_ascii=False) + "\n" for d in documents)
    (out / "gold.json").write_text(json.dumps(gold_for(name, docs), ensure_ascii=False), encoding="utf-8")
    if show:
        keys = ("series", "edition", "start_date", "end_date", "host", "theme", "declaration", "parties",
                "signed_date", "kind", "name", "municipality", "number", "enacted_date", "effective_date")
        for doc in documents:
            mine = [r for r in records if any(s["uri"] == doc.uri for s in r["sources"])]
            print(f"== {doc.uri}: {len(mine)} records")
            for r in mine:
                print("  ", r["type"], json.dumps({k: r[k] for k in keys if r.get(k) not in (None, [])},
                                                   ensure_ascii=False))
        for rj in rejected:
            print("   rejected", rj.uri, rj.reasons)
    res = subprocess.run([sys.executable, str(SCORE), str(out / "records.jsonl"), str(out / "gold.json"),
                          "--documents", str(out / "documents.jsonl")], capture_output=True, text=True, check=True)
    from extractors.records.evaluate import field_evidence

    counts, missing = field_evidence(records)
    n, ok = sum(c[0] for c in counts.values()), sum(c[1] for c in counts.values())
    lines = [f"field evidence: {ok} of {n} field values have a span naming the field"]
    lines += [f"   no span  {m[0]} {m[1]}={m[2]!r} quotes={m[3]}" for m in missing]
    return res.stdout + "\n".join(lines) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--set", action="append", dest="sets", help="seeds, seen, open, dev, blind, all (repeatable)")
    ap.add_argument("--doc", action="append", default=[], help="only this document (repeatable)")
    ap.add_argument("--show", action="store_true", help="print each document's records")
    ap.add_argument("--out", type=Path, default=None, help="keep the output here (default: a temporary folder)")
    ap.add_argument("--brief", action="store_true", help="print only the score lines, not missed/spurious records")
    ap.add_argument("--texts", type=Path, default=None, help="score this folder of dev-format texts instead")
    ap.add_argument("--gold", type=Path, default=None, help="the gold of --texts")
    ap.add_argument("--with-urls", action="store_true",
                    help="give each text its source: URL as uri, as a crawled page has it (default: its path)")
    ap.add_argument("--title-line", action="store_true",
                    help="put each text's title on its first line, as a rendered page or PDF reads")
    args = ap.parse_args()
    global TEXTS, GOLD, WITH_URLS, TITLE_LINE
    WITH_URLS, TITLE_LINE = args.with_urls, args.title_line
    if args.texts:
        if not args.gold:
            raise SystemExit("--texts needs --gold")
        TEXTS, GOLD, args.sets = args.texts, args.gold, ["folder"]
    with tempfile.TemporaryDirectory(prefix="chusho-dev-") as tmp:
        root = args.out or Path(tmp)
        for name in args.sets or ["seeds", "dev"]:
            report = run_set(name, args.doc, args.show, root / name)
            lines = report.splitlines()
            if args.brief:
                lines = [x for x in lines if not x.startswith("   ")]
            print(f"## {name} ({len(set_docs(name))} texts)")
            print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
