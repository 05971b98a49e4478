"""The committed sample PDFs as the reader gives them, and their expected texts, line by line:
what the layout tests (test_columns.py, test_layout.py) compare."""
from __future__ import annotations

import functools
import re
from pathlib import Path

from extractors.reading.normalize import normalize_text
from extractors.reading.pdf import extract_pdf

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@functools.lru_cache(maxsize=None)
def text_of(name: str) -> str:
    return extract_pdf((SAMPLES / name).read_bytes(), f"samples/{name}")[0]


def squash_line(line: str) -> str:
    """A line with spaces removed but tabs (cell separators) kept."""
    return re.sub(r"[^\S\t]+", "", normalize_text(line))


def lines_of(text: str) -> list[str]:
    return [squash_line(line) for line in text.splitlines() if line.strip()]


def expected_lines(name: str) -> list[str]:
    return lines_of((SAMPLES / "expected" / f"{name}.txt").read_text(encoding="utf-8"))
