"""The JSONL files of an output folder (records, documents, rejected, changes): written and read back."""
from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

from pydantic import BaseModel


def to_jsonable(item: BaseModel | dict) -> dict:
    return item.model_dump(mode="json") if isinstance(item, BaseModel) else item


def jsonl(items: Iterable[BaseModel | dict]) -> str:
    """One JSON object a line (Japanese as is), for pydantic models and plain dicts alike."""
    return "".join(json.dumps(to_jsonable(i), ensure_ascii=False, sort_keys=False) + "\n" for i in items)


def read_jsonl(path: Path, missing_ok: bool = False) -> list[dict]:
    """The rows of a JSONL file; [] for a missing file when `missing_ok`."""
    if missing_ok and not path.is_file():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
