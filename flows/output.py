"""Writing a run's output folder atomically (temp file + rename), per CONTRACT.md."""
from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel


def atomic_write_text(path: Path, text: str) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half of one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def to_jsonable(item: BaseModel | dict) -> dict:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def jsonl(items: Iterable[BaseModel | dict]) -> str:
    return "".join(json.dumps(to_jsonable(i), ensure_ascii=False, sort_keys=False) + "\n" for i in items)


def write_jsonl(path: Path, items: Iterable[BaseModel | dict]) -> None:
    atomic_write_text(path, jsonl(items))


def write_json(path: Path, obj: BaseModel | dict) -> None:
    atomic_write_text(path, json.dumps(to_jsonable(obj), ensure_ascii=False, indent=2) + "\n")
