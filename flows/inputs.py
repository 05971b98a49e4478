"""The command line's inputs, checked before any work: paths, the output folder, what a folder holds.

Nothing here imports Prefect: a wrong path or an output folder that cannot be
written is told in one line, in well under a second, before Prefect's server
starts (see `flows/cli.py`).

- `check_output_folder(path)`: creates the folder if missing and proves it
  writable by creating and removing a file in it (permission bits alone do not
  tell: root ignores them, a read-only mount does not show in them).
- `local_inputs(inputs)`: the inputs with a path whose name is not UTF-8 given
  as its `file:` URI (`extractors.reading.paths`).
- `missing_paths(inputs)`: the local paths among the inputs that do not exist.
- `skipped_files(inputs)`: the files in input folders that are not read (not
  a document type, a broken link, a FIFO), counted by type, for the manifest and
  for the message when a folder holds no document at all.
"""
from __future__ import annotations

import os
import uuid
from collections import Counter
from pathlib import Path

from extractors.reading.paths import local_path, portable

MAX_LISTED = 500  # skipped files listed by path; the counts are always complete


class InputError(ValueError):
    """A bad path or output folder: its message is the one line the user sees."""


def check_output_folder(path: str | os.PathLike, option: str = "--out") -> Path:
    out = Path(path)
    if out.exists() and not out.is_dir():
        raise InputError(f"{option} {out} is a file, not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(f"{option} {out} cannot be created: a part of that path is a file") from None
    except NotADirectoryError:
        raise InputError(f"{option} {out} cannot be created: a part of that path is a file") from None
    except OSError as exc:
        raise InputError(f"{option} {out} cannot be created: {exc.strerror or exc}") from None
    probe = out / f".chusho-write-test-{uuid.uuid4().hex[:8]}"
    try:
        probe.touch(exist_ok=False)
        probe.unlink()
    except OSError as exc:
        raise InputError(f"{option} {out} is not writable: {exc.strerror or exc}") from None
    return out


def _is_url(item: str) -> bool:
    # extractors.reading.fetch.is_url, without importing httpx (~0.5 s on a busy machine) before the checks
    return item.startswith(("http://", "https://"))


def local_inputs(inputs: list[str]) -> list[str]:
    """The inputs as sources: a local path whose name is not UTF-8 becomes its `file:` URI (see
    `extractors.reading.paths`: such a name cannot go into Prefect's API or a JSON file)."""
    return [i if _is_url(i) else portable(i) for i in inputs]


def missing_paths(inputs: list[str]) -> list[str]:
    return [i for i in inputs if not _is_url(i) and not os.path.exists(local_path(i))]


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _kind(path: Path) -> str:
    return path.suffix.lower() or "(no extension)"


BROKEN_LINK = "(broken link)"  # the type of a symbolic link whose target does not exist
SPECIAL_FILE = "(not a regular file)"  # a FIFO, socket or device in an input folder: never opened


def _unread(p: Path) -> tuple[str, dict] | None:
    """(type, more fields) of a folder entry that is not read, or None for a document or a folder."""
    if p.is_symlink() and not p.exists():
        return BROKEN_LINK, {"target": portable(os.readlink(p))}
    if p.is_dir():
        return None
    if not p.is_file():
        return SPECIAL_FILE, {}
    from extractors.reading.fetch import DOCUMENT_SUFFIXES

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
        if _is_url(item) or not root.is_dir():
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


def document_types() -> str:
    from extractors.reading.fetch import DOCUMENT_SUFFIXES

    return ", ".join(sorted(DOCUMENT_SUFFIXES))
