"""The signature block of an agreement's own text: its date and the bodies that sign under it.

Takes a document's text and gives the last signature block: a line that is only a
date (「令和2年4月1日」) followed, within a few lines, by two or more signer lines,
each naming a body by its head (「船橋市長 松戸 徹」 is 船橋市) or by its name and
an official (「株式会社東西銀行 取締役頭取 山田 太郎」), perhaps after the role
letter the text gave it (甲, 乙, 丙). Address lines between them are passed over.
An agreement page that prints the 協定書 itself has such a block where a press
release has a signing sentence: the block dates the agreement and names its
parties (「〇〇市長」 above 「〇〇市長」).
"""
from __future__ import annotations

import re
from dataclasses import replace

from extractors.language.dates import find_dates
from extractors.records.coordination import Named
from extractors.records.officials import official_after
from extractors.records.publisher import is_signing_body

_ROLE = re.compile(r"(?:[(（][甲乙丙丁戊][)）]\s*|[甲乙丙丁戊](?:\s?[:：]\s*|\s+))")  # 「甲 」, 「(甲)」, 「甲:」
_HEAD = re.compile(r"(\S+?(?:都|道|府|県|市|区|町|村))(?:長|知事)(?=\s|$)")
_ADDRESS = re.compile(r"(?:[0-9０-９]+(?:丁目|番地?|号)|[0-9]+-[0-9]+|〒)")
MAX_BELOW = 10  # lines between the date line and the last signer line


def _signer(text: str, s: int, e: int) -> Named | None:
    """The body a signer line names (see the module docstring), with its offsets."""
    m = _ROLE.match(text, s, e)
    if m:
        s = m.end()
    line = text[s:e]
    head = _HEAD.match(line)
    if head and is_signing_body(head.group(1)):
        return Named(s, s + head.end(1), head.group(1), "agreement-signature")
    pos = 0
    for word in line.split(" "):
        if word and is_signing_body(word) and official_after(text, s + pos + len(word)):
            return Named(s + pos, s + pos + len(word), word, "agreement-signature")
        pos += len(word) + 1
    return None


def signature_block(text: str):
    """(date mention, signer bodies) of the last signature block of text, or None."""
    lines, pos = [], 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line)))
        pos += len(line) + 1
    found = None
    for i, (s, e) in enumerate(lines):
        body = text[s:e].strip()
        if not body or len(body) > 24:
            continue
        dates = find_dates(body)
        if len(dates) != 1 or dates[0].precision != "day" or not dates[0].year_given or \
                len(body) - (dates[0].end - dates[0].start) > 4:
            continue
        signers: list[Named] = []
        for ls, le in lines[i + 1:i + 1 + MAX_BELOW]:
            below = text[ls:le].strip()
            if not below:
                continue
            named = _signer(text, ls + (le - ls - len(text[ls:le].lstrip())), le)
            if named:
                if not any(n.name == named.name for n in signers):  # 「鹿児島市」 over 「鹿児島市長 …」: one signer
                    signers.append(named)
            elif not _ADDRESS.search(below) and not _ROLE.fullmatch(below + " "):
                break
        if len(signers) >= 2:
            d = dates[0]
            offset = s + text[s:e].index(body)
            found = (replace(d, start=d.start + offset, end=d.end + offset), signers)
    return found
