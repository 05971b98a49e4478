"""The cheap pass before the cheap pass: which parts of a text are worth tokenizing.

A plain string scan (no tokenizer) for the trigger words of `data/triggers.json`
(条例, 協定, 提携, サミット, 第N回, 宣言, …) selects the lines that hold one, with
context on each side: at least one line, and more short lines until `CONTEXT_CHARS`
characters are covered (a summit's 日時/会場 rows under its title, the party list
under a signing sentence), plus the head and the tail of the
text (the title, the publisher and the page's date line at the top; the
お問い合わせ先 block at the foot). Only the selected regions go to the tokenizer, the
SpanRuler and the NER (`nlp.rule_candidates`); the rest of a long document is never
tokenized. The assemblers still read the whole text (lines, dates, blocks).

A line in the extracted text is a paragraph of a PDF (wrapped lines are joined) or
a block or row of a page. A text with no trigger word selects only its head and
tail. Short texts are selected whole, in effect: their head and tail meet.
"""
from __future__ import annotations

import bisect
import json
import re
from functools import lru_cache
from pathlib import Path

TRIGGER_FILE = Path(__file__).parent / "data" / "triggers.json"
CONTEXT_CHARS = 200  # context kept on each side of a line with a trigger word: whole lines, at least one
HEAD_CHARS = 1500  # the top of the text: title, publisher, date line
TAIL_CHARS = 1000  # the foot: the contact block


@lru_cache(maxsize=1)
def trigger_pattern() -> re.Pattern:
    """One regex for every trigger word and trigger regex of the data file."""
    data = json.loads(TRIGGER_FILE.read_text(encoding="utf-8"))
    words = sorted(data["words"], key=len, reverse=True)
    return re.compile("|".join([re.escape(w) for w in words] + list(data.get("regexes", []))))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


def selected_regions(text: str, context: int = CONTEXT_CHARS, head: int = HEAD_CHARS,
                     tail: int = TAIL_CHARS) -> list[tuple[int, int]]:
    """Sorted, disjoint [(start, end)] of `text` to tokenize, each made of whole lines."""
    if not text:
        return []
    if len(text) <= head + tail:
        return [(0, len(text))]
    starts = _line_starts(text)
    n = len(starts)
    ends = starts[1:] + [len(text)]
    keep = bytearray(n)
    for m in trigger_pattern().finditer(text):
        first = bisect.bisect_right(starts, m.start()) - 1
        last = bisect.bisect_right(starts, max(m.start(), m.end() - 1)) - 1
        i = first - 1  # context before: at least one line, then up to `context` characters
        while i >= 0 and (i == first - 1 or starts[first] - starts[i] < context):
            i -= 1
        j = last + 1  # and after
        while j < n and (j == last + 1 or ends[j - 1] - ends[last] < context):
            j += 1
        for k in range(i + 1, j):
            keep[k] = 1
    for k in range(bisect.bisect_left(starts, head)):  # lines starting before `head`
        keep[k] = 1
    for k in range(max(0, bisect.bisect_right(starts, len(text) - tail) - 1), n):
        keep[k] = 1
    regions: list[tuple[int, int]] = []
    for k in range(n):
        if not keep[k]:
            continue
        if regions and regions[-1][1] == starts[k]:
            regions[-1] = (regions[-1][0], ends[k])
        else:
            regions.append((starts[k], ends[k]))
    return regions
