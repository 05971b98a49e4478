"""The whole-run cache: the same local files, code, model and settings give the same output.

Each document's work is cached by Prefect (see `flows/tasks.py`), but even a
run where every task is a cache hit pays for starting Prefect's server and
the task runs (seconds). When every input is a local file, the run's
key is the sha256 of the list of (URI, sha256 of the bytes) plus the work
fingerprint; a finished run saves its documents, records and rejected
candidates under that key, and `chusho-extract run` checks the key before
starting Prefect at all. A hit writes the same output folder (a new run id;
`cache.whole_run` in the manifest names the run it came from) in about a
second. Any changed, added or removed file, any code, rule, model or setting
change gives another key. URLs always go through the flow (their bytes are
only known by fetching). An entry that cannot be read back whole (a write cut
short, a damaged disk: zlib, gzip or JSON errors) is a miss: it is removed, one
warning says so, and the flow's run writes it anew. An entry that cannot be
saved (a full or read-only cache folder) costs a warning, not the run. This
module does not import Prefect, and imports the output folder's writers only
where a run is saved or written: the check (`saved_run`) comes before the
command starts the Prefect server, which should not wait for them.
"""
from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
import uuid
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from extractors.reading import discover_sources, fetch_file, is_url
from extractors.settings import Settings
from extractors.versions import work_fingerprint
from flows.runtime.environment import cache_dir
from schemas.document import Document
from schemas.records import Rejected

if TYPE_CHECKING:
    from output import RunSummary


def _runs_dir() -> Path:
    return Path(cache_dir()) / "runs"


def _key(pairs: list[tuple[str, str | None]], settings: Settings) -> str | None:
    if not pairs or any(sha is None for _uri, sha in pairs):
        return None
    blob = json.dumps({"inputs": pairs, "fingerprint": work_fingerprint(settings)}, sort_keys=True)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()


def save_run(documents: list[Document], records: list[dict], rejected: list[Rejected], manifest: dict) -> None:
    """Keep a finished run's output under its key (only when every input was a local file)."""
    from output.atomic import clear_leftovers, temporary_name  # lazy: see the module's docstring
    from output.jsonlines import to_jsonable

    settings = Settings.model_validate(manifest["settings"])
    if any(is_url(d.uri) for d in documents):
        return
    key = _key([(d.uri, d.sha256) for d in documents], settings)
    if key is None:
        return
    blob = json.dumps({"run": manifest["id"], "documents": [to_jsonable(d) for d in documents], "records": records,
                       "rejected": [to_jsonable(r) for r in rejected]}, ensure_ascii=False)
    path = _runs_dir() / f"{key}.json.gz"
    tmp = temporary_name(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        clear_leftovers(path.parent)
        tmp.write_bytes(gzip.compress(blob.encode("utf-8"), compresslevel=3))
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        _warn(f"the run could not be saved in the whole-run cache ({path}: {exc.strerror or exc}); the output is "
              f"written all the same")


def _warn(message: str) -> None:
    sys.stderr.write(f"chusho-extract: warning: {message}\n")  # one write: task threads print too
    sys.stderr.flush()


def _load(path: Path) -> dict | None:
    """A saved run, or None: none saved, or one that cannot be read back whole (then removed, with a warning)."""
    try:
        blob = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        _warn(f"the whole-run cache entry {path} cannot be read ({exc.strerror or exc}): the flow runs instead")
        return None
    try:
        saved = json.loads(gzip.decompress(blob))
        return {"run": saved["run"], "records": list(saved["records"]),
                "documents": [Document.model_validate(d) for d in saved["documents"]],
                "rejected": [Rejected.model_validate(r) for r in saved["rejected"]]}
    except Exception as exc:  # noqa: BLE001  (zlib.error, BadGzipFile, EOFError, JSON, validation: all damage)
        _warn(f"the whole-run cache entry {path} is damaged ({type(exc).__name__}: {exc}): removed; the flow runs "
              f"and saves it again")
        try:
            path.unlink()
        except OSError:
            pass
        return None


def _saved_path(inputs: list[str], settings: Settings) -> Path | None:
    """Where a finished run of these exact inputs is (or would be) kept; None for inputs it cannot be for."""
    sources = discover_sources(inputs)
    if not sources or any(is_url(s) for s in sources):
        return None
    pairs = []
    for source in sources:
        fetched = fetch_file(source, settings)
        if fetched.error:
            return None
        pairs.append((fetched.uri, fetched.sha256))
    key = _key(pairs, settings)
    return None if key is None else _runs_dir() / f"{key}.json.gz"


def saved_run(inputs: list[str], settings: Settings) -> Path | None:
    """Where a finished run of these exact inputs is kept, or None (not whether it reads back whole:
    `cached_run` says that): the command then starts no Prefect server, which such a run never needs."""
    path = _saved_path(inputs, settings)
    return path if path is not None and path.is_file() else None


def cached_run(inputs: list[str], out: str, settings: Settings, path: Path | None = None) -> RunSummary | None:
    """Write `out` from the whole-run cache if these exact inputs were run before; None on a miss. `path`:
    where `saved_run` found them kept (every input read and hashed once, not twice)."""
    from output import manifest_for, skipped_files, summary_of, write_outputs  # lazy: see the module's docstring

    path = path or _saved_path(inputs, settings)
    if path is None:
        return None
    key = path.name.removesuffix(".json.gz")
    saved = _load(path)
    if saved is None:
        return None
    documents, rejected = saved["documents"], saved["rejected"]
    now = datetime.now(timezone.utc).isoformat()
    run = {"id": str(uuid.uuid4()), "started": now, "inputs": inputs, "skipped_files": skipped_files(inputs),
           "cache": {"enabled": True, "whole_run": True, "from_run": saved["run"], "key": key}}
    manifest = manifest_for(run, documents, saved["records"], rejected, settings)
    write_outputs(Path(out), documents, saved["records"], rejected, manifest)
    return summary_of(manifest, out)
