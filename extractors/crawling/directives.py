"""What a page asks of robots, beyond robots.txt: `<meta name="robots">` and `X-Robots-Tag`.

`page_rules(meta_contents, robots_tag, user_agent)` gives `PageRules`:
`nofollow` (take no links from the page) and `noindex` (fetch it for its links
but extract no records from it); `none` means both. A header or meta naming
another robot (`X-Robots-Tag: otherbot: noindex`) does not apply to us.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# Directives that carry a value after a colon; any other "name:" prefix names a robot.
_VALUED = {"unavailable_after", "max-snippet", "max-image-preview", "max-video-preview"}
_AGENT_PREFIX = re.compile(r"^\s*([A-Za-z0-9_.-]+)\s*:\s*(.*)$")


@dataclass(frozen=True)
class PageRules:
    noindex: bool = False
    nofollow: bool = False

    def said(self) -> str:
        return ", ".join(n for n, on in (("noindex", self.noindex), ("nofollow", self.nofollow)) if on)


def _directives(value: str, token: str) -> set[str]:
    found: set[str] = set()
    applies = True
    for part in value.split(","):
        m = _AGENT_PREFIX.match(part)
        if m and m.group(1).lower() not in _VALUED:
            applies = m.group(1).lower() in (token, "robots", "*")
            part = m.group(2)
        if applies:
            found.add(part.strip().lower())
    return found


def page_rules(meta_contents: list[str], robots_tag: str | None, user_agent: str) -> PageRules:
    token = user_agent.split("/")[0].strip().lower()
    said: set[str] = set()
    for content in meta_contents:
        said |= {p.lower() for p in re.split(r"[,\s]+", content) if p}
    if robots_tag:
        said |= _directives(robots_tag, token)
    return PageRules(noindex=bool(said & {"noindex", "none"}), nofollow=bool(said & {"nofollow", "none"}))
