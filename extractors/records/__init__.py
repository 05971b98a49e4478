"""Records: a `Document` to validated, merged summit, agreement and ordinance records.

Takes `Document`s and gives draft records (`document_drafts`: the rule pass, NER on trigger
sentences, and the assemblers `summits`, `agreements`, `ordinances` over a shared `DocContext`;
agreements also read the document's publisher and date line (`publisher`) and its party lists
and blocks (`coordination`)),
then records (`build_records`: evidence spans, merging across documents, stable ids, validation
against `schemas.records`, the rejected with their reasons). `score` / `grounding` /
`format_report` measure records against a gold file the way the team's `eval/score.py` does.
"""
from extractors.records.build import build_records, document_drafts
from extractors.records.evaluate import format_report, grounding, score

__all__ = ["build_records", "document_drafts", "format_report", "grounding", "score"]
