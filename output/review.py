"""The review page: one self-contained `review.html` for a person to check a run.

Takes what a run writes (documents, records, rejected candidates, the
manifest, the change lines) and gives one HTML page made from the Jinja2
templates in `output/templates/` (autoescaped; the CSS and script are inlined,
nothing is loaded from the network, fonts come from the system).

The page shows the run's summary; the records as a table with sortable
columns, filtered by type, document, confidence, free text and facets (party,
municipality, party kind, year, each with its counts); each record's fields
(codes beside the names, and the `how` of each inferred value) with their
evidence highlighted in the document text; a per-document view (choose a
document: its whole text with the evidence of every record read from it
highlighted, its records listed; documents that gave no record are flagged
as such, so a reader finds what was missed); the documents with their status,
errors and record counts; and the rejected candidates with their reasons.
Every record and document has a link: `#record=<id>`, `#doc=<n>` (the n-th
document of documents.jsonl, from 0).

Each document's text is embedded once, in a `<script type="application/json">`
block with every `<` written `\\u003c` (so no `</script>` or `<!--` in the data
can end the block), and a record's evidence is drawn from it only when the
record is opened: the page stays small and quick with thousands of records.
Evidence spans that name a `field` are shown with that field; a field with
no span of its own shows the record's sentence-level spans (`field` null or
absent) instead.
"""
from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from output.atomic import atomic_write_text
from output.changes import compared_fields
from output.database import record_place
from output.jsonlines import read_jsonl, to_jsonable
from schemas.records import MAIN_DATE, RECORD_TYPES, party_names

REVIEW_NAME = "review.html"


def href(uri: str) -> str | None:
    """A link target for a document URI: web and file URIs only (nothing like `javascript:` is linked)."""
    return uri if re.match(r"(?i)(https?|file)://", uri or "") else None


def as_json(value, indent: int | None = None) -> str:
    """A value as readable JSON text (Japanese as is), to be autoescaped like any text."""
    return json.dumps(value, ensure_ascii=False, indent=indent)


@lru_cache(maxsize=1)
def _environment() -> Environment:
    """Jinja2's environment for the templates, made once per process: it keeps each template compiled (a few
    hundredths of a second each time otherwise)."""
    env = Environment(loader=PackageLoader("output", "templates"), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters.update(href=href, as_json=as_json)
    return env


def record_label(r: dict) -> str:
    """A record in a few words, for its row in the table."""
    if r["type"] == "summit":
        edition = f"第{r['edition']}回 " if r.get("edition") is not None else ""
        return f"{edition}{r.get('series') or ''}".strip() + (f"（{r['host']}）" if r.get("host") else "")
    if r["type"] == "agreement":
        return "・".join(party_names(r)) + (f"：{r['kind']}" if r.get("kind") else "")
    return (f"{r['municipality']} " if r.get("municipality") and not r["name"].startswith(r["municipality"])
            else "") + r["name"]


def script_json(obj) -> str:
    """JSON safe inside a <script> element: no `<` at all, so nothing in it can close or comment the block."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")


FACETS = (("party", "party"), ("municipality", "municipality"), ("kind", "party kind"), ("year", "year"))


def record_facets(r: dict) -> dict[str, list[str]]:
    """The values a record has for each facet (a record may have several parties and kinds)."""
    parties = [p if isinstance(p, dict) else {"name": p, "kind": None} for p in r.get("parties") or []]
    place, _ = record_place(r)
    date = r.get(MAIN_DATE[r["type"]])
    return {"party": [p["name"] for p in parties], "municipality": [place] if place else [],
            "kind": sorted({p["kind"] for p in parties if p.get("kind")}), "year": [date[:4]] if date else []}


def facet_options(facets: list[dict]) -> dict[str, list[tuple[str, int]]]:
    """Each facet's values with the number of records that have them, most frequent first."""
    out = {}
    for name, _ in FACETS:
        counts = Counter(v for f in facets for v in set(f[name]))
        key = (lambda kv: kv[0]) if name == "year" else (lambda kv: (-kv[1], kv[0]))
        out[name] = sorted(counts.items(), key=key, reverse=False)
    return out


def document_counts(documents: list[dict], records: list[dict]) -> list[int]:
    """How many records each document gave (a record read from several counts for each)."""
    n = Counter(uri for r in records for uri in {e["uri"] for e in r.get("sources", [])})
    return [n.get(d["uri"], 0) for d in documents]


def page_data(documents: list[dict], records: list[dict], facets: list[dict] | None = None) -> dict:
    """What the page's script needs: records, the fields to show per type, each read document's text once,
    the documents (for the per-document view) and each record's facet values."""
    texts = {}
    for d in documents:
        if d.get("sha256") and d.get("text") and d["sha256"] not in texts:
            texts[d["sha256"]] = {"uri": d["uri"], "title": d.get("title"), "pages": d.get("pages") or [],
                                  "text": d["text"]}
    counts = document_counts(documents, records)
    docs = [{"uri": d["uri"], "sha256": d.get("sha256"), "title": d.get("title"), "status": d.get("status"),
             "error": d.get("error"), "records": n} for d, n in zip(documents, counts)]
    return {"records": records, "fields": {t: compared_fields(t) for t in RECORD_TYPES}, "texts": texts,
            "documents": docs, "facets": facets if facets is not None else [record_facets(r) for r in records]}


def review_template():
    """The page's template, compiled (once per process)."""
    return _environment().get_template("review.html.j2")


def render_review(documents: list, records: list[dict], rejected: list, manifest: dict,
                  changes: list[dict] | None = None) -> str:
    """The page's HTML."""
    documents = [to_jsonable(d) for d in documents]
    rejected = [to_jsonable(r) for r in rejected]
    counts = manifest.get("counts", {})
    facets = [record_facets(r) for r in records]
    rows = [{"type": r["type"], "id": r["id"], "label": record_label(r), "date": r.get(MAIN_DATE[r["type"]]),
             "municipality": (f["municipality"] or [""])[0],
             "confidence": r.get("confidence"), "sources": len({e["uri"] for e in r.get("sources", [])})}
            for r, f in zip(records, facets)]
    source_uris = sorted({e["uri"] for r in records for e in r.get("sources", [])})
    doc_records = document_counts(documents, records)
    return review_template().render(
        manifest=manifest, counts=counts, crawl=manifest.get("crawl"), change_counts=manifest.get("changes"),
        changes=changes or [], rows=rows, types=list(RECORD_TYPES), documents=documents, rejected=rejected,
        doc_records=doc_records, facets=FACETS, facet_options=facet_options(facets),
        no_record=sum(1 for d, n in zip(documents, doc_records) if d.get("status") == "ok" and not n),
        source_uris=source_uris, data_json=script_json(page_data(documents, records, facets)))


def rewrite_review(out: Path) -> Path:
    """(Re)write `out/review.html` from the output folder's files; gives the page's path."""
    manifest_path = out / "manifest.json"
    if not manifest_path.is_file():
        raise FileNotFoundError(f"no finished run in {out} (no manifest.json)")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    html = render_review(*(read_jsonl(out / f"{name}.jsonl", missing_ok=True)
                           for name in ("documents", "records", "rejected")),
                         manifest, read_jsonl(out / "changes.jsonl", missing_ok=True))
    atomic_write_text(out / REVIEW_NAME, html)
    return out / REVIEW_NAME
