"""A small municipal web site on a real HTTP server (127.0.0.1), with a request log.

Serves Shift_JIS pages, linked PDFs, a robots.txt with a disallowed path and a
Crawl-delay, ETag/Last-Modified validators answered with 304, a page that fails
with 500 once, a 429 with Retry-After once, a 404, a link to another host, a
redirect loop, a redirect off-site and an oversized file. Every request is
logged with its arrival and end times, so tests can check politeness from the
server's side.
"""
from __future__ import annotations

import hashlib
import http.server
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate, parsedate_to_datetime

from tests.conftest import SAMPLES

LAST_MODIFIED = formatdate(1_700_000_000, usegmt=True)
CRAWL_DELAY = 0.3


@dataclass
class Hit:
    start: float
    end: float
    path: str
    status: int
    headers: dict[str, str]


@dataclass
class Resource:
    body: bytes
    content_type: str
    status: int = 200
    location: str | None = None
    fail_first: int | None = None  # answer this status to the first request, then serve normally
    retry_after: str | None = None
    hits: int = 0


@dataclass
class RequestLog:
    """A test site's base URL and the requests it answered (appended under `lock` by its handler)."""

    log: list = field(default_factory=list)
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def requests(self, since: int = 0) -> list:
        with self.lock:
            return list(self.log[since:])


@dataclass
class Site(RequestLog):
    resources: dict[str, Resource] = field(default_factory=dict)


def _handler(site: Site):
    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):  # noqa: N802
            start = time.monotonic()
            status = self._answer()
            with site.lock:
                site.log.append(Hit(start, time.monotonic(), self.path, status, dict(self.headers.items())))

        def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None) -> int:
            self.send_response(status)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if body:
                self.wfile.write(body)
            return status

        def _answer(self) -> int:
            res = site.resources.get(self.path.split("?")[0])
            if res is None:
                return self._send(404, b"<html><body>Not Found</body></html>", {"Content-Type": "text/html"})
            res.hits += 1
            if res.fail_first and res.hits == 1:
                extra = {"Retry-After": res.retry_after} if res.retry_after else {}
                return self._send(res.fail_first, b"busy", {"Content-Type": "text/plain", **extra})
            if res.location:
                return self._send(res.status, b"", {"Location": res.location})
            etag = '"' + hashlib.sha256(res.body).hexdigest()[:16] + '"'
            validators = {"ETag": etag, "Last-Modified": LAST_MODIFIED}
            if self.headers.get("If-None-Match") == etag:
                return self._send(304, b"", validators)
            since = self.headers.get("If-Modified-Since")
            if since and not self.headers.get("If-None-Match") and \
                    parsedate_to_datetime(since) >= parsedate_to_datetime(LAST_MODIFIED):
                return self._send(304, b"", validators)
            return self._send(res.status, res.body, {"Content-Type": res.content_type, **validators})

    return Handler


def _page(title: str, links: list[str], body: str = "") -> bytes:
    anchors = "".join(f'<li><a href="{href}">{text}</a></li>' for href, text in links)
    html = (f"<html><head><title>{title}</title></head><body><main><h1>{title}</h1><p>{body}</p>"
            f"<ul>{anchors}</ul></main></body></html>")
    return html.encode("cp932")


def build_site(other_host: str, big_bytes: int) -> dict[str, Resource]:
    sjis = "text/html; charset=Shift_JIS"
    index_links = [
        ("summits.html", "中小企業都市サミット"), ("/ordinance.html", "条例"), ("docs/decl.pdf", "川口宣言(PDF)"),
        ("/private/secret.html", "内部"), ("flaky.html", "協定"), ("busy.html", "お知らせ"),
        ("missing.pdf", "資料(PDF)"), ("loop1.html", "ループ"), ("big.pdf", "大きな資料"),
        (f"{other_host}/page.html", "他のサイト"), ("away.html", "移転"), ("logo.png", "ロゴ"),
        ("docs/deep.html", "資料一覧"), ("index.html#top", "先頭へ"),
    ]
    return {
        "/robots.txt": Resource(f"User-agent: *\nDisallow: /private/\nCrawl-delay: {CRAWL_DELAY}\n".encode(),
                                "text/plain"),
        "/index.html": Resource(_page("中小企業振興のページ", index_links, "市の中小企業施策をご案内します。"), sjis),
        "/summits.html": Resource((SAMPLES / "000_okaya.html").read_bytes(), sjis),
        "/ordinance.html": Resource((SAMPLES / "ordinance_02_enacted.html").read_bytes(), sjis),
        "/docs/decl.pdf": Resource((SAMPLES / "001_kawaguchi.pdf").read_bytes(), "application/pdf"),
        "/docs/deep.html": Resource(_page("資料一覧", [("deeper.html", "さらに")]), sjis),
        "/docs/deeper.html": Resource(_page("さらに深いページ", []), sjis),
        "/private/secret.html": Resource(_page("内部資料", []), sjis),
        "/flaky.html": Resource((SAMPLES / "agreement_01_city_release.html").read_bytes(), "text/html", fail_first=500),
        "/busy.html": Resource(_page("お知らせ", [], "中小企業の皆様へのお知らせです。"), sjis, fail_first=429,
                               retry_after="1"),
        "/loop1.html": Resource(b"", "text/html", status=302, location="/loop2.html"),
        "/loop2.html": Resource(b"", "text/html", status=302, location="/loop1.html"),
        "/away.html": Resource(b"", "text/html", status=301, location=f"{other_host}/moved.html"),
        "/big.pdf": Resource(b"%PDF-1.4\n" + b"0" * big_bytes, "application/pdf"),
        "/logo.png": Resource(b"\x89PNG\r\n", "image/png"),
    }


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that hangs up on an oversized answer is expected here


class Server:
    """`with Server(site) as url:` serves the site on 127.0.0.1 on a free port."""

    def __init__(self, site, handler=None, server_class=None):
        self.site = site
        self.httpd = (server_class or _QuietServer)(("127.0.0.1", 0), handler or _handler(site))
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        self.site.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        return self.site.url

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()
