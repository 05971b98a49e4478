"""The work of the extract flow's per-document tasks, as plain functions (no Prefect here).

`flows/extract.py` makes them Prefect tasks; the model worker (`flows/modelworker.py`,
a process without Prefect) runs the ones that need the model (`MODEL_STAGES`) for a
small run on threads. One definition of each, so both give the same values.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from extractors.reading import join_pdf_parts, pdf_ranges, read_document, read_pdf_part
from extractors.records import document_drafts
from extractors.records.build import drafts_from_candidates, part_candidates
from extractors.settings import Settings
from schemas.document import Document, Fetched
from schemas.records import Candidate

if TYPE_CHECKING:
    from extractors.reading.pdf import PdfPart

ONE_TASK_BYTES = 1_000_000  # a source this small (not a long PDF) is read and drafted in one task


def small(fetched: Fetched) -> bool:
    """At most ONE_TASK_BYTES: small enough to be read and drafted in one task (if not a long PDF)."""
    return len(fetched.content or b"") <= ONE_TASK_BYTES


def one_task(fetched: Fetched, settings: Settings) -> bool:
    """Whether the extract flow reads and drafts this source in one `document` task: `small`, and
    not a PDF long enough to be read in page ranges (`pdf_ranges`)."""
    return pdf_ranges(fetched, settings) is None and small(fetched)


def read_stage(fetched: Fetched, settings: Settings) -> Document:
    return read_document(fetched, settings)


def document_stage(fetched: Fetched, settings: Settings) -> tuple[Document, list[dict]]:
    """A small document read and drafted in one task: half the per-task cost of a worker process."""
    doc = read_document(fetched, settings)
    return doc, document_drafts(doc)


def pages_stage(fetched: Fetched, first: int, last: int | None, settings: Settings) -> PdfPart | Document:
    return read_pdf_part(fetched, first, last, settings)


def join_stage(fetched: Fetched, parts: list[PdfPart | Document], settings: Settings) -> Document:
    return join_pdf_parts(fetched, parts, settings)


def drafts_stage(doc: Document) -> list[dict]:
    return document_drafts(doc)


def candidates_stage(doc: Document, regions: list[tuple[int, int]]) -> list[Candidate]:
    return part_candidates(doc, regions)


def assemble_stage(doc: Document, parts: list[list[Candidate]]) -> list[dict]:
    return drafts_from_candidates(doc, [c for part in parts for c in part])


# The stages that run GiNZA or the name lists: what the model worker is asked for.
MODEL_STAGES = {"document": document_stage, "drafts": drafts_stage, "candidates": candidates_stage,
                "assemble": assemble_stage}


def load_model() -> None:
    """The model, the rule patterns, the gazetteer and the institution names, loaded now (each once
    per process) rather than by the first document that needs them."""
    from extractors.language.gazetteer import find_municipalities
    from extractors.language.institutions import find_institutions
    from extractors.language.nlp import load_nlp, load_ruler

    load_nlp()
    load_ruler()
    find_municipalities("")
    find_institutions("")
