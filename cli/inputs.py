"""The command line's inputs, checked before any work: paths, the output folder, what a folder holds.

Nothing here imports Prefect: a wrong path or an output folder that cannot be
written is told in one line, in well under a second, before Prefect's server
starts (see `cli/main.py`).

- `check_output_folder(path)`: creates the folder if missing and proves it
  writable by creating and removing a file in it (permission bits alone do not
  tell: root ignores them, a read-only mount does not show in them).
- `local_inputs(inputs)`: the inputs with a path whose name is not UTF-8 given
  as its `file:` URI (`extractors.reading.paths`).
- `missing_paths(inputs)`: the local paths among the inputs that do not exist.
- `document_types()`: the file types a folder is searched for, for the message
  when a folder holds no document at all (what it held instead is
  `output.manifest.skipped_files`).
"""
from __future__ import annotations

import os
import uuid
from pathlib import Path

from extractors.reading.paths import local_path, portable


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


def is_url(item: str) -> bool:
    # extractors.reading.fetch.is_url, without importing httpx before the checks
    return item.startswith(("http://", "https://"))


def local_inputs(inputs: list[str]) -> list[str]:
    """The inputs as sources: a local path whose name is not UTF-8 becomes its `file:` URI (see
    `extractors.reading.paths`: such a name cannot go into Prefect's API or a JSON file)."""
    return [i if is_url(i) else portable(i) for i in inputs]


def missing_paths(inputs: list[str]) -> list[str]:
    return [i for i in inputs if not is_url(i) and not os.path.exists(local_path(i))]


def document_types() -> str:
    from extractors.reading.fetch import DOCUMENT_SUFFIXES  # lazy: it imports httpx, not needed by the checks

    return ", ".join(sorted(DOCUMENT_SUFFIXES))
