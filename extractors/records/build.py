"""Documents to validated, merged records.

`document_drafts(doc)` runs the cheap rule pass over the whole text, GiNZA's
NER over the sentences where the rules found an agreement, a summit or an
ordinance, and the assemblers of `record_types`; it gives draft records
(`drafts.Draft`: a type, field values, evidence spans). `build_records(documents, drafts)` turns drafts into evidence-
carrying records, merges the same summit, agreement or ordinance read from
several documents into one record listing every source (a summit of a bare
meeting word, 第2回定例会, only within its document: it names no series), gives
each a stable id, validates it against the strict schemas and sends what fails
to the rejected list with its reasons.

Evidence: each draft carries its sentence-level span (`field` null) and one span
per field value, the characters the value was read from, with `how` when the
value was inferred (`records.spans`). A merged record keeps every document's
spans; a field span whose value the record does not hold (another document's
value won, or an assembler replaced it) is kept as sentence-level evidence.

Confidence. A record's `confidence` is the probability that it is right (it
matches a gold record and every field it gives is the gold's: see
`records.confidence`), from what its evidence says it rests on: the kind of
structure each field was read from, what was inferred and from what, how often
each field is stated, how many sentences and documents give the record, how
many records of its type its document gives, OCR.
The coefficients are data, fitted on the dev texts by `eval/fit_confidence.py`,
which also prints the reliability table; `build_records` sets it, once the
record's evidence is merged.

A draft's `confidence` is another thing: the assembler's rating of the
structure it read, which only orders drafts when merging (the most confident
draft's values come first) and lets an assembler weigh its own drafts:

- summit: 0.85 for a list row or a history-table row; 0.7 for a mention in
  prose (第N回 + series name); 0.75 when the mention's sentence also states
  the venue (を会場に, で開催).
- agreement: 0.8 for a signing sentence (or a heading with its 締結日 line)
  with a signing date; 0.7 for one without; 0.75 for a row of a table of
  agreements.
- ordinance: 0.9 for a 例規集 header (the name alone on its line, with its
  date and number below); 0.75 for a quoted name in prose; 0.6 for an unquoted
  name in prose. An undated, unnumbered name below 0.9 that is in no list is
  a passing reference and gives no record when a sign says so (…条例に基づく)
  or when only the page gives its body and the page's title speaks of no 条例.
"""
from __future__ import annotations

import hashlib
from dataclasses import replace

from pydantic import ValidationError

from extractors.records.confidence import ConfidenceModel, record_confidence, sibling_counts
from extractors.records.context import DocContext
from extractors.records.drafts import Draft
from extractors.records.linking import Linker, link_record
from extractors.language.gazetteer import MUNICIPALITY_SUFFIX, PREFECTURE_SUFFIX, prefecture_of
from extractors.language.nlp import model_candidates, rule_candidates
from extractors.language.triggers import selected_regions
from extractors.records.record_types import TYPES, record_type
from extractors.records.spans import Span
from schemas.document import DocStatus, Document
from schemas.records import Candidate, Evidence, Rejected

_TRIGGERS = {t.trigger for t in TYPES.values()}


def _region_candidates(doc: Document, regions: list[tuple[int, int]] | None, use_model: bool) -> list[Candidate]:
    """Rule candidates over `regions` (whole lines; None: the whole text) plus model entities in
    their trigger sentences (a sentence never crosses a line, so it lies in its region)."""
    text = doc.text
    cands = rule_candidates(text, regions)
    if not use_model:
        return cands
    ctx = DocContext(doc=doc, cands=cands)
    spans = sorted({ctx.sentence(c.start) for c in cands if c.label in _TRIGGERS})
    if not spans:
        return cands
    taken = [(c.start, c.end) for c in cands if c.label in ("ORG", "GPE", "DATE")]
    for m in model_candidates(text, spans):
        if m.label in ("ORG", "GPE") and not any(s < m.end and m.start < e for s, e in taken):
            cands.append(m)
    return cands


def candidates(doc: Document, use_model: bool = True, prefilter: bool = True) -> list[Candidate]:
    """Rule candidates over the text's trigger regions (with `prefilter`, see
    `language.triggers`; else the whole text) plus model entities in the trigger sentences."""
    return _region_candidates(doc, selected_regions(doc.text) if prefilter else None, use_model)


def candidate_parts(doc: Document, part_chars: int) -> list[list[tuple[int, int]]]:
    """The trigger regions of a long document in parts of about `part_chars` characters each, for
    `part_candidates` in parallel tasks; one part (or none, for a document without text) when short."""
    if doc.status != DocStatus.ok or not doc.text:
        return []
    parts: list[list[tuple[int, int]]] = [[]]
    size = 0
    for region in selected_regions(doc.text):
        if size >= part_chars:
            parts.append([])
            size = 0
        parts[-1].append(region)
        size += region[1] - region[0]
    return parts


def part_candidates(doc: Document, regions: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates of one part of `candidate_parts`. A region is whole lines and a sentence never
    crosses a line, so the parts' candidates, joined in order, are those of `candidates(doc)`."""
    return _region_candidates(doc, regions, use_model=True)


def drafts_from_candidates(doc: Document, cands: list[Candidate]) -> list[Draft]:
    """The assemblers over a document and its candidates (all of `candidates(doc)`, or its parts')."""
    if doc.status != DocStatus.ok or not doc.text:
        return []
    ctx = DocContext.build(doc, cands)
    return [Draft.from_dict(d) for t in TYPES.values() for d in t.assemble(ctx)]


def document_drafts(doc: Document, use_model: bool = True, prefilter: bool = True) -> list[Draft]:
    if doc.status != DocStatus.ok or not doc.text:
        return []
    return drafts_from_candidates(doc, candidates(doc, use_model, prefilter))


def _evidence(doc: Document, span: Span, ocr_pages: set[int]) -> Evidence:
    """A draft span as Evidence in its document (`ocr_pages`: the document's pages read by OCR)."""
    page = doc.page_at(span.start)
    return Evidence(uri=doc.uri, sha256=doc.sha256 or "", page=page, start=span.start, end=span.end,
                    quote=doc.text[span.start:span.end], rule=span.rule, field=span.field, how=span.how,
                    ocr=page in ocr_pages)


def _gave(merged: dict, ev: Evidence, value: object) -> bool:
    """Whether a field span gave the record's value of its field (one of a list field's values)."""
    current = merged.get(ev.field)
    return value in current if isinstance(current, list) else value == current


def record_sources(merged: dict, group: list[Draft]) -> list[Evidence]:
    """Every document's spans, each once: a field span whose value the record does not hold (an
    assembler replaced it, merging took another document's value) stays as sentence-level evidence."""
    sources: list[Evidence] = []
    seen = set()
    for d in sorted(group, key=lambda d: d.doc.uri):
        ocr_pages = {p.page for p in d.doc.pages if p.ocr}
        for span in d.evidence:
            ev, value = _evidence(d.doc, span, ocr_pages), span.value
            if ev.field is not None and not _gave(merged, ev, value):
                ev = ev.model_copy(update={"field": None, "how": None})
            k = (ev.sha256, ev.start, ev.end, ev.field, ev.how)
            if k not in seen:
                seen.add(k)
                sources.append(ev)
    return sources


def group_drafts(drafts: list[Draft]) -> list[list[Draft]]:
    """Drafts that describe the same thing, across documents (each type's `group_key` and `joins`)."""
    groups: list[list[Draft]] = []
    keys: list[str] = []
    for d in sorted(drafts, key=lambda d: -d.confidence):
        rt = record_type(d.type)
        k = rt.group_key(d.fields)
        if rt.one_document(d.fields):
            k += f"|{d.doc.uri}"
        home = next((i for i, g in enumerate(groups) if g[0].type == d.type and rt.joins(d, g, keys[i] == k)),
                    None)
        if home is None:
            groups.append([d])
            keys.append(k)
        else:
            groups[home].append(d)
    return groups


def merge_group(group: list[Draft]) -> dict:
    """One record (a dict of its type, fields and confidence) from drafts of the same thing: most
    confident value first, the type's `united` lists and `united_maps` united."""
    def filled(d: Draft) -> int:
        return sum(1 for v in d.fields.values() if v not in (None, [], {}))

    rt = record_type(group[0].type)
    ranked = sorted(group, key=lambda d: (-d.confidence, -filled(d)))
    top = ranked[0]
    merged = {"type": top.type, **top.fields, "confidence": top.confidence}
    for d in ranked[1:]:
        for k, v in d.fields.items():
            if k in rt.united:
                merged[k] = merged[k] + [x for x in v if x not in merged[k]]
            elif k in rt.united_maps:
                for full, shorts in v.items():
                    merged[k].setdefault(full, [])
                    merged[k][full] += [s for s in shorts if s not in merged[k][full]]
            elif merged.get(k) is None and v is not None:
                merged[k] = v
    _narrowest_place(merged, ranked, rt.place_field)
    rt.finish(merged)
    return merged


def _narrowest_place(merged: dict, ranked: list[Draft], field: str | None) -> None:
    """A prefecture given by the most confident draft (青森県 in a headline) gives way to a municipality
    of that prefecture another draft of the same thing gives (青森県八戸市の…で開いた in the body)."""
    place = merged.get(field) if field else None
    if not place or not place.endswith(PREFECTURE_SUFFIX):
        return
    inner = next((d.fields[field] for d in ranked if (d.fields.get(field) or "").endswith(MUNICIPALITY_SUFFIX)
                  and prefecture_of(d.fields[field]) == place), None)
    if inner:
        merged[field] = inner


def record_id(merged: dict) -> str:
    rt = record_type(merged["type"])
    key = rt.group_key(merged)
    if rt.one_document(merged) and merged.get("sources"):
        key += f"|{merged['sources'][0]['uri']}"
    key += rt.id_extra(merged)
    return f"{merged['type']}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:16]}"


def build_records(documents: list[Document], drafts_by_doc: list[list[Draft]],
                  confidence: ConfidenceModel | None = None) -> tuple[list[dict], list[Rejected]]:
    """Merge, id and validate drafts of all documents; gives (records as JSON dicts, rejected).
    `confidence`: the model of the records' confidence (default: the package's fitted one)."""
    texts = {d.sha256: d.text for d in documents if d.sha256}
    all_drafts = [replace(d, doc=doc) for doc, drafts in zip(documents, drafts_by_doc) for d in drafts]
    records: list[dict] = []
    rejected: list[Rejected] = []
    linker = Linker({d.sha256: d for d in documents if d.sha256})
    groups = group_drafts(all_drafts)
    candidates = []
    for group in groups:
        merged = merge_group(group)
        merged["sources"] = [e.model_dump(mode="json") for e in record_sources(merged, group)]
        candidates.append(merged)
    for group, merged, siblings in zip(groups, candidates, sibling_counts(candidates)):
        merged["confidence"] = record_confidence(merged, confidence, siblings)
        merged["id"] = record_id(merged)
        link_record(merged, linker)  # codes, party kinds (records.linking)
        model = record_type(merged["type"]).schema
        try:
            rec = model.model_validate(merged, context={"texts": texts})
        except ValidationError as exc:
            rejected.append(Rejected(type=merged["type"], uri=group[0].doc.uri,
                                     reasons=[f"{'.'.join(map(str, e['loc'])) or 'record'}: {e['msg']}"
                                              for e in exc.errors()],
                                     candidate={k: v for k, v in merged.items()}))
            continue
        records.append(rec.model_dump(mode="json"))
    records.sort(key=lambda r: (r["type"], r["id"]))
    return records, rejected
