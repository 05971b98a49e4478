"""The crawl flow: start pages -> linked pages and PDFs -> the extract flow's tasks -> output folder.

Polite and incremental:

- robots.txt is read (and kept in the state) for every host before any other
  request to it; disallowed URLs are skipped and listed in the manifest. Its
  `Crawl-delay` raises the per-host delay when it is longer.
- One request at a time per host, `delay` seconds apart; every request
  (robots.txt, redirects, retries) goes through the same gate.
- Only the start URLs' hosts (and the source's allowed hosts) are fetched; a
  redirect off-site is not followed.
- A URL with a good copy in the state is fetched conditionally (If-None-Match,
  If-Modified-Since); a 304 or the same sha256 reuses the stored document and
  drafts, so nothing is extracted again.
- 429, 5xx and timeouts are retried with exponential backoff (Prefect task
  retries, honouring Retry-After); other failures are recorded per URL and
  the crawl goes on. A URL that fails for a passing reason keeps its last
  good copy, so its records do not flicker out of the record set.
- A known URL that now answers 404 or 410 is `gone`, not `failed`: its
  document line says so and its records leave the record set. (A URL never
  fetched well that answers 404 is a broken link: `failed`.)
- A start page that cannot be reached (its host unreachable, robots.txt
  unavailable or disallowing it) gets its `documents.jsonl` line with the
  reason; every failure's progress line gives its reason.

Fetching happens in the flow, one host slot at a time; reading and drafting
are the extract flow's tasks, submitted to the task runner as pages arrive.
Every crawl writes the full current record set and, in `manifest.json`, a
`crawl` report: new, changed, unchanged, gone, failed and skipped URLs.
"""
from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from extractors.crawler import Frontier, HostGate, Robots, Scope
from extractors.documents import read_document, sniff
from extractors.fetch import fetch_url
from extractors.links import canonical, host_of, page_links
from extractors.settings import Settings
from extractors.versions import work_fingerprint
from flows.extract import document_tasks, finish_run
from flows.reporting import announce_end, announce_start, finished, say
from flows.runcache import RunSummary
from flows.state import CrawlState, StoredPage
from schemas.crawl import CrawlSource
from schemas.document import DocStatus, Document, Fetched

# Answers worth asking again after a pause; anything else is final for this crawl.
TRANSIENT = {"http_429", "http_500", "http_502", "http_503", "http_504", "timeout"}
# Answers that say a page was removed: a known URL answering one of these is gone.
REMOVED = {"http_404", "http_410"}


class TransientFetchError(Exception):
    """A fetch answered 429/5xx or timed out; Prefect retries the task on this."""

    def __init__(self, fetched: Fetched):
        super().__init__(fetched.error)
        self.fetched = fetched


def _retry_transient(task, task_run, state) -> bool:
    try:
        state.result()
    except TransientFetchError:
        return True
    except Exception:
        return False
    return False


@task(name="crawl-fetch", task_run_name="fetch {url}", cache_policy=NO_CACHE, retry_condition_fn=_retry_transient)
def crawl_fetch_task(url: str, settings: Settings, headers: dict[str, str], gate: HostGate, scope: Scope,
                     robots: dict[str, Robots]) -> Fetched:
    """One polite GET (redirects vetted against the scope and robots.txt); raises on a transient failure."""
    def allow(target: str) -> str | None:
        reason = scope.reason(target)
        rules = robots.get(host_of(target))
        if reason is None and rules is not None and not rules.allowed(target):
            reason = "disallowed by robots.txt"
        return reason

    fetched = fetch_url(url, settings, headers=headers, allow=allow, before_request=gate.wait,
                        after_request=gate.release)
    if fetched.error_code in TRANSIENT:
        if fetched.retry_after:
            gate.push(host_of(url), min(fetched.retry_after, settings.max_retry_after))
        raise TransientFetchError(fetched)
    return fetched


@dataclass
class _Visit:
    url: str
    source: str
    outcome: str  # new, changed, unchanged, gone or failed
    fetched: Fetched
    stored: StoredPage | None
    document: Document | None = None
    drafts: list[dict] | None = None
    links: list[str] = field(default_factory=list)
    futures: tuple[PrefectFuture, PrefectFuture] | None = None
    kept: bool = False  # a failed fetch whose last good copy stands in


@dataclass
class _Report:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    extracted: int = 0


class Crawler:
    """One crawl over some sources with a state file; `run()` gives the visits in the order fetched."""

    def __init__(self, sources: list[CrawlSource], settings: Settings, state: CrawlState, progress: bool,
                 cache: bool = True):
        self.sources = {s.name: s for s in sources}
        self.scopes = {s.name: Scope(s) for s in sources}
        self.settings, self.state, self.progress = settings, state, progress
        self.fingerprint = work_fingerprint(settings)
        self.gate = HostGate()
        self.frontier = Frontier(self.gate)
        self.robots: dict[str, Robots] = {}
        self.robots_errors: dict[str, str] = {}  # host -> error code of a robots.txt that could not be read
        self.report = _Report()
        self._read, self._draft = document_tasks(cache)
        self._skipped: set[str] = set()
        self._fetch_task = crawl_fetch_task.with_options(
            retries=settings.retries,
            retry_delay_seconds=[settings.retry_backoff * 2 ** i for i in range(settings.retries)] or 0,
        )

    # robots.txt
    def _robots_for(self, url: str, source: CrawlSource) -> Robots:
        host = host_of(url)
        if host not in self.robots:
            self.robots[host] = self._read_robots(url)
            delay = max(source.delay if source.delay is not None else self.settings.crawl_delay,
                        self.robots[host].crawl_delay() or 0.0)
            self.gate.set_delay(host, delay)
        return self.robots[host]

    def _read_robots(self, url: str) -> Robots:
        parts = urlsplit(canonical(url))
        robots_url = urlunsplit((parts.scheme, parts.netloc, "/robots.txt", "", ""))
        host, agent = parts.netloc, self.settings.user_agent
        kept = self.state.robots(host)
        fetched = fetch_url(robots_url, self.settings, headers=kept[1] if kept else None,
                            before_request=self.gate.wait, after_request=self.gate.release)
        if fetched.error_code == "not_modified" and kept:
            return Robots(kept[0], agent)
        if fetched.error is None:
            body = fetched.content.decode("utf-8", errors="replace")
            self.state.put_robots(host, body, fetched.etag, fetched.last_modified)
            return Robots(body, agent)
        if fetched.status_code and 400 <= fetched.status_code < 500:
            return Robots.allow_all(agent)  # no robots.txt: everything is allowed
        self.robots_errors[host] = fetched.error_code or "unavailable"
        return Robots.deny_all(agent, f"robots.txt unavailable ({fetched.error}); host skipped this crawl")

    # scope
    def _skip(self, url: str, reason: str) -> None:
        if url not in self._skipped:
            self._skipped.add(url)
            self.report.skipped.append({"url": url, "reason": reason})

    def _follow(self, links: list[str], depth: int, source: CrawlSource) -> None:
        scope = self.scopes[source.name]
        for link in links:
            if self.frontier.seen(link):
                continue
            reason = scope.reason(link)
            if reason is None and depth + 1 > source.max_depth:
                reason = f"deeper than max_depth {source.max_depth}"
            if reason:
                self._skip(link, reason)
            else:
                self.frontier.add(link, depth + 1, source.name)

    # one URL
    def _fetch(self, url: str, headers: dict[str, str], source: CrawlSource) -> Fetched:
        state = self._fetch_task(url, self.settings, headers, self.gate, self.scopes[source.name], self.robots,
                                 return_state=True)
        if state.is_completed():
            return state.result()
        exc = state.result(raise_on_failure=False)
        if isinstance(exc, TransientFetchError):
            return exc.fetched
        return Fetched(uri=url, error=f"fetch failed: {type(exc).__name__}: {exc}", error_code="fetch_error")

    def _visit(self, url: str, depth: int, source: CrawlSource) -> _Visit:
        stored = self.state.get(url)
        reusable = stored is not None and stored.reusable(self.fingerprint)
        fetched = self._fetch(url, stored.validators(self.fingerprint) if stored else {}, source)
        if fetched.final_uri:
            self.frontier.see(fetched.final_uri)
        same = fetched.error is None and stored is not None and stored.status == "ok" and fetched.sha256 == stored.sha256
        if reusable and (fetched.error_code == "not_modified" or same):
            visit = _Visit(url, source.name, "unchanged", fetched, stored, stored.document, stored.drafts,
                           stored.links)
        elif fetched.error is None:
            outcome = "unchanged" if same else "changed" if stored is not None and stored.status == "ok" else "new"
            links = page_links(fetched.content, fetched.final_uri or url, fetched.charset) \
                if sniff(fetched.content) == "html" else []
            read = self._read.submit(fetched, self.settings)
            visit = _Visit(url, source.name, outcome, fetched, stored, links=links,
                           futures=(read, self._draft.submit(read)))
            self.report.extracted += 1
        elif fetched.error_code in REMOVED and stored is not None and stored.status in ("ok", "gone"):
            doc = read_document(fetched, self.settings).model_copy(update={"status": DocStatus.gone})
            visit = _Visit(url, source.name, "gone", fetched, stored, doc, [])
        elif reusable and fetched.error_code in TRANSIENT | {"unreachable"}:
            note = f"this crawl's fetch failed ({fetched.error}); the copy fetched {stored.last_fetched} is used"
            doc = stored.document.model_copy(update={"warnings": stored.document.warnings + [note]})
            visit = _Visit(url, source.name, "failed", fetched, stored, doc, stored.drafts, stored.links, kept=True)
        else:
            visit = _Visit(url, source.name, "failed", fetched, stored, read_document(fetched, self.settings), [])
        if visit.outcome == "failed":
            self.report.failed.append({"url": url, "error": fetched.error, "error_code": fetched.error_code,
                                       "kept_last_good_copy": visit.kept})
        self._follow(visit.links, depth, source)
        return visit

    def run(self) -> list[_Visit]:
        for source in self.sources.values():
            for url in source.start_urls:
                self.frontier.add(url, 0, source.name)
        visits: list[_Visit] = []
        fetched_per_source: dict[str, int] = {}
        while len(self.frontier):
            url, depth, name = self.frontier.pop()
            source = self.sources[name]
            rules = self._robots_for(url, source)
            if not rules.allowed(url):
                reason = rules.unavailable or "disallowed by robots.txt"
                if depth == 0:  # a start page: what the user asked for gets its line, with the reason
                    visits.append(self._not_fetched(url, source, reason))
                    self._say(len(visits), visits[-1])
                if depth > 0 or visits[-1].outcome == "skipped":
                    self._skip(url, reason)
                continue
            if fetched_per_source.get(name, 0) >= source.max_documents:
                self._skip(url, f"over max_documents {source.max_documents}")
                continue
            fetched_per_source[name] = fetched_per_source.get(name, 0) + 1
            visit = self._visit(url, depth, source)
            visits.append(visit)
            self._say(len(visits), visit)
        for visit in visits:
            self._settle(visit)
        visited = {v.url for v in visits}
        for name in self.sources:
            gone = sorted(self.state.known(name) - visited)
            self.state.mark_gone(gone)
            self.report.gone.extend(gone)
        return visits

    def _not_fetched(self, url: str, source: CrawlSource, reason: str) -> _Visit:
        """A start page never requested: its host is unavailable (failed) or robots.txt disallows it (skipped)."""
        code = self.robots_errors.get(host_of(url))
        fetched = Fetched(uri=url, error=reason, error_code=code or "robots_disallowed")
        status = DocStatus.failed if code else DocStatus.skipped
        doc = Document(uri=url, status=status, error=reason, error_code=fetched.error_code)
        if code:
            self.report.failed.append({"url": url, "error": reason, "error_code": code, "kept_last_good_copy": False})
        return _Visit(url, source.name, "failed" if code else "skipped", fetched, None, doc, [])

    def _say(self, n: int, visit: _Visit) -> None:
        line = f"[crawl {n}] {visit.outcome:<9} {visit.url}"
        if visit.fetched.error and visit.fetched.error_code != "not_modified":
            line += f"  ({visit.fetched.error}{'; the last good copy is used' if visit.kept else ''})"
        say(line, self.progress, warning=visit.outcome in ("failed", "gone"))

    def _settle(self, visit: _Visit) -> None:
        """Wait for a visit's tasks, file its outcome and store what the next crawl needs."""
        now = datetime.now(timezone.utc).isoformat()
        f, stored = visit.fetched, visit.stored
        first_seen = stored.first_seen if stored else None
        if visit.futures:
            visit.document = visit.futures[0].result()
            visit.drafts = visit.futures[1].result()
        if visit.outcome == "skipped":
            return  # never requested: nothing to store
        if visit.outcome != "failed":
            getattr(self.report, visit.outcome).append(visit.url)
        if visit.outcome == "unchanged" and not visit.futures:
            page = stored.model_copy(update={"etag": f.etag or stored.etag, "last_fetched": now,
                                             "last_modified": f.last_modified or stored.last_modified})
        elif visit.futures:
            ok = visit.document.status == DocStatus.ok
            page = StoredPage(url=visit.url, source=visit.source, status="ok" if ok else "failed", etag=f.etag,
                              last_modified=f.last_modified, sha256=f.sha256, links=visit.links,
                              document=visit.document if ok else None, drafts=visit.drafts if ok else [],
                              fingerprint=self.fingerprint, error=visit.document.error, first_seen=first_seen,
                              last_fetched=now, last_changed=now if visit.outcome != "unchanged" else
                              stored.last_changed)
        elif visit.kept:
            page = stored.model_copy(update={"error": f.error, "last_fetched": now})
        elif visit.outcome == "gone":
            page = StoredPage(url=visit.url, source=visit.source, status="gone", error=f.error, first_seen=first_seen,
                              last_fetched=now, last_changed=now if stored.status != "gone" else stored.last_changed)
        else:
            page = StoredPage(url=visit.url, source=visit.source, status="failed", error=f.error,
                              first_seen=first_seen, last_fetched=now)
        self.state.put(page)


def default_state_path(out: str) -> Path:
    return Path(out) / "crawl-state.sqlite"


@flow(name="chusho-crawl", log_prints=False, on_running=[announce_start],
      on_completion=[announce_end], on_failure=[announce_end], on_crashed=[announce_end],
      on_cancellation=[announce_end])
def crawl_flow(sources: list[CrawlSource], out: str, state: str | None = None, settings: Settings | None = None,
               progress: bool = False, cache: bool = True) -> RunSummary:
    """Crawl the sources politely and incrementally; write the full current record set to `out`.

    Its final state's message gives the counts and the documents that could not be read.
    """
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(),
           "inputs": [u for s in sources for u in s.start_urls]}
    state_path = Path(state) if state else default_state_path(out)
    with CrawlState(state_path) as db:
        db.begin_crawl(run["id"])
        crawler = Crawler(sources, settings, db, progress, cache)
        visits = crawler.run()
        report = crawler.report
        run["crawl"] = {
            "state": str(state_path), "sources": [s.model_dump(mode="json") for s in sources],
            "counts": {"new": len(report.new), "changed": len(report.changed), "unchanged": len(report.unchanged),
                       "gone": len(report.gone), "failed": len(report.failed), "skipped": len(report.skipped)},
            "requests": crawler.gate.requests, "extracted": report.extracted,
            "new": report.new, "changed": report.changed, "unchanged": report.unchanged, "gone": report.gone,
            "failed": report.failed, "skipped": report.skipped,
        }
        documents = [v.document for v in visits]
        drafts = [v.drafts or [] for v in visits]
        summary = finish_run("chusho-crawl", out, documents, drafts, run, settings)
        db.finish_crawl(run["id"], run["crawl"]["counts"])
    return finished(summary, documents)
