"""Crawler traps: endless URL families (calendars, paginations, search pages) capped per pattern.

`url_pattern(url)` is a URL with every run of digits made `N` and every query
value made `*` (the query's names kept, sorted): `/cal.php?y=2024&m=5` and
`/cal.php?y=2031&m=1` share `/cal.php?m=*&y=*`; `/event/2024/05/01.html` is
`/event/N/N/N.html`. `PatternCap(cap)` admits at most `cap` URLs of one
pattern per crawl and remembers how many of each pattern it refused, so a trap
cannot use up a source's `max_documents` and the manifest can name it.
"""
from __future__ import annotations

import re
from urllib.parse import urlsplit

_DIGITS = re.compile(r"\d+")


def url_pattern(url: str) -> str:
    parts = urlsplit(url)
    names = sorted({p.split("=", 1)[0] for p in parts.query.split("&") if p})
    query = "&".join(f"{_DIGITS.sub('N', n)}=*" for n in names)
    return f"{parts.netloc}{_DIGITS.sub('N', parts.path)}" + (f"?{query}" if query else "")


class PatternCap:
    """At most `cap` URLs per `url_pattern`; `refused` counts the rest per pattern."""

    def __init__(self, cap: int):
        self.cap = cap
        self.admitted: dict[str, int] = {}
        self.refused: dict[str, int] = {}

    def admit(self, url: str) -> bool:
        pattern = url_pattern(url)
        if self.admitted.get(pattern, 0) >= self.cap:
            self.refused[pattern] = self.refused.get(pattern, 0) + 1
            return False
        self.admitted[pattern] = self.admitted.get(pattern, 0) + 1
        return True
