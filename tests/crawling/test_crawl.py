"""The crawl flow against a real municipal-like site on 127.0.0.1, checked from the server's request log."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from extractors.settings import Settings
from schemas.crawl import CrawlSource
from tests.conftest import read_jsonl
from tests.site import CRAWL_DELAY, Resource, Server, Site, build_site

SETTINGS = Settings(crawl_delay=0.1, retries=2, retry_backoff=0.2, max_bytes=1_000_000, http_timeout=10)
TOLERANCE = 0.02  # clock granularity between the crawler's and the server's timestamps


@pytest.fixture(scope="module")
def sites():
    other = Site()
    with Server(other) as other_url:
        site = Site()
        site.resources = build_site(other_url, big_bytes=1_500_000)
        with Server(site) as url:
            yield site, other, url


@pytest.fixture(scope="module")
def crawls(prefect_server, sites, tmp_path_factory):
    """Three crawls with one state file: first, again unchanged, then after the site changed."""
    from flows.crawl import crawl_flow

    site, _other, url = sites
    base = tmp_path_factory.mktemp("crawl")
    state = str(base / "state.sqlite")
    source = CrawlSource(name="town", start_urls=[f"{url}/index.html"], max_depth=1)
    runs = {}
    for name in ("first", "second"):
        mark = len(site.log)
        crawl_flow(sources=[source], out=str(base / name), state=state, settings=SETTINGS)
        runs[name] = (base / name, site.requests(mark))
    # the site changes: one page edited, one link removed, one PDF taken down (410 Gone, still linked)
    site.resources["/ordinance.html"].body += "<p>附則 令和5年3月31日改正</p>".encode("cp932")
    index = site.resources["/index.html"]
    index.body = index.body.replace(b'<li><a href="busy.html">', b'<li><a href="none.html">')
    site.resources["/docs/decl.pdf"] = Resource(b"<html><body>Gone</body></html>", "text/html", status=410)
    mark = len(site.log)
    crawl_flow(sources=[source], out=str(base / "third"), state=state, settings=SETTINGS)
    runs["third"] = (base / "third", site.requests(mark))
    return runs


def _crawl(out: Path) -> dict:
    return json.loads((out / "manifest.json").read_text(encoding="utf-8"))["crawl"]


def _paths(hits) -> list[str]:
    return [h.path for h in hits]


def test_first_crawl_follows_the_site_and_records_every_outcome(crawls, sites):
    site, _other, url = sites
    out, hits = crawls["first"]
    report = _crawl(out)
    assert _paths(hits)[0] == "/robots.txt"
    assert set(report["new"]) == {f"{url}/{p}" for p in (
        "index.html", "summits.html", "ordinance.html", "docs/decl.pdf", "flaky.html", "busy.html",
        "docs/deep.html")}
    failed = {f["url"].removeprefix(url): f["error_code"] for f in report["failed"]}
    assert failed == {"/missing.pdf": "http_404", "/loop1.html": "redirect_loop", "/big.pdf": "too_large",
                      "/away.html": "redirect_refused"}
    skipped = {s["url"].removeprefix(url): s["reason"] for s in report["skipped"]}
    assert skipped["/private/secret.html"] == "disallowed by robots.txt"
    assert skipped["/docs/deeper.html"].startswith("deeper than max_depth")
    assert skipped["/logo.png"].startswith("not a page or PDF")
    assert any(reason == "off-site" for u, reason in skipped.items() if "/page.html" in u)
    docs = {d["uri"].removeprefix(url): d for d in read_jsonl(out / "documents.jsonl")}
    assert docs["/missing.pdf"]["status"] == "failed" and "404" in docs["/missing.pdf"]["error"]
    assert "loop" in docs["/loop1.html"]["error"] and "limit" in docs["/big.pdf"]["error"]
    assert docs["/index.html"]["encoding"] == "cp932" and "中小企業振興" in docs["/index.html"]["text"]
    assert docs["/docs/decl.pdf"]["pages"] and docs["/flaky.html"]["status"] == "ok"
    records = read_jsonl(out / "records.jsonl")
    assert {r["edition"] for r in records if r["type"] == "summit"} >= set(range(1, 12))
    assert {r["type"] for r in records} == {"summit", "agreement", "ordinance"}


def test_crawl_is_polite(crawls, sites):
    site, other, _url = sites
    hits = [h for run in crawls.values() for h in run[1]]
    assert not [h for h in hits if h.path.startswith("/private/")]
    assert other.log == []  # no request ever reached the other host
    assert all(h.headers.get("User-Agent", "").startswith("chusho-extract/") for h in hits)
    for _out, run in crawls.values():
        ordered = sorted(run, key=lambda h: h.start)
        for a, b in zip(ordered, ordered[1:]):
            assert b.start >= a.end - TOLERANCE, (a.path, b.path)  # one request at a time
            assert b.start - a.end >= CRAWL_DELAY - TOLERANCE, (a.path, b.path, b.start - a.end)


def test_transient_failures_are_retried_with_backoff(crawls):
    _out, hits = crawls["first"]
    flaky = [h for h in hits if h.path == "/flaky.html"]
    assert [h.status for h in flaky] == [500, 200]
    assert flaky[1].start - flaky[0].start >= SETTINGS.retry_backoff - TOLERANCE
    busy = [h for h in hits if h.path == "/busy.html"]
    assert [h.status for h in busy] == [429, 200]
    assert busy[1].start - busy[0].start >= 1.0 - TOLERANCE  # Retry-After: 1


def test_second_crawl_sends_only_conditional_requests_and_extracts_nothing(crawls, sites):
    _site, _other, url = sites
    first, _ = crawls["first"]
    second, hits = crawls["second"]
    kept = {u.removeprefix(url) for u in _crawl(first)["new"]} | {"/robots.txt"}
    for h in hits:
        if h.path in kept:
            assert "If-None-Match" in h.headers and h.status == 304, h
        else:  # only the URLs that failed last time are asked again in full
            assert h.path in {"/missing.pdf", "/loop1.html", "/loop2.html", "/big.pdf", "/away.html"}, h
    report = _crawl(second)
    assert report["extracted"] == 0 and report["new"] == [] and report["changed"] == []
    assert set(report["unchanged"]) == set(_crawl(first)["new"])
    assert read_jsonl(second / "records.jsonl") == read_jsonl(first / "records.jsonl")


def test_changed_and_gone_pages_are_reported(crawls, sites):
    _site, _other, url = sites
    first, _ = crawls["first"]
    third, hits = crawls["third"]
    report = _crawl(third)
    assert set(report["changed"]) == {f"{url}/ordinance.html", f"{url}/index.html"}
    # gone: a known URL that now answers 410 (not "failed"), and one no longer linked
    assert set(report["gone"]) == {f"{url}/docs/decl.pdf", f"{url}/busy.html"}
    assert f"{url}/docs/decl.pdf" not in {f["url"] for f in report["failed"]}
    assert report["extracted"] == 2
    assert "/busy.html" not in _paths(hits)
    docs = {d["uri"]: d for d in read_jsonl(third / "documents.jsonl")}
    assert docs[f"{url}/docs/decl.pdf"]["status"] == "gone" and "410" in docs[f"{url}/docs/decl.pdf"]["error"]
    # its records left the record set (a record another page also gives stays, without it as a source)
    def sources(out):
        return {s["uri"] for r in read_jsonl(out / "records.jsonl") for s in r["sources"]}
    assert f"{url}/docs/decl.pdf" in sources(first) and f"{url}/docs/decl.pdf" not in sources(third)
    assert {r["type"] for r in read_jsonl(third / "records.jsonl")} == {"summit", "agreement", "ordinance"}


def test_unreachable_start_page_gets_its_document_line_and_every_failure_its_reason(prefect_server, sites, tmp_path,
                                                                                     capsys):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    from flows.crawl import crawl_flow

    _site, _other, url = sites
    dead = "http://127.0.0.1:9/start.html"  # nothing listens on the discard port
    source = CrawlSource(name="mixed", start_urls=[dead, f"{url}/missing.pdf", f"{url}/private/secret.html",
                                                   f"{url}/summits.html"], max_depth=0)
    out = tmp_path / "out"
    state = crawl_flow(sources=[source], out=str(out), settings=SETTINGS, progress=True, return_state=True)
    docs = {d["uri"]: d for d in read_jsonl(out / "documents.jsonl")}
    assert docs[dead]["status"] == "failed" and docs[dead]["error_code"] == "unreachable"
    assert "unreachable" in docs[dead]["error"] and "127.0.0.1:9" in docs[dead]["error"]
    assert docs[f"{url}/private/secret.html"]["status"] == "skipped"
    assert "robots.txt" in docs[f"{url}/private/secret.html"]["error"]
    report = _crawl(out)
    assert {f["url"] for f in report["failed"]} == {dead, f"{url}/missing.pdf"}
    printed = capsys.readouterr().err
    assert f"failed    {dead}  (robots.txt unavailable (unreachable: " in printed
    assert f"failed    {url}/missing.pdf  (HTTP 404 Not Found" in printed
    assert all("  (" in line for line in printed.splitlines() if "] failed " in line)
    # the run's final state and artifact say what failed: its start pages failed, so the run is Failed
    assert state.is_failed() and state.result(raise_on_failure=False).summary.counts == \
        {"failed": 2, "ok": 1, "skipped": 1}
    assert state.message.startswith(f"start page failed: {dead} (robots.txt unavailable")
    assert f"{dead} (robots.txt unavailable" in state.message and "missing.pdf (HTTP 404" in state.message
    with get_client(sync_client=True) as client:
        [artifact] = [a for a in client.read_artifacts(artifact_filter=ArtifactFilter(
            flow_run_id=ArtifactFilterFlowRunId(any_=[state.state_details.flow_run_id]))) if a.key == "chusho-crawl-mixed"]
    assert artifact.key == "chusho-crawl-mixed" and "## Failed documents: 2" in artifact.data
    assert "| failed | 2 |" in artifact.data and "| summit |" in artifact.data and dead in artifact.data


def test_sources_file_is_checked(tmp_path):
    from schemas.crawl import SourcesFileError, load_sources

    good = tmp_path / "sources.toml"
    good.write_text('delay = 3.0\n[[source]]\nname = "okaya"\nstart_urls = ["https://www.city.okaya.lg.jp/"]\n'
                    'schedule = "0 4 * * 1"\n', encoding="utf-8")
    [src] = load_sources(good)
    assert src.delay == 3.0 and src.schedule == "0 4 * * 1" and src.max_depth == 2
    assert src.timezone == "Asia/Tokyo"  # Japanese sites: their night, whatever this machine's zone
    zoned = tmp_path / "zoned.toml"
    zoned.write_text('timezone = "UTC"\n[[source]]\nname = "a"\nstart_urls = ["https://a.example.jp/"]\n'
                     '[[source]]\nname = "b"\nstart_urls = ["https://b.example.jp/"]\ntimezone = "Asia/Seoul"\n',
                     encoding="utf-8")
    assert [s.timezone for s in load_sources(zoned)] == ["UTC", "Asia/Seoul"]
    zoned.write_text('timezone = "Tokyo"\n[[source]]\nname = "a"\nstart_urls = ["https://a.example.jp/"]\n',
                     encoding="utf-8")
    with pytest.raises(SourcesFileError, match="unknown time zone 'Tokyo'"):
        load_sources(zoned)
    bad = tmp_path / "bad.toml"
    bad.write_text('[[source]]\nname = "x"\nstart_urls = ["ftp://example.org/"]\nschedule = "daily"\n',
                   encoding="utf-8")
    with pytest.raises(SourcesFileError) as exc:
        load_sources(bad)
    assert "ftp://example.org/" in str(exc.value) and "cron" in str(exc.value)


def test_robots_rules_for_our_agent_with_fractional_delay():
    from extractors.crawling.crawler import Robots

    body = ("User-agent: *\nDisallow: /private/\nCrawl-delay: 0.5\n\n"
            "User-agent: chusho-extract\nDisallow: /cgi-bin/\nCrawl-delay: 4\n")
    ours = Robots(body, SETTINGS.user_agent)
    assert ours.crawl_delay() == 4.0
    assert not ours.allowed("https://city.example.jp/cgi-bin/x") and ours.allowed("https://city.example.jp/a.html")
    other = Robots(body, "OtherBot/1.0")
    assert other.crawl_delay() == 0.5 and not other.allowed("https://city.example.jp/private/a.html")
    assert Robots.deny_all("x", "down").allowed("https://city.example.jp/") is False


def test_scope_and_frontier():
    from extractors.crawling.crawler import Frontier, HostGate, Scope

    src = CrawlSource(name="s", start_urls=["https://www.city.example.jp/sangyo/"], allowed_hosts=["reiki.example.jp"],
                      exclude=["/print/"])
    scope = Scope(src)
    assert scope.reason("https://www.city.example.jp/sangyo/a.pdf") is None
    assert scope.reason("https://reiki.example.jp/reiki/1.html") is None
    assert scope.reason("https://evil.example.com/a.html") == "off-site"
    assert scope.reason("https://www.city.example.jp/print/a.html") == "matched by exclude"
    assert scope.reason("https://www.city.example.jp/a.docx").startswith("not a page or PDF")
    clock = [0.0]
    gate = HostGate(clock=lambda: clock[0], sleep=lambda s: clock.__setitem__(0, clock[0] + s))
    gate.set_delay("a.jp", 2.0)
    gate.wait("http://a.jp/1")
    clock[0] += 0.5  # the response takes half a second
    gate.release("http://a.jp/1")
    gate.wait("http://a.jp/2")
    assert clock[0] == 2.5 and gate.requests == 2
    frontier = Frontier(gate)
    assert frontier.add("http://a.jp/x#frag", 1, "s") and not frontier.add("HTTP://A.JP/x", 1, "s")
    frontier.add("http://b.jp/y", 1, "s")
    frontier.add("http://a.jp/top", 0, "s")
    assert frontier.pop()[0] == "http://a.jp/top"  # breadth first
    assert frontier.pop()[0] == "http://b.jp/y"  # then the host that is ready sooner


def test_crawl_command(prefect_server, sites, tmp_path, capsys):
    from cli.main import main

    _site, _other, url = sites
    assert main(["crawl", "--out", str(tmp_path / "x")]) == 2
    assert "START_URLs or --sources" in capsys.readouterr().err
    sources = tmp_path / "sources.toml"
    sources.write_text(f'delay = 0.05\n[[source]]\nname = "town"\nstart_urls = ["{url}/summits.html"]\n'
                       f'max_depth = 0\n', encoding="utf-8")
    assert main(["crawl", "--sources", str(sources), "--source", "nope", "--out", str(tmp_path / "x")]) == 2
    assert "no source named nope" in capsys.readouterr().err
    assert main(["crawl", "--sources", str(sources), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    printed = capsys.readouterr().out
    assert "1 new" in printed and "summit" in printed and (tmp_path / "out" / "crawl-state.sqlite").is_file()


def test_crawl_sources_flow_reads_the_sources_file_at_run_time(prefect_server, sites, tmp_path):
    from flows.deploy import crawl_sources

    _site, _other, url = sites
    sources = tmp_path / "sources.toml"
    sources.write_text(f'delay = 0.05\n[[source]]\nname = "town"\nstart_urls = ["{url}/summits.html"]\n'
                       f'max_depth = 0\n[[source]]\nname = "other"\nstart_urls = ["{url}/ordinance.html"]\n'
                       f'max_depth = 0\n', encoding="utf-8")
    done = crawl_sources(sources_file=str(sources), out_root=str(tmp_path / "crawls"), source="other",
                         runner="thread")
    assert [s.counts for s in done] == [{"ok": 1}]
    assert (tmp_path / "crawls" / "other" / "crawl-state.sqlite").is_file()
    assert not (tmp_path / "crawls" / "town").exists()
    assert any(r["type"] == "ordinance" for r in read_jsonl(tmp_path / "crawls" / "other" / "records.jsonl"))


def test_page_links_are_read_with_the_readers_parser():
    from extractors.crawling.links import page_links

    deep = ("<html><body>" + "<div>" * 300 + "<font>" * 300 + '<a href="/reiki/1.html#p">条例</a>'
            + '<a href="mailto:x@y.jp">m</a><a href="https://Other.JP:443/a">o</a></body></html>').encode("cp932")
    assert page_links(deep, "https://city.example.jp/x/") == ["https://city.example.jp/reiki/1.html",
                                                             "https://other.jp/a"]
    assert page_links(bytes(range(256)) * 20, "https://city.example.jp/") == []
