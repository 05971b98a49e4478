"""One page, one document: URLs of a crawl that gave the same bytes, or that a page named canonical.

`Duplicates.claim(url, sha256)` gives the URL that first gave these bytes in
this crawl (the document the URL joins) or None (the URL is the document).
`same_as` and `report()` keep the pairs for the manifest; `aliases_of(url)`
gives the other URLs of one document, in the order found.
"""
from __future__ import annotations


class Duplicates:
    def __init__(self):
        self._first: dict[str, str] = {}  # sha256 -> the first URL that gave it
        self._aliases: dict[str, list[str]] = {}
        self.pairs: list[dict] = []

    def claim(self, url: str, sha256: str | None) -> str | None:
        if not sha256:
            return None
        first = self._first.setdefault(sha256, url)
        if first == url:
            return None
        self.alias(url, first, "same sha256")
        return first

    def alias(self, url: str, same_as: str, why: str) -> None:
        self._aliases.setdefault(same_as, []).append(url)
        self.pairs.append({"url": url, "same_as": same_as, "why": why})

    def aliases_of(self, url: str) -> list[str]:
        return list(self._aliases.get(url, []))
