"""manifest.json: what a run was given, did and was run with; and the summary a run's caller gets from it.

- `manifest_for(run, documents, records, rejected, settings)`: the manifest, the
  run's own fields (id, started, inputs, the crawl's report...) first, then the
  counts, versions, work fingerprint and settings.
- `linking_counts(records)`: the manifest's `linking`: how many of the names
  that a code list covers (local governments, financial institutions) were
  given a code, how many were left ambiguous, per field.
- `skipped_files(inputs)`: the files in input folders that are not read (not a
  document type, a broken link, a FIFO), counted by type: the manifest's
  `skipped_files`, and the command line's message when a folder holds no
  document at all.
- `RunSummary`, `summary_of(manifest, out)`: a run's counts, as the flows return
  them and the command line prints them.
"""
from __future__ import annotations

import os
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

from pydantic import BaseModel, ConfigDict

from extractors.reading.fetch import DOCUMENT_SUFFIXES, is_url
from extractors.reading.paths import local_path, portable
from extractors.versions import versions, work_fingerprint
from schemas.records import RECORD_TYPES

MAX_LISTED = 500  # skipped files listed by path; the counts are always complete
BROKEN_LINK = "(broken link)"  # the type of a symbolic link whose target does not exist
SPECIAL_FILE = "(not a regular file)"  # a FIFO, socket or device in an input folder: never opened


CODED_KINDS = ("municipality", "prefecture", "financial institution")  # the parties a code list covers


def linking_counts(records: list[dict]) -> dict:
    """Per field (`parties` of agreements of a coded kind, summit `host`, ordinance `municipality`): the
    names there were, those given a code, and those left ambiguous (several bodies, not settled)."""
    out = {field: {"names": 0, "coded": 0, "ambiguous": 0} for field in ("parties", "host", "municipality")}
    for r in records:
        for a in r.get("ambiguous") or []:
            if a.get("field") in out:
                out[a["field"]]["ambiguous"] += 1
        if r["type"] == "agreement":
            for party in r.get("parties") or []:
                if isinstance(party, dict) and (party.get("kind") in CODED_KINDS or party.get("code")):
                    out["parties"]["names"] += 1
                    out["parties"]["coded"] += bool(party.get("code"))
        for field, code in (("host", "host_code"), ("municipality", "municipality_code")):
            if r.get(field):
                out[field]["names"] += 1
                out[field]["coded"] += bool(r.get(code))
    return out


def record_counts(records: list[dict]) -> dict[str, int]:
    """The manifest's `counts.records`: records per type, every type named."""
    per_type = Counter(r["type"] for r in records)
    return {t: per_type.get(t, 0) for t in RECORD_TYPES}


def manifest_for(run: dict, documents: list, records: list[dict], rejected: list, settings) -> dict:
    """manifest.json: the run's own fields, then counts, versions, fingerprint and settings."""
    counts = Counter(d.status.value for d in documents)
    return {
        **run,
        "finished": datetime.now(timezone.utc).isoformat(),
        "documents": len(documents),
        "counts": {"documents": dict(sorted(counts.items())), "records": record_counts(records),
                   "rejected": len(rejected)},
        "linking": linking_counts(records),
        "versions": versions(),
        "fingerprint": work_fingerprint(settings),
        "settings": settings.model_dump(mode="json"),
    }


class RunSummary(BaseModel):
    model_config = ConfigDict(extra="forbid")

    run_id: str
    out: str
    documents: int
    counts: dict[str, int]
    records: dict[str, int] = {}
    whole_run_cached: bool = False
    crawl: dict | None = None  # a crawl's counts, requests and extracted (see manifest.json "crawl")


def summary_of(manifest: dict, out: str | Path) -> RunSummary:
    counts = manifest["counts"]
    crawl = manifest.get("crawl")
    return RunSummary(run_id=manifest["id"], out=str(out), documents=manifest["documents"],
                      counts=counts["documents"], records={t: n for t, n in counts["records"].items() if n},
                      whole_run_cached=bool(manifest.get("cache", {}).get("whole_run")),
                      crawl={k: crawl[k] for k in ("counts", "requests", "extracted")} if crawl else None)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _kind(path: Path) -> str:
    return path.suffix.lower() or "(no extension)"


def _unread(p: Path) -> tuple[str, dict] | None:
    """(type, more fields) of a folder entry that is not read, or None for a document or a folder."""
    if p.is_symlink() and not p.exists():
        return BROKEN_LINK, {"target": portable(os.readlink(p))}
    if p.is_dir():
        return None
    if not p.is_file():
        return SPECIAL_FILE, {}
    return (None if p.suffix.lower() in DOCUMENT_SUFFIXES else (_kind(p), {}))


def skipped_files(inputs: list[str]) -> dict:
    """{"counts": {type: n}, "files": [{"path", "type"}, ...]} for the files in input folders not read.

    Hidden files and folders (a leading dot) are not counted: they are not
    anyone's documents (.git, .DS_Store). A symbolic link whose target is gone
    is listed with the type "(broken link)" and its `target`; a FIFO, socket or
    device with "(not a regular file)". A name that is not UTF-8 is given as
    its `file:` URI.
    """
    counts: Counter[str] = Counter()
    files: list[dict] = []
    for item in inputs:
        root = Path(local_path(item))
        if is_url(item) or not root.is_dir():
            continue
        for p in sorted(root.rglob("*")):
            unread = None if _hidden(p, root) else _unread(p)
            if unread is None:
                continue
            kind, more = unread
            counts[kind] += 1
            if len(files) < MAX_LISTED:
                files.append({"path": portable(p), "type": kind, **more})
    return {"counts": dict(sorted(counts.items())), "files": files}
