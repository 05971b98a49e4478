"""The crawl's rules, without any I/O: scope, robots.txt, politeness and the frontier.

- `Scope` says whether a URL belongs to a source: http(s), on a start URL's
  host or an allowed host, matching the include/exclude patterns, and of a
  type worth reading (pages and PDFs, not images or archives).
- `Robots` reads a robots.txt (standard library parser) for our User-Agent:
  what is disallowed and the `Crawl-delay`. `Robots.from_fetched` decides
  what an answer means, as the major crawlers do: 4xx allows all; 429, 5xx or
  no answer disallows all for this crawl (asked again next crawl); a file
  over the size limit is cut at its last whole line within the limit.
- `HostGate` keeps one request at a time per host, at least `delay` seconds
  apart, counted from the end of the previous request (its response read);
  a 429's Retry-After pushes the next slot further out.
- `Frontier` hands out URLs breadth first, each once, preferring the host that
  is ready soonest, so one slow host does not hold up the others.
"""
from __future__ import annotations

import re
import threading
import time
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from extractors.crawling.links import canonical, host_of
from schemas.crawl import CrawlSource
from schemas.document import Fetched

# Pages and PDFs; a path with no suffix (or ending in "/") is taken to be a page.
DOCUMENT_SUFFIXES = {"", ".pdf", ".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".jsp", ".cfm",
                     ".cgi"}


def url_suffix(url: str) -> str:
    return PurePosixPath(urlsplit(url).path).suffix.lower()


class Scope:
    """Which URLs a source may fetch; `reason(url)` is None when it may, else why not."""

    def __init__(self, source: CrawlSource):
        self.source = source
        self.hosts = {host_of(u) for u in source.start_urls} | set(source.allowed_hosts)
        self._include = [re.compile(p) for p in source.include]
        self._exclude = [re.compile(p) for p in source.exclude]

    def reason(self, url: str) -> str | None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return "not http(s)"
        if host_of(url) not in self.hosts:
            return "off-site"
        where = parts.path + (f"?{parts.query}" if parts.query else "")
        if self._include and not any(p.search(where) for p in self._include):
            return "not matched by include"
        if any(p.search(where) for p in self._exclude):
            return "matched by exclude"
        if url_suffix(url) not in DOCUMENT_SUFFIXES:
            return f"not a page or PDF ({url_suffix(url)})"
        return None


class Robots:
    """robots.txt rules for one host and one User-Agent."""

    def __init__(self, body: str, user_agent: str, unavailable: str | None = None, fault: str | None = None):
        self.body = body
        self.unavailable = unavailable  # why the whole host is off limits (robots.txt gave 5xx or no answer)
        self.fault = fault  # the transport error code when robots.txt could not be fetched at all
        self._agent = user_agent
        self._parser = urllib.robotparser.RobotFileParser()
        self._parser.parse(body.splitlines())
        self._delay = _crawl_delay(body, user_agent)

    @classmethod
    def allow_all(cls, user_agent: str) -> "Robots":
        return cls("", user_agent)

    @classmethod
    def deny_all(cls, user_agent: str, why: str, fault: str | None = None) -> "Robots":
        return cls("User-agent: *\nDisallow: /\n", user_agent, unavailable=why, fault=fault)

    @classmethod
    def from_fetched(cls, fetched: Fetched, user_agent: str, limit: int) -> "Robots":
        """The rules a robots.txt answer gives (fetched with `cut_at=limit`)."""
        if fetched.error is None:
            content = fetched.content
            if len(content) >= limit:  # cut there, at the last whole line
                content = content[:limit].rpartition(b"\n")[0]
            return cls(content.decode("utf-8", errors="replace"), user_agent)
        status = fetched.status_code or 0
        if status == 429 or status >= 500:
            return cls.deny_all(user_agent, f"robots.txt answered HTTP {status}: the host is disallowed for now "
                                "and asked again next crawl")
        if 400 <= status < 500:
            return cls.allow_all(user_agent)  # no robots.txt: everything is allowed
        return cls.deny_all(user_agent, f"robots.txt unavailable ({fetched.error}); the host is skipped "
                            "this crawl", fault=fetched.error_code)

    def allowed(self, url: str) -> bool:
        return self._parser.can_fetch(self._agent, url)

    def crawl_delay(self) -> float | None:
        return self._delay


def _crawl_delay(body: str, user_agent: str) -> float | None:
    """`Crawl-delay` of the group naming our agent, else of `*`; fractions allowed.

    (The standard library's parser only takes whole seconds and ignores "0.5".)
    """
    token = user_agent.split("/")[0].strip().lower()
    delays: dict[str, float] = {}
    agents: list[str] = []
    in_rules = False
    for raw in body.splitlines():
        line = raw.split("#", 1)[0].strip()
        key, _, value = line.partition(":")
        key, value = key.strip().lower(), value.strip()
        if key == "user-agent":
            if in_rules:
                agents, in_rules = [], False
            agents.append(value.lower())
        elif key in ("allow", "disallow", "crawl-delay", "request-rate"):
            in_rules = True
            if key == "crawl-delay":
                try:
                    seconds = float(value)
                except ValueError:
                    continue
                for agent in agents:
                    delays.setdefault(agent, seconds)
    for agent, seconds in delays.items():
        if agent != "*" and agent in token:
            return seconds
    return delays.get("*")


class HostGate:
    """One request at a time per host, `delay(host)` seconds from the end of one to the start of the next.

    `wait(url)` before a request blocks until the host's slot is free and takes
    it; `release(url)` after the response has been read starts the delay.
    """

    def __init__(self, clock=time.monotonic, sleep=time.sleep):
        self._clock, self._sleep = clock, sleep
        self._next: dict[str, float] = {}
        self._last: dict[str, float] = {}  # when the host's last request started or ended
        self._busy: set[str] = set()
        self._delay: dict[str, float] = {}
        self._lock = threading.Lock()
        self.requests = 0  # requests let through: every request of a crawl goes through its gate

    def set_delay(self, host: str, seconds: float) -> None:
        """The host's delay from now on, counted from the start of its last request too."""
        with self._lock:
            self._delay[host] = max(0.0, seconds)
            if host in self._last:
                self._next[host] = max(self._next.get(host, 0.0), self._last[host] + self._delay[host])

    def delay(self, host: str) -> float:
        return self._delay.get(host, 0.0)

    def ready_at(self, host: str) -> float:
        return self._next.get(host, 0.0)

    def push(self, host: str, seconds: float) -> None:
        """No request to `host` for `seconds` from now (a Retry-After)."""
        with self._lock:
            self._next[host] = max(self._next.get(host, 0.0), self._clock() + seconds)

    def wait(self, url: str) -> None:
        """Block until a request to the URL's host may start, and take the slot."""
        host = host_of(url)
        while True:
            with self._lock:
                now = self._clock()
                ready = self._next.get(host, 0.0)
                if now >= ready and host not in self._busy:
                    self._busy.add(host)
                    self._last[host] = now
                    self.requests += 1
                    return
            self._sleep(max(ready - now, 0.005))

    def release(self, url: str) -> None:
        """The request to the URL's host is over: the next may start `delay` seconds from now."""
        host = host_of(url)
        with self._lock:
            self._busy.discard(host)
            now = self._clock()
            self._last[host] = now
            self._next[host] = max(self._next.get(host, 0.0), now + self.delay(host))


@dataclass(order=True)
class _Item:
    depth: int
    seq: int
    url: str = field(compare=False)
    source: str = field(compare=False)


class Frontier:
    """URLs to fetch, breadth first, each URL once per crawl."""

    def __init__(self, gate: HostGate):
        self._gate = gate
        self._items: list[_Item] = []
        self._seen: set[str] = set()
        self._seq = 0

    def add(self, url: str, depth: int, source: str) -> bool:
        url = canonical(url)
        if url in self._seen:
            return False
        self._seen.add(url)
        self._seq += 1
        self._items.append(_Item(depth, self._seq, url, source))
        return True

    def see(self, url: str) -> None:
        """Mark a URL as reached (where a redirect led) so it is not fetched again."""
        self._seen.add(canonical(url))

    def seen(self, url: str) -> bool:
        return canonical(url) in self._seen

    def discard(self, url: str) -> None:
        """Seen, and no longer to be fetched (another URL's bytes stand for it)."""
        url = canonical(url)
        self._seen.add(url)
        self._items = [i for i in self._items if i.url != url]

    def __len__(self) -> int:
        return len(self._items)

    def pop(self) -> tuple[str, int, str]:
        """The next URL: lowest depth first, then the host that is ready soonest, then the order found."""
        depth = min(i.depth for i in self._items)
        level = [i for i in self._items if i.depth == depth]
        best = min(level, key=lambda i: (self._gate.ready_at(host_of(i.url)), i.seq))
        self._items.remove(best)
        return best.url, best.depth, best.source
