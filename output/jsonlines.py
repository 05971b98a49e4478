"""Reading back the JSONL files of an output folder (records, documents, rejected, changes)."""
from __future__ import annotations

import json
from pathlib import Path


def read_jsonl(path: Path, missing_ok: bool = False) -> list[dict]:
    """The rows of a JSONL file; [] for a missing file when `missing_ok`."""
    if missing_ok and not path.is_file():
        return []
    with open(path, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]
