"""Local paths whose names are not UTF-8, as sources every part of a run can carry.

A file name on Linux is bytes; Python gives a name that is not UTF-8 as a str
with lone surrogates (`caf\\udce9.html`), which opens the file but cannot be
written as UTF-8 or JSON: Prefect's task names, events and parameters, and
`manifest.json`, all fail on it. Such a path travels as its `file:` URI instead
(`file:///data/caf%E9.html`, the form `Document.uri` has anyway), which every
reader of a source turns back into the path (`local_path`). UTF-8 names are
left as they are. No imports beyond the standard library (the command line's
checks use this before anything heavy is loaded).
"""
from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import unquote_to_bytes, urlsplit


def is_file_uri(source: str) -> bool:
    return source.startswith("file:")


def utf8(text: str) -> bool:
    """Whether `text` can be written as UTF-8 (no lone surrogates from undecodable bytes)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def portable(path: str | os.PathLike) -> str:
    """The path as a source: itself when its name is UTF-8, else its absolute `file:` URI."""
    text = os.fspath(path)
    return text if utf8(text) else Path(text).absolute().as_uri()


def local_path(source: str) -> str:
    """The local path a source names: a `file:` URI decoded to the path's bytes, anything else as it is."""
    if not is_file_uri(source):
        return source
    return os.fsdecode(unquote_to_bytes(urlsplit(source).path))
