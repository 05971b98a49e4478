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
  retries, honouring Retry-After), but not a response that was still
  arriving, too slowly, at its deadline (`too_slow`: the same deadline would
  cut it off again); other failures are recorded per URL and
  the crawl goes on. A URL that fails for a passing reason keeps its last
  good copy, so its records do not flicker out of the record set.
- A known URL that now answers 404 or 410 is `gone`, not `failed`: its
  document line says so and its records leave the record set. (A URL never
  fetched well that answers 404 is a broken link: `failed`.)
- A start page that cannot be reached (its host unreachable, robots.txt
  unavailable or disallowing it) gets its `documents.jsonl` line with the
  reason; every failure's progress line gives its reason.

Bounded against hostile servers (the limits are `extractors.reading.fetch_url`'s
and the `extractors.crawling` rules'): a deadline per response and per source
(`max_seconds`), size caps after decompression, one URL per page (canonical
URLs, `<link rel="canonical">`, same bytes = one document), `<meta name="robots">`
and `X-Robots-Tag`, a cap per URL pattern against traps, and a resumable state
(a killed crawl's finished URLs are not fetched again) locked to one crawl.

Fetching happens in the flow, one host slot at a time; reading and drafting
are the extract flow's tasks, submitted to the task runner as pages arrive
(a long PDF in page ranges and a join, as in the extract flow).
Every crawl writes the full current record set and, in `manifest.json`, a
`crawl` report: new, changed, unchanged, gone, failed and skipped URLs.
"""
from __future__ import annotations

import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from prefect import flow, task
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture

from extractors.crawling import (Duplicates, Frontier, HostGate, PatternCap, Robots, Scope, canonical, host_of,
                                 page_rules, read_page)
from extractors.reading import fetch_url, read_document, sniff
from extractors.reading.fetch import TRANSPORT_ERRORS
from extractors.settings import Settings
from extractors.versions import work_fingerprint
from flows import interrupt
from flows.extract import document_tasks, finish_run, note_flow_run, stopped_document, submit_read
from flows.reporting import announce_end, announce_start, say
from flows.runners import abandon, cancel_future, finished as future_finished, wait_for
from flows.runcache import RunSummary
from flows.stages import WorkFailed
from flows.state import CrawlState, StoredPage, default_state_path
from schemas.crawl import CrawlSource
from schemas.document import DocStatus, Document, Fetched

# Answers worth asking again after a pause; anything else is final for this crawl. A response still
# arriving at the deadline (`too_slow`) is not asked again: the same deadline would cut it off again.
TRANSIENT = {"http_429", "http_500", "http_502", "http_503", "http_504", "timeout"}
# Failures that say nothing about the page itself: its last good copy stands in.
PASSING = TRANSIENT | TRANSPORT_ERRORS | {"too_slow"}
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
    outcome: str  # new, changed, unchanged, gone, failed, skipped (a start page not requested), duplicate, noindex
    fetched: Fetched
    stored: StoredPage | None
    document: Document | None = None
    drafts: list[dict] | None = None
    links: list[str] = field(default_factory=list)
    futures: tuple[PrefectFuture, PrefectFuture] | None = None
    kept: bool = False  # a failed fetch whose last good copy stands in
    alias_of: str | None = None  # a duplicate: the URL whose document this one is
    resumed: bool = False  # finished by a crawl that was killed; taken from the state as it was
    settled: bool = False


@dataclass
class _Report:
    new: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    gone: list[str] = field(default_factory=list)
    failed: list[dict] = field(default_factory=list)
    skipped: list[dict] = field(default_factory=list)
    extracted: int = 0
    noindex: list[str] = field(default_factory=list)
    stopped: list[dict] = field(default_factory=list)


class Crawler:
    """One crawl over some sources with a state file; `run()` gives the visits in the order fetched."""

    def __init__(self, sources: list[CrawlSource], settings: Settings, state: CrawlState, progress: bool,
                 cache: bool = True, resume_since: str | None = None):
        self.sources = {s.name: s for s in sources}
        self.scopes = {s.name: Scope(s) for s in sources}
        self.settings, self.state, self.progress = settings, state, progress
        self.fingerprint = work_fingerprint(settings)
        self.gate = HostGate()
        self.frontier = Frontier(self.gate)
        self.robots: dict[str, Robots] = {}
        self.report = _Report()
        self._tasks = document_tasks(cache)
        self._skipped: set[str] = set()
        self.resume_since = resume_since
        self.duplicates = Duplicates()
        self.caps = {s.name: PatternCap(s.max_per_pattern) for s in sources}
        self._visited: set[str] = set()
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
                            before_request=self.gate.wait, after_request=self.gate.release,
                            cut_at=self.settings.max_robots_bytes)
        if fetched.error_code == "not_modified" and kept:
            return Robots(kept[0], agent)
        rules = Robots.from_fetched(fetched, agent, self.settings.max_robots_bytes)
        if fetched.error is None:
            self.state.put_robots(host, rules.body, fetched.etag, fetched.last_modified)
        return rules

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
            elif self.caps[source.name].admit(link):  # else a trap: counted per pattern for the manifest
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
        visit = self._resumed(url, source, stored)
        if visit is None:
            reusable = stored is not None and stored.reusable(self.fingerprint)
            if reusable and stored.document.uri != url:  # the page stood for its canonical URL last time
                reusable = self._take_canonical(url, stored.document.uri, source)
            fetched = self._fetch(url, stored.validators(self.fingerprint) if reusable else {}, source)
            if fetched.final_uri:
                self.frontier.see(fetched.final_uri)
            same = fetched.error is None and stored is not None and stored.status == "ok" and \
                fetched.sha256 == stored.sha256
            if reusable and (fetched.error_code == "not_modified" or same):
                visit = _Visit(url, source.name, "unchanged", fetched, stored, stored.document, stored.drafts,
                               stored.links)
            elif fetched.error is None:
                visit = self._fresh(url, source, fetched, stored, same)
            else:
                visit = self._failed(url, source, fetched, stored)
        if visit.outcome in ("new", "changed", "unchanged") and not visit.futures:  # bytes known from the state
            first = self.duplicates.claim(url, stored.sha256 if stored else None)
            if first:
                visit.outcome, visit.alias_of = "duplicate", first
        self._follow(visit.links, depth, source)
        return visit

    def _resumed(self, url: str, source: CrawlSource, stored: StoredPage | None) -> _Visit | None:
        """A URL the killed crawl(s) being resumed finished: taken from the state, not fetched again."""
        if not (self.resume_since and stored and stored.last_fetched and stored.last_fetched >= self.resume_since):
            return None
        if stored.status == "failed":
            doc = Document(uri=url, status=DocStatus.failed, error=stored.error, error_code="failed")
            self.report.failed.append({"url": url, "error": stored.error, "error_code": "failed",
                                       "kept_last_good_copy": False})
            return _Visit(url, source.name, "failed", Fetched(uri=url, error=stored.error), stored, doc, [],
                          resumed=True)
        if not stored.reusable(self.fingerprint) or \
                (stored.document.uri != url and not self._take_canonical(url, stored.document.uri, source)):
            return None
        outcome = "new" if (stored.first_seen or "") >= self.resume_since else \
            "changed" if (stored.last_changed or "") >= self.resume_since else "unchanged"
        return _Visit(url, source.name, outcome, Fetched(uri=url, sha256=stored.sha256), stored, stored.document,
                      stored.drafts, stored.links, resumed=True)

    def _fresh(self, url: str, source: CrawlSource, fetched: Fetched, stored: StoredPage | None,
               same: bool) -> _Visit:
        """Bytes fetched: links (unless nofollow), then reading and drafting (unless noindex or a duplicate)."""
        outcome = "unchanged" if same else "changed" if stored is not None and stored.status == "ok" else "new"
        base = fetched.final_uri or url
        info = read_page(fetched.content, base, fetched.charset, self.settings.user_agent) \
            if sniff(fetched.content) == "html" else None
        rules = page_rules(info.robots_meta if info else [], fetched.robots_tag, self.settings.user_agent)
        links = info.links if info and not rules.nofollow else []
        if rules.noindex:  # before the duplicates: its bytes may be another URL's document
            self.report.noindex.append(url)
            doc = Document(uri=url, sha256=fetched.sha256, media_type=fetched.media_type, status=DocStatus.skipped,
                           error=f"the page asks robots not to index it ({rules.said()}): read for its links only",
                           error_code="noindex")
            return _Visit(url, source.name, "noindex", fetched, stored, doc, [], links)
        first = self.duplicates.claim(url, fetched.sha256)
        if first:
            return _Visit(url, source.name, "duplicate", fetched, stored, links=links, alias_of=first)
        if info and info.canonical and info.canonical != canonical(base) and \
                self._take_canonical(url, info.canonical, source):
            fetched = fetched.model_copy(update={"uri": info.canonical})
        read = submit_read(fetched, self.settings, self._tasks)  # a long PDF: in page ranges, then joined
        self.report.extracted += 1
        return _Visit(url, source.name, outcome, fetched, stored, links=links,
                      futures=(read, self._tasks.drafts.submit(read, self.settings)))

    def _take_canonical(self, url: str, target: str, source: CrawlSource) -> bool:
        """A page naming another URL canonical stands for it, when that URL is in scope and not fetched yet
        (nor stood for) in this crawl; it is then not fetched at all."""
        if target == url or target in self._visited or self.scopes[source.name].reason(target) or \
                not self._robots_for(target, source).allowed(target):
            return False
        self._visited.add(target)
        self.frontier.discard(target)
        self.duplicates.pairs.append({"url": url, "same_as": target, "why": "rel=canonical"})
        return True

    def _failed(self, url: str, source: CrawlSource, fetched: Fetched, stored: StoredPage | None) -> _Visit:
        """A failed fetch: its error as the document, gone for a known page removed, or the last good copy
        when the failure is passing."""
        if fetched.error_code in REMOVED and stored is not None and stored.status in ("ok", "gone"):
            doc = read_document(fetched, self.settings).model_copy(update={"status": DocStatus.gone})
            return _Visit(url, source.name, "gone", fetched, stored, doc, [])
        if stored is not None and stored.reusable(self.fingerprint) and \
                fetched.error_code in PASSING:
            note = f"this crawl's fetch failed ({fetched.error}); the copy fetched {stored.last_fetched} is used"
            doc = stored.document.model_copy(update={"warnings": stored.document.warnings + [note]})
            visit = _Visit(url, source.name, "failed", fetched, stored, doc, stored.drafts, stored.links, kept=True)
        else:
            visit = _Visit(url, source.name, "failed", fetched, stored, read_document(fetched, self.settings), [])
        self.report.failed.append({"url": url, "error": fetched.error, "error_code": fetched.error_code,
                                   "kept_last_good_copy": visit.kept})
        return visit

    def run(self) -> list[_Visit]:
        """Crawl; the visits that are documents (a duplicate's URL is listed on its document instead)."""
        for source in self.sources.values():
            for url in source.start_urls:
                self.frontier.add(url, 0, source.name)
        visits: list[_Visit] = []
        fetched_per_source: dict[str, int] = {}
        started = time.monotonic()
        stopped: dict[str, dict] = {}
        while len(self.frontier):
            if interrupt.requested():  # Ctrl-C: no more fetching; what is done is written (see _stop)
                self._stop_frontier(stopped)
                break
            url, depth, name = self.frontier.pop()
            source = self.sources[name]
            if time.monotonic() - started > source.max_seconds:
                stop = stopped.setdefault(name, {"source": name, "reason": f"max_seconds {source.max_seconds:g} "
                                                 "reached: the crawl of this source stopped early", "not_fetched": 0})
                stop["not_fetched"] += 1
                continue
            rules = self._robots_for(url, source)
            if not rules.allowed(url):
                if rules.fault:  # the host could not be reached at all: a failure, with a documents.jsonl line
                    fault = Fetched(uri=url, error=rules.unavailable, error_code=rules.fault)
                    visits.append(self._failed(url, source, fault, self.state.get(url)))
                    self._say(len(visits), visits[-1])
                else:
                    reason = rules.unavailable or "disallowed by robots.txt"
                    if depth == 0:  # a start page: what the user asked for gets its line, with the reason
                        visits.append(self._not_fetched(url, source, reason))
                        self._say(len(visits), visits[-1])
                    self._skip(url, reason)
                continue
            if fetched_per_source.get(name, 0) >= source.max_documents:
                self._skip(url, f"over max_documents {source.max_documents}")
                continue
            fetched_per_source[name] = fetched_per_source.get(name, 0) + 1
            visit = self._visit(url, depth, source)
            self._visited.add(url)
            visits.append(visit)
            self._say(len(visits), visit)
            self._settle_finished(visits)  # stored as soon as done: a killed crawl resumes from here
        if interrupt.requested():
            self._stop(visits)
        for visit in visits:
            if not visit.settled:
                self._settle(visit)
        self.report.stopped = list(stopped.values())
        visited = {v.url for v in visits}
        for name in self.sources:
            if name in stopped:
                continue  # what the crawl did not reach is not known to be gone
            passing = {u for u in self.state.known(name) - visited if self._unreached_for_now(u)}
            gone = sorted(self.state.known(name) - visited - passing)
            self.state.mark_gone(gone)
            self.report.gone.extend(gone)
        return self._documents(visits)

    def _stop_frontier(self, stopped: dict[str, dict]) -> None:
        """Ctrl-C: the URLs left in the frontier are not fetched (and so not known to be gone)."""
        while len(self.frontier):
            _url, _depth, name = self.frontier.pop()
            stop = stopped.setdefault(name, {"source": name, "reason": "stopped by Ctrl-C", "not_fetched": 0})
            stop["not_fetched"] += 1
        for name in self.sources:
            stopped.setdefault(name, {"source": name, "reason": "stopped by Ctrl-C", "not_fetched": 0})

    def _stop(self, visits: list[_Visit]) -> None:
        """Ctrl-C: the tasks not started are cancelled, those running get STOP_GRACE seconds; a visit
        not done then is a `stopped` document, not stored (the next crawl resumes and fetches it)."""
        from prefect.context import FlowRunContext

        open_visits = [v for v in visits if not v.settled and v.futures]
        for visit in open_visits:
            for future in visit.futures:
                cancel_future(future)
        wait_for([v.futures[1] for v in open_visits], interrupt.STOP_GRACE)
        for visit in open_visits:
            if all(future_finished(f) for f in visit.futures):
                try:
                    self._settle(visit)
                    continue
                except Exception:  # noqa: BLE001  (cancelled as the crawl stopped: not done)
                    pass
            visit.settled, visit.outcome = True, "stopped"
            visit.document, visit.drafts = stopped_document(visit.url), []
        context = FlowRunContext.get()
        if context is not None and context.task_runner is not None:
            abandon(context.task_runner)

    def start_failures(self, visits: list[_Visit]) -> list[str]:
        """The start pages that failed (not fetched, failed, gone, or disallowed), each with why: the
        source itself is then failing, and the flow run says so by ending Failed."""
        found = {v.url: v for v in visits}
        failed = []
        for source in self.sources.values():
            for url in source.start_urls:
                visit = found.get(canonical(url))
                if visit is not None and visit.outcome in ("failed", "gone", "skipped"):
                    reason = visit.fetched.error or (visit.document.error if visit.document else None) or \
                        visit.outcome
                    failed.append(f"{url} ({reason}{'; the last good copy is used' if visit.kept else ''})")
        return failed

    def _not_fetched(self, url: str, source: CrawlSource, reason: str) -> _Visit:
        """A start page never requested because robots.txt disallows it (for now): a skipped document line."""
        fetched = Fetched(uri=url, error=reason, error_code="robots_disallowed")
        doc = Document(uri=url, status=DocStatus.skipped, error=reason, error_code="robots_disallowed")
        return _Visit(url, source.name, "skipped", fetched, None, doc, [])

    def _say(self, n: int, visit: _Visit) -> None:
        line = f"[crawl {n}] {visit.outcome:<9} {visit.url}"
        if visit.fetched.error and visit.fetched.error_code != "not_modified":
            line += f"  ({visit.fetched.error}{'; the last good copy is used' if visit.kept else ''})"
        say(line, self.progress, warning=visit.outcome in ("failed", "gone"))

    def _unreached_for_now(self, url: str) -> bool:
        """Not fetched this crawl for a passing reason (robots.txt unavailable, a cap reached)."""
        rules = self.robots.get(host_of(url))
        return (rules is not None and rules.unavailable is not None) or \
            any(s["url"] == url and s["reason"].startswith("over max_documents") for s in self.report.skipped)

    def _documents(self, visits: list[_Visit]) -> list[_Visit]:
        """The visits that are documents, each with the other URLs of its bytes on it."""
        out = []
        for visit in visits:
            if visit.alias_of is not None:
                continue
            doc = visit.document
            aliases = ([visit.url] if doc is not None and doc.uri != visit.url else []) + \
                self.duplicates.aliases_of(visit.url)
            if doc is not None and aliases:
                visit.document = doc.model_copy(update={"aliases": aliases})
            out.append(visit)
        return out

    def limits_report(self) -> dict:
        """The manifest's account of duplicates, robots directives, traps and early stops."""
        traps = [{"source": name, "pattern": pattern, "cap": cap.cap, "not_fetched": n}
                 for name, cap in self.caps.items() for pattern, n in sorted(cap.refused.items())]
        return {"duplicates": self.duplicates.pairs, "noindex": self.report.noindex, "traps": traps,
                "stopped": self.report.stopped, "resumed_from": self.resume_since}

    def _settle_finished(self, visits: list[_Visit]) -> None:
        for visit in visits:
            if not visit.settled and (visit.futures is None or all(_done(f) for f in visit.futures)):
                self._settle(visit)

    def _settle(self, visit: _Visit) -> None:
        """Wait for a visit's tasks, file its outcome and store what the next crawl needs."""
        visit.settled = True
        now = datetime.now(timezone.utc).isoformat()
        f, stored = visit.fetched, visit.stored
        first_seen = stored.first_seen if stored else None
        if visit.futures:
            visit.document = visit.futures[0].result()
            visit.drafts = visit.futures[1].result()
            if isinstance(visit.drafts, WorkFailed):  # building its records passed a limit: the document fails
                visit.document, visit.drafts = visit.drafts.failed(visit.document), []
        if visit.outcome in ("new", "changed", "unchanged", "gone"):
            getattr(self.report, visit.outcome).append(visit.url)
        if visit.outcome == "skipped":
            return  # never requested: nothing to store
        if visit.resumed:
            return  # stored by the crawl that fetched it
        if visit.outcome in ("duplicate", "noindex"):
            page = StoredPage(url=visit.url, source=visit.source, status=visit.outcome, etag=f.etag,
                              last_modified=f.last_modified, sha256=f.sha256 or (stored.sha256 if stored else None),
                              links=visit.links, error=f"same bytes as {visit.alias_of}" if visit.alias_of else None,
                              first_seen=first_seen, last_fetched=now)
        elif visit.outcome == "unchanged" and not visit.futures:
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


def _done(future: PrefectFuture) -> bool:
    """Finished, asked without a call to the API where the runner's own future can say."""
    wrapped = getattr(future, "wrapped_future", None)
    return wrapped.done() if wrapped is not None else future.state.is_final()


@flow(name="chusho-crawl", log_prints=False, on_running=[announce_start],
      on_completion=[announce_end], on_failure=[announce_end], on_crashed=[announce_end],
      on_cancellation=[announce_end])
def crawl_flow(sources: list[CrawlSource], out: str, state: str | None = None, settings: Settings | None = None,
               progress: bool = False, cache: bool = True, notes: dict | None = None) -> RunSummary:
    """Crawl the sources politely and incrementally; write the full current record set to `out`.

    Its final state's message gives the counts and the documents that could not be read; it is
    Failed when a start page failed or no document could be read, Cancelled when Ctrl-C stopped it.
    `notes`: more fields for the manifest from the caller (see `extract_flow`).
    """
    note_flow_run()
    settings = settings or Settings()
    run = {"id": str(uuid.uuid4()), "started": datetime.now(timezone.utc).isoformat(),
           "inputs": [u for s in sources for u in s.start_urls], **(notes or {})}
    state_path = Path(state) if state else default_state_path(out)
    with CrawlState(state_path) as db:
        if db.reset:
            say(f"warning: the crawl state file {db.reset['file']} is damaged ({db.reset['error']}): moved aside to "
                f"{db.reset['moved_to']}; this crawl starts afresh", progress=True, warning=True)
        resume_since = db.resume_since()
        db.begin_crawl(run["id"])
        crawler = Crawler(sources, settings, db, progress, cache, resume_since)
        visits = crawler.run()
        report = crawler.report
        run["crawl"] = {
            "state": str(state_path), "state_reset": db.reset,
            "sources": [s.model_dump(mode="json") for s in sources],
            "counts": {"new": len(report.new), "changed": len(report.changed), "unchanged": len(report.unchanged),
                       "gone": len(report.gone), "failed": len(report.failed), "skipped": len(report.skipped)},
            "requests": crawler.gate.requests, "extracted": report.extracted,
            "new": report.new, "changed": report.changed, "unchanged": report.unchanged, "gone": report.gone,
            "failed": report.failed, "skipped": report.skipped, **crawler.limits_report(),
        }
        documents = [v.document for v in visits]
        drafts = [v.drafts or [] for v in visits]
        failures = crawler.start_failures(visits)
        final = finish_run("chusho-crawl", out, documents, drafts, run, settings,
                           failure=f"start page failed: {'; '.join(failures)}" if failures else None)
        if not interrupt.requested():  # a stopped crawl stays open: the next one resumes from it
            db.finish_crawl(run["id"], run["crawl"]["counts"])
    return final
