"""The crawl against a hostile site on 127.0.0.1 (tests/hostile_site.py): each limit of issue 16, from both sides.

One crawl of the whole site (plus three hosts whose robots.txt answers 503, 404
or over 500 KB, and a host whose name does not resolve) is checked from the
server's request log and the output folder; the fetcher is checked alone
against compression bombs while its memory is sampled; a crawl in another
process is killed with SIGKILL, a second crawl on its state file is refused,
and the resumed crawl fetches nothing the killed one finished.
"""
from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time

import psutil
import pytest

from extractors.settings import Settings
from schemas.crawl import CrawlSource
from tests.conftest import ROOT, read_jsonl
from tests.hostile_site import HostileServer, HostileSite

DEADLINE = 1.0  # response_timeout in these tests: a trickle is abandoned after a second
SETTINGS = Settings(crawl_delay=0.0, retries=0, http_timeout=2.0, response_timeout=DEADLINE, max_bytes=2_000_000)
CAP = 4  # max_per_pattern


@pytest.fixture(scope="module")
def hosts():
    sites = {mode: HostileSite(robots=mode) for mode in ("ok", "503", "404", "huge")}
    servers = {mode: HostileServer(site) for mode, site in sites.items()}
    urls = {mode: server.__enter__() for mode, server in servers.items()}
    yield sites, urls
    for server in servers.values():
        server.__exit__(None, None, None)


class RssPeak:
    """The highest resident memory of a process while the block runs, sampled every 5 ms."""

    def __init__(self, pid: int | None = None):
        self.process = psutil.Process(pid)

    def __enter__(self) -> "RssPeak":
        self.before = self.peak = self.process.memory_info().rss
        self._done = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._done.is_set():
            try:
                self.peak = max(self.peak, self.process.memory_info().rss)
            except psutil.Error:  # the process is gone
                return
            time.sleep(0.005)

    def __exit__(self, *exc) -> None:
        self._done.set()
        self._thread.join()


def _resolver_without_invalid(real):
    """getaddrinfo that fails for names under .invalid (RFC 2606) at once, with no lookup at all."""
    def getaddrinfo(host, *args, **kwargs):
        if isinstance(host, str) and host.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)
    return getaddrinfo


@pytest.fixture(scope="module")
def crawl(prefect_server, hosts, tmp_path_factory):
    from flows.crawl import crawl_flow

    sites, urls = hosts
    out = tmp_path_factory.mktemp("hostile") / "out"
    source = CrawlSource(
        name="hostile", max_depth=12, max_per_pattern=CAP, max_documents=80,
        start_urls=[f"{urls['ok']}/index.html", f"{urls['503']}/free.html", f"{urls['404']}/free.html",
                    f"{urls['huge']}/early/a.html", f"{urls['huge']}/late/a.html", "http://nosuch.invalid/a.html"])
    with pytest.MonkeyPatch.context() as mp, RssPeak() as rss:
        mp.setattr(socket, "getaddrinfo", _resolver_without_invalid(socket.getaddrinfo))
        started = time.monotonic()
        # its start pages that fail (503, 404, no such host) make each crawl end Failed: states, not raised
        crawl_flow(sources=[source], out=str(out), settings=SETTINGS, return_state=True)
        took = time.monotonic() - started
        mark = len(sites["ok"].log)
        again = out.parent / "again"  # a second crawl with the same state file
        crawl_flow(sources=[source], out=str(again), state=str(out / "crawl-state.sqlite"), settings=SETTINGS,
                   return_state=True)
    print(f"hostile crawl: RSS {rss.before / 1e6:.0f} MB before, peak {rss.peak / 1e6:.0f} MB (GiNZA included)")
    assert rss.peak < 1e9
    report = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["crawl"]
    docs = {d["uri"]: d for d in read_jsonl(out / "documents.jsonl")}
    return sites, urls, out, report, docs, took, (again, mark)


def _first(crawl) -> list:
    """The main host's requests in the first crawl."""
    return crawl[0]["ok"].requests()[:crawl[6][1]]


def _hits(crawl, path: str) -> list:
    return [h for h in _first(crawl) if h.path.split("?")[0].split(";")[0].split("#")[0] == path]


def test_one_page_is_fetched_once_under_its_many_urls(crawl):
    sites, urls, _out, report, docs, _took, _again = crawl
    site, base = sites["ok"], urls["ok"]
    assert len(_hits(crawl, "/page.html")) == 1  # seven URLs of the index, one request
    assert len(_hits(crawl, "/list.php")) == 1  # ?b=2&a=1 and ?a=1&b=2
    assert [u for u in docs if "/page.html" in u] == [f"{base}/page.html"]
    # two URLs, the same bytes: one document, both URLs on it
    assert docs[f"{base}/same1.html"]["aliases"] == [f"{base}/same2.html"] and f"{base}/same2.html" not in docs
    # the print view names the article canonical: the article is not fetched, its document has both URLs
    assert _hits(crawl, "/article.html") == []
    assert docs[f"{base}/article.html"]["aliases"] == [f"{base}/print.html"]
    assert {"url": f"{base}/same2.html", "same_as": f"{base}/same1.html", "why": "same sha256"} in report["duplicates"]
    assert {"url": f"{base}/print.html", "same_as": f"{base}/article.html", "why": "rel=canonical"} \
        in report["duplicates"]


def test_second_crawl_keeps_one_document_per_page(crawl):
    sites, urls, out, _report, docs, _took, (again, mark) = crawl
    site, base = sites["ok"], urls["ok"]
    lines = [d["uri"] for d in read_jsonl(again / "documents.jsonl")]
    assert len(lines) == len(set(lines)) and set(lines) == set(docs)
    hits = [h.path for h in site.requests(mark)]
    assert hits.count("/page.html") == 1 and "/article.html" not in hits
    report = json.loads((again / "manifest.json").read_text(encoding="utf-8"))["crawl"]
    assert {"url": f"{base}/print.html", "same_as": f"{base}/article.html", "why": "rel=canonical"} \
        in report["duplicates"]
    assert report["gone"] == [] and f"{base}/ordinance.html" in report["unchanged"]
    records = {r["id"] for r in read_jsonl(again / "records.jsonl")}
    assert records and records == {r["id"] for r in read_jsonl(out / "records.jsonl")}


def test_canonical_urls():
    from extractors.crawling import canonical

    same = ["http://City.Example.JP:80/a/b.html;jsessionid=9F3E?utm_source=x&id=3&PHPSESSID=1#p",
            "HTTP://city.example.jp/a/b.html?fbclid=1&gclid=2&id=3&sid=abc", "http://city.example.jp/a/b.html?id=3"]
    assert {canonical(u) for u in same} == {"http://city.example.jp/a/b.html?id=3"}
    assert canonical("https://a.jp:443?b=2&a=1&a=0") == "https://a.jp/?a=0&a=1&b=2"
    assert canonical("https://a.jp/%e5%b8%82?q=%e5") == "https://a.jp/%E5%B8%82?q=%E5"
    assert canonical("https://a.jp:8443/x?page=2") == "https://a.jp:8443/x?page=2"  # other parameters stay


def test_robots_meta_and_header(crawl):
    sites, urls, out, report, docs, _took, _again = crawl
    site, base = sites["ok"], urls["ok"]
    assert _hits(crawl, "/nofollow.html") and _hits(crawl, "/nf-target.html") == []  # nofollow: no links taken
    assert _hits(crawl, "/xr-target.html") == []  # X-Robots-Tag naming us: nofollow
    assert _hits(crawl, "/xo-target.html") and docs[f"{base}/xrobots-other.html"]["status"] == "ok"  # another robot's
    assert _hits(crawl, "/ni-target.html")  # noindex, follow: fetched for its links
    for path in ("/noindex.html", "/xrobots-noindex.html"):
        assert docs[f"{base}{path}"]["status"] == "skipped" and docs[f"{base}{path}"]["error_code"] == "noindex"
    assert set(report["noindex"]) == {f"{base}/noindex.html", f"{base}/xrobots-noindex.html"}
    sources = {e["uri"] for r in read_jsonl(out / "records.jsonl") for e in r["sources"]}
    assert f"{base}/ordinance.html" in sources  # the same bytes without noindex are read
    assert not {f"{base}/noindex.html", f"{base}/xrobots-noindex.html"} & sources


def test_robots_txt_answers(crawl):
    sites, urls, _out, report, docs, _took, _again = crawl
    skipped = {s["url"]: s["reason"] for s in report["skipped"]}
    assert "503" in skipped[f"{urls['503']}/free.html"] and "next crawl" in skipped[f"{urls['503']}/free.html"]
    assert {h.path for h in sites["503"].requests()} == {"/robots.txt"}
    assert docs[f"{urls['404']}/free.html"]["status"] == "ok"  # 404: everything allowed
    assert skipped[f"{urls['huge']}/early/a.html"] == "disallowed by robots.txt"
    assert docs[f"{urls['huge']}/late/a.html"]["status"] == "ok"  # its rule lies past 500 KB


def test_traps_are_capped_per_pattern(crawl):
    sites, urls, _out, report, _docs, _took, _again = crawl
    site = sites["ok"]
    hits = [h.path for h in _first(crawl)]
    assert len([p for p in hits if p.startswith("/cal/")]) == CAP
    assert len([p for p in hits if p.startswith("/event.php")]) == CAP
    patterns = {t["pattern"]: t for t in report["traps"]}
    host = urls["ok"].removeprefix("http://")
    assert patterns[f"{host}/cal/N/N.html"]["cap"] == CAP and patterns[f"{host}/event.php?date=*"]["not_fetched"] > 20
    assert report["counts"]["skipped"] < 20  # the trap's URLs are counted in `traps`, not listed one by one


def test_slow_broken_and_refused_responses_are_failures_with_clear_errors(crawl):
    sites, urls, _out, report, docs, took, _again = crawl
    base = urls["ok"]
    failed = {f["url"].removeprefix(base): f["error_code"] for f in report["failed"]
              if f["error_code"] != "http_404"}  # the sample pages' own site links
    assert failed == {
        "/trickle.html": "too_slow", "/trickle-headers.html": "too_slow",
        "/bomb.html": "too_large", "/bomb-length.html": "too_large", "/unsized.html": "too_large",
        "/short.html": "protocol_error", "/reset.html": "connection_reset",
        "/to-ftp.html": "redirect_refused", "/to-file.html": "redirect_refused", "/to-https.html": "tls_error",
        "http://nosuch.invalid/a.html": "dns_error",
    }
    for path in ("/trickle.html", "/trickle-headers.html"):
        [hit] = _hits(crawl, path)
        assert hit.end - hit.start < DEADLINE + 1.0, path  # abandoned at the deadline, not after the trickle
        assert f"limit of {DEADLINE:g} s" in docs[f"{base}{path}"]["error"]
    assert "inflated" in docs[f"{base}/bomb-length.html"]["error"]
    assert "ftp:" in docs[f"{base}/to-ftp.html"]["error"] and "file:" in docs[f"{base}/to-file.html"]["error"]
    assert "TLS" in docs[f"{base}/to-https.html"]["error"]
    assert "DNS" in docs["http://nosuch.invalid/a.html"]["error"]
    assert all(d["status"] == "failed" for u, d in docs.items() if u.removeprefix(base) in failed or u in failed)
    assert took < 60


def test_bombs_are_stopped_at_the_cap_with_flat_memory(hosts):
    from extractors.reading import fetch_url

    _sites, urls = hosts
    settings = SETTINGS.model_copy(update={"max_bytes": 50_000_000, "response_timeout": 30.0})
    with RssPeak() as rss:
        for path in ("/bomb.html", "/bomb-length.html"):
            fetched = fetch_url(f"{urls['ok']}{path}", settings)
            assert fetched.error_code == "too_large" and "inflated" in fetched.error, fetched.error
    grown = (rss.peak - rss.before) / 1e6
    print(f"bomb fetch: RSS {rss.before / 1e6:.0f} MB before, peak {rss.peak / 1e6:.0f} MB")
    assert grown < 200, grown  # 1 GiB inflated each, never held: at most the 50 MB cap (twice) and a piece


def test_crawl_stops_at_max_seconds_and_reports_it(prefect_server, hosts, tmp_path):
    from flows.crawl import crawl_flow

    _sites, urls = hosts
    source = CrawlSource(name="slow", start_urls=[f"{urls['ok']}/index.html"], max_depth=1, max_seconds=0.5,
                         delay=0.2)
    crawl_flow(sources=[source], out=str(tmp_path), settings=SETTINGS.model_copy(update={"crawl_delay": 0.2}))
    report = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))["crawl"]
    [stop] = report["stopped"]
    assert stop["source"] == "slow" and "max_seconds 0.5" in stop["reason"] and stop["not_fetched"] > 10
    assert report["gone"] == []


def test_kill_resume_and_lock(prefect_server, hosts, tmp_path, capsys):
    """A crawl in another process: a second crawl on its state is refused; SIGKILL; the resumed crawl goes on."""
    from prefect.settings import PREFECT_API_URL

    from flows.cli import main

    sites, urls = hosts
    site = sites["ok"]
    out, state = tmp_path / "out", tmp_path / "out" / "crawl-state.sqlite"
    include = r"^/(index|page|same\d|print|article|noindex|ni-target|ordinance|list|xrobots-other|xo-target)"
    sources = tmp_path / "sources.toml"
    sources.write_text(f'delay = 0.4\n[[source]]\nname = "kill"\nstart_urls = ["{urls["ok"]}/index.html"]\n'
                       f"include = ['{include}']\nmax_depth = 2\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PREFECT_API_URL": PREFECT_API_URL.value()}
    child = subprocess.Popen([sys.executable, "-m", "flows.cli", "crawl", "--sources", str(sources), "--out", str(out),
                              "--quiet"], env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    rss = RssPeak(child.pid).__enter__()
    try:
        finished: list[str] = []
        for _ in range(1200):  # up to two minutes on a busy machine
            time.sleep(0.1)
            assert child.poll() is None, child.stderr.read().decode()
            if state.exists():
                with sqlite3.connect(f"file:{state}?mode=ro", uri=True) as db:
                    try:
                        finished = [r[0] for r in db.execute("SELECT url FROM pages")]
                    except sqlite3.OperationalError:
                        continue
            if len(finished) >= 3:
                break
        assert len(finished) >= 3
        # a second crawl on the same state file says so in one line and stops
        assert main(["crawl", "--sources", str(sources), "--out", str(out), "--quiet"]) == 3
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "another crawl" in err[0] and str(child.pid) in err[0]
    finally:
        rss.__exit__()
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    print(f"killed crawl process: peak RSS {rss.peak / 1e6:.0f} MB")
    assert rss.peak < 1e9
    with sqlite3.connect(state) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        done = {r[0] for r in db.execute("SELECT url FROM pages WHERE status IN ('ok', 'failed')")}
        assert db.execute("SELECT COUNT(*) FROM crawls WHERE finished IS NULL").fetchone() == (1,)
    assert done
    killed = len(site.log)
    assert main(["crawl", "--sources", str(sources), "--out", str(out), "--quiet"]) == 0
    again = {urls["ok"] + h.path for h in site.requests(killed)}
    assert not again & done  # nothing the killed crawl finished is fetched again
    report = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["crawl"]
    assert report["resumed_from"] and report["counts"]["gone"] == 0
    docs = {d["uri"] for d in read_jsonl(out / "documents.jsonl")}
    base = urls["ok"]
    assert docs >= {f"{base}/{p}" for p in ("index.html", "page.html", "same1.html", "article.html", "noindex.html",
                                            "ni-target.html", "ordinance.html", "xrobots-other.html")}
    records = read_jsonl(out / "records.jsonl")
    assert any(e["uri"] == f"{base}/ordinance.html" for r in records for e in r["sources"])


@pytest.mark.parametrize("meta, header, noindex, nofollow", [
    (["noindex"], None, True, False),
    (["NOFOLLOW"], None, False, True),
    (["none"], None, True, True),
    (["noindex nofollow"], None, True, True),
    (["index, follow"], None, False, False),
    ([], "noindex", True, False),
    ([], "chusho-extract: nofollow", False, True),
    ([], "otherbot: noindex, nofollow", False, False),
    ([], "otherbot: noindex, chusho-extract: nofollow", False, True),
    ([], "unavailable_after: 25 Jun 2010 15:00:00 PST, noindex", True, False),
])
def test_page_rules(meta, header, noindex, nofollow):
    from extractors.crawling import page_rules

    rules = page_rules(meta, header, SETTINGS.user_agent)
    assert (rules.noindex, rules.nofollow) == (noindex, nofollow)


@pytest.mark.parametrize("url, pattern", [
    ("http://a.jp/cal.php?y=2024&m=5", "a.jp/cal.php?m=*&y=*"),
    ("http://a.jp/event/2024/05/01.html", "a.jp/event/N/N/N.html"),
    ("http://a.jp/reiki/g108RG00000247.html", "a.jp/reiki/gNRGN.html"),
    ("http://a.jp/news/", "a.jp/news/"),
])
def test_url_pattern(url, pattern):
    from extractors.crawling import url_pattern

    assert url_pattern(url) == pattern


def test_pattern_cap():
    from extractors.crawling import PatternCap

    cap = PatternCap(2)
    urls = [f"http://a.jp/cal.php?m={m}&y=2024" for m in range(1, 6)] + ["http://a.jp/other.html"]
    assert [cap.admit(u) for u in urls] == [True, True, False, False, False, True]
    assert cap.refused == {"a.jp/cal.php?m=*&y=*": 3}
