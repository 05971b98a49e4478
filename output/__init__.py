"""The output folder of a run (docs/CONTRACT.md): written as a whole, read back, shown to people.

Takes a run's documents (`schemas.document.Document`), records (dicts of
`schemas.records`), rejected candidates and manifest fields; gives the folder:
records.jsonl, documents.jsonl, rejected.jsonl, schema/*.json, manifest.json,
records-<type>.csv, records.sqlite, review.html and changes.jsonl.

    folder     write_outputs: every file of the folder, put in place as a whole
    atomic     replace_output, atomic_write_text, OutputError: no reader sees half a file or folder
    manifest   manifest_for, skipped_files, RunSummary, summary_of
    jsonlines  the JSONL files, written and read back
    review     review.html (+ templates/), and rewrite_review for an existing folder
    tables     records-<type>.csv for spreadsheets
    database   records.sqlite for queries (datasette, sqlite-utils)
    changes    changes.jsonl: what each run changed in the folder's record set

Nothing here imports Prefect: the command line writes a folder without a flow
(nothing to read, unreachable inputs, the whole-run cache), and the flows call
`write_outputs` in a task. The names below are loaded on first use, so that
importing one light module of this package does not import Jinja2 and the rest.
"""
from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "write_outputs": "folder",
    "replace_output": "atomic", "atomic_write_text": "atomic", "OutputError": "atomic",
    "manifest_for": "manifest", "skipped_files": "manifest", "RunSummary": "manifest", "summary_of": "manifest",
    "rewrite_review": "review",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name in _EXPORTS:
        return getattr(import_module(f"{__name__}.{_EXPORTS[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
