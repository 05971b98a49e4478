"""The line structure of a document: key–value lines, list rows, table cells.

Takes a document's text and gives its lines with offsets, and readers for the
ways official pages state facts plainly, outside sentences:

- key–value lines: 「開催日 平成28年11月14日(月)」, 「会場:岡谷市文化会館」,
  「【テーマ】…」, 「■開催地 別海町」: `key_value(line)` gives the key and the
  offset where its value starts, for keys of a given vocabulary;
- list rows: a line that is one item (bulleted, numbered, quoted or a tab-
  separated table row) rather than prose: `is_list_row(line)`;
- table rows: cells separated by tabs or pipes, with their offsets: `cells(line)`.

Nothing here knows about summits or ordinances: the assemblers choose the keys.
"""
from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Line:
    start: int
    end: int
    text: str

    @property
    def body(self) -> str:
        return self.text.strip()


def doc_lines(text: str) -> list[Line]:
    out, pos = [], 0
    for piece in text.split("\n"):
        out.append(Line(pos, pos + len(piece), piece))
        pos += len(piece) + 1
    return out


# A key is written at the line start, maybe after a bullet or inside 【】/［］/<>, and is
# followed by a separator (colon, tab, space) or its closing bracket.
_BULLET = r"[\s・•■□◆◇●○◎▼▽▲△★☆※\-]*"
_KEY_OPEN, _KEY_CLOSE = "【［\\[<〈《(（", "】］\\]>〉》)）"


def key_value(line: Line, keys: tuple[str, ...]) -> tuple[str, int] | None:
    """(key, offset of the value) when the line reads 'key: value' for one of `keys` (longest first)."""
    m = re.match(_BULLET, line.text)
    pos = m.end() if m else 0
    bracketed = pos < len(line.text) and line.text[pos] in _KEY_OPEN
    if bracketed:
        pos += 1
    for key in sorted(keys, key=len, reverse=True):
        if not line.text.startswith(key, pos):
            continue
        rest = pos + len(key)
        sep = re.match(rf"\s*[{_KEY_CLOSE}]?\s*[:：]?\s*" if bracketed else r"\s*[:：]\s*|\t+|\s+", line.text[rest:])
        if not sep or not sep.group():
            continue
        value = rest + sep.end()
        if value < len(line.text):
            return key, line.start + value
    return None


_ROW_START = re.compile(r"^\s*(?:[・•■□◆◇●○◎▼▽▲△★☆※\-]|[0-9]+[.．)）]|[(（][0-9]+[)）]|[「『])")


def is_list_row(line: Line, max_len: int = 60) -> bool:
    """A short line that is one item: bulleted, numbered, quoted, or a table row (tabs)."""
    body = line.body
    if not body or len(body) > max_len or "。" in body[:-1]:
        return False
    return bool(_ROW_START.match(line.text)) or "\t" in body


def cell_separator(text: str) -> str | None:
    """What separates a table row's cells: tabs (a table read from a page), or pipes (a table copied
    as text, 「青葉市 | 青葉市ふるさと条例 | 平成25年公布 |」: two pipes at least, as one pipe between
    a page's title and its site is no row); None for a line of prose."""
    if "\t" in text.strip():
        return "\t"
    return "|" if text.count("|") >= 2 else None


def is_table_row(line: Line) -> bool:
    """A line of two or more cells (tabs or pipes)."""
    return cell_separator(line.text) is not None


def cells(line: Line) -> list[tuple[int, int, str]]:
    """The cells of a line (tab- or pipe-separated: `cell_separator`), as (start, end, text) with
    surrounding spaces removed."""
    out, pos = [], line.start
    for cell in line.text.split(cell_separator(line.text) or "\t"):
        stripped = cell.strip()
        if stripped:
            s = pos + cell.index(stripped)
            out.append((s, s + len(stripped), stripped))
        pos += len(cell) + 1
    return out


def line_index(lines: list[Line], offset: int) -> int:
    """Index of the line holding `offset` (lines from `doc_lines`)."""
    lo, hi = 0, len(lines) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if lines[mid].start <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo
