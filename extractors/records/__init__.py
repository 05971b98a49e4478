"""Records: a `Document` to validated, merged summit, agreement and ordinance records.

The record types are one table, `record_types.TYPES`: each type's schema, assembler, patterns,
fields scored and evidenced, main date and place, and its rules for grouping, ids, merging and
scoring; the rest of the package (and the output) reads it there.

Takes `Document`s and gives draft records (`document_drafts`: `drafts.Draft`s, from the rule pass,
NER on trigger sentences, and the assemblers `summits`, `agreements`, `ordinances` over a shared
`DocContext`;
summits read one-meeting pages (`meeting_page`), ordinances drafts, plans, number lines, 公布文
and 附則 (`ordinance_pages`); agreements also read the document's publisher (`publisher`), its party
lists, blocks, counted groups and bodies of several places written once (`coordination`, `party_groups`,
`place_groups`), its signature block
(`signatures`) and its hard wrapping (`wrapping`)),
then records (`build_records`: evidence spans, a sentence-level one and one per field value
(`spans`), merging across documents, stable ids, each record's probability of being right
(`confidence`, a fitted model over its evidence), validation against `schemas.records`, the
rejected with their reasons). `score` / `grounding` / `format_report` measure records against a
gold file the way the team's `eval/score.py` does; `field_evidence` checks that every field value
has a span naming its field.
"""
from extractors.records.build import build_records, document_drafts
from extractors.records.drafts import Draft
from extractors.records.evaluate import covered, field_evidence, format_report, grounding, score
from extractors.records.record_types import TYPES, RecordType, record_type

__all__ = ["TYPES", "Draft", "RecordType", "build_records", "covered", "document_drafts", "field_evidence",
           "format_report", "grounding", "record_type", "score"]
