"""The command line's inputs, checked before any work: paths, the output folder, what a folder holds.

Nothing here imports Prefect: a wrong path or an output folder that cannot be
written is told in one line, in well under a second, before Prefect's server
starts (see `flows/cli.py`).

- `check_output_folder(path)`: creates the folder if missing and proves it
  writable by creating and removing a file in it (permission bits alone do not
  tell: root ignores them, a read-only mount does not show in them).
- `missing_paths(inputs)`: the local paths among the inputs that do not exist.
- `skipped_files(inputs)`: the files in input folders that are not read (not
  a document type), counted by type, for the manifest and for the message when
  a folder holds no document at all.
"""
from __future__ import annotations

import os
import uuid
from collections import Counter
from pathlib import Path

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


def missing_paths(inputs: list[str]) -> list[str]:
    return [i for i in inputs if not _is_url(i) and not os.path.exists(i)]


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _kind(path: Path) -> str:
    return path.suffix.lower() or "(no extension)"


def skipped_files(inputs: list[str]) -> dict:
    """{"counts": {type: n}, "files": [{"path", "type"}, ...]} for the files in input folders not read.

    Hidden files and folders (a leading dot) are not counted: they are not
    anyone's documents (.git, .DS_Store).
    """
    from extractors.reading.fetch import DOCUMENT_SUFFIXES

    counts: Counter[str] = Counter()
    files: list[dict] = []
    for item in inputs:
        root = Path(item)
        if _is_url(item) or not root.is_dir():
            continue
        for p in sorted(root.rglob("*")):
            if not p.is_file() or _hidden(p, root) or p.suffix.lower() in DOCUMENT_SUFFIXES:
                continue
            counts[_kind(p)] += 1
            if len(files) < MAX_LISTED:
                files.append({"path": str(p), "type": _kind(p)})
    return {"counts": dict(sorted(counts.items())), "files": files}


def document_types() -> str:
    from extractors.reading.fetch import DOCUMENT_SUFFIXES

    return ", ".join(sorted(DOCUMENT_SUFFIXES))
