"""A deliberately hostile web site on a real threaded HTTP server (127.0.0.1), with a request log.

Every misbehaviour the crawl must survive, each on its own path:

- one page under many URLs: session ids (`;jsessionid=`, `PHPSESSID`, `sid`),
  tracking parameters (`utm_*`, `fbclid`, `gclid`), a fragment, an upper-case
  scheme and host, the default port's absence, query parameters in another
  order; two URLs with the same bytes; a print view naming its article
  `<link rel="canonical">`;
- `<meta name="robots" content="nofollow">` and `noindex`, `X-Robots-Tag`
  headers (ours and another robot's);
- a calendar trap (every month links the next, every day of it a page);
- responses that trickle (a byte every 50 ms, headers or body), gzip bombs
  (with and without a Content-Length, which is the compressed size), a body
  with no length at all, a Content-Length longer than the body, a
  connection reset, redirects to ftp:, file: and to https: on a port that
  speaks plain HTTP (a TLS error);
- robots.txt answered 503, 404, or over 500 KB (`robots=` of the server).

Everything stops by itself: a trickle or a bomb ends after a bounded time or
size, and a write to a client that hung up ends the handler.
"""
from __future__ import annotations

import http.server
import socket
import struct
import time
import zlib
from dataclasses import dataclass

from tests.conftest import SAMPLES
from tests.site import RequestLog, Server

SJIS = "text/html; charset=Shift_JIS"
TRICKLE_EVERY = 0.05  # seconds between the bytes of a trickling response
TRICKLE_FOR = 20.0  # a trickle gives up after this long, whoever is listening
BOMB_BYTES = 1 << 30  # what a gzip bomb inflates to (1 GiB)
CALENDAR_MONTHS = 40  # the calendar's length: far more than any cap in the tests


@dataclass
class Hit:
    start: float
    end: float
    path: str
    status: int


@dataclass
class HostileSite(RequestLog):
    robots: str = "ok"  # ok, 503, 404 or huge

    def paths(self, since: int = 0) -> list[str]:
        return [h.path for h in self.requests(since)]


def page(title: str, links: list[str] = (), body: str = "", head: str = "") -> bytes:
    anchors = "".join(f'<li><a href="{href}">{href}</a></li>' for href in links)
    return (f"<html><head><title>{title}</title>{head}</head><body><main><h1>{title}</h1><p>{body}</p>"
            f"<ul>{anchors}</ul></main></body></html>").encode("cp932")


def ordinance() -> bytes:
    return (SAMPLES / "ordinance_02_enacted.html").read_bytes()


def index_links(port: int) -> list[str]:
    same = [  # one page, seven URLs
        "/page.html", "/page.html;jsessionid=0123ABCD", "/page.html?PHPSESSID=deadbeef",
        "/page.html?utm_source=mail&utm_medium=news", "/page.html?fbclid=xyz&gclid=abc#top",
        f"HTTP://127.0.0.1:{port}/page.html?sid=77", "/page.html#section-2",
    ]
    return same + [
        "/list.php?b=2&a=1", "/list.php?a=1&b=2",  # parameters in another order
        "/same1.html", "/same2.html",  # two URLs, the same bytes
        "/print.html", "/article.html",  # the print view names the article canonical
        "/nofollow.html", "/noindex.html", "/xrobots-noindex.html", "/xrobots-nofollow.html", "/xrobots-other.html",
        "/cal/2024/01.html",
        "/trickle.html", "/trickle-headers.html", "/bomb.html", "/bomb-length.html", "/unsized.html",
        "/short.html", "/reset.html", "/to-ftp.html", "/to-file.html", "/to-https.html",
        "/ordinance.html",
    ]


_GZIP_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"


def _deflated_block() -> tuple[bytes, bytes]:
    """One MiB of zeros deflated and fully flushed (so the same bytes again deflate it again), and the end."""
    squeeze = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = squeeze.compress(bytes(1 << 20)) + squeeze.flush(zlib.Z_FULL_FLUSH)
    return block, squeeze.flush()


def _gzip_bomb(total: int):
    """The pieces of a gzip body that inflates to `total` zero bytes (~1 KB sent per MiB inflated).

    Its trailer's CRC is not computed: no client should read that far.
    """
    block, end = _deflated_block()
    yield _GZIP_HEADER
    for _ in range(total >> 20):
        yield block
    yield end + b"\0\0\0\0" + struct.pack("<I", total & 0xFFFFFFFF)


def _bomb_length(total: int) -> int:
    block, end = _deflated_block()
    return len(_GZIP_HEADER) + len(block) * (total >> 20) + len(end) + 8


class _Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    site: HostileSite
    bomb_length: int

    def log_message(self, *args):
        pass

    def do_GET(self):  # noqa: N802
        start = time.monotonic()
        status = 0
        try:
            status = self._answer()
        except (BrokenPipeError, ConnectionResetError):
            status = status or -1  # the client hung up: expected for a trickle or a bomb
        finally:
            with self.site.lock:
                self.site.log.append(Hit(start, time.monotonic(), self.path, status))

    def _send(self, status: int, body: bytes = b"", headers: dict[str, str] | None = None,
              length: bool = True) -> int:
        self.send_response(status)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if body:
            self.wfile.write(body)
        return status

    def _redirect(self, to: str) -> int:
        return self._send(302, b"", {"Location": to})

    def _answer(self) -> int:
        port = self.server.server_address[1]
        path = self.path.split("#")[0]
        bare = path.split("?")[0].split(";")[0]
        html = {"Content-Type": SJIS}
        if path == "/robots.txt":
            return self._robots()
        if bare == "/index.html":
            return self._send(200, page("ホスタイルな市", index_links(port)), html)
        if bare == "/page.html":
            return self._send(200, page("一つのページ", [], "中小企業のご案内"), html)
        if bare == "/list.php":
            return self._send(200, page("一覧", [], "一覧です"), html)
        if bare in ("/same1.html", "/same2.html"):
            return self._send(200, page("同じ内容", [], "同じバイト列"), html)
        if bare == "/print.html":
            return self._send(200, page("条例(印刷用)", [], "印刷用のページ",
                                        head='<link rel="canonical" href="/article.html">'), html)
        if bare == "/article.html":
            return self._send(200, page("条例", [], "記事のページ"), html)
        if bare == "/nofollow.html":
            return self._send(200, page("リンクをたどらない", ["/nf-target.html"],
                                        head='<meta name="robots" content="nofollow">'), html)
        if bare == "/noindex.html":
            body = ordinance().replace(b"<head>", b'<head><meta name="ROBOTS" content="noindex, follow">', 1)
            body = body.replace(b"</body>", b'<a href="/ni-target.html">next</a></body>', 1)
            return self._send(200, body, html)
        if bare == "/xrobots-noindex.html":
            return self._send(200, ordinance(), {**html, "X-Robots-Tag": "noindex"})
        if bare == "/xrobots-nofollow.html":
            return self._send(200, page("ヘッダーで", ["/xr-target.html"]),
                              {**html, "X-Robots-Tag": "chusho-extract: nofollow"})
        if bare == "/xrobots-other.html":
            return self._send(200, page("他のロボット向け", ["/xo-target.html"]),
                              {**html, "X-Robots-Tag": "otherbot: noindex, nofollow"})
        if bare in ("/nf-target.html", "/ni-target.html", "/xr-target.html", "/xo-target.html",
                    "/early/a.html", "/late/a.html", "/free.html"):
            return self._send(200, page(bare, [], "リンク先"), html)
        if bare == "/ordinance.html":
            return self._send(200, ordinance(), html)
        if bare.startswith("/cal/"):
            return self._calendar(bare)
        if bare == "/event.php":
            return self._send(200, page(f"行事 {path}", [], "行事"), html)
        if bare == "/trickle.html":
            return self._trickle_body()
        if bare == "/trickle-headers.html":
            return self._trickle_headers()
        if bare in ("/bomb.html", "/bomb-length.html"):
            return self._bomb(with_length=bare == "/bomb-length.html")
        if bare == "/unsized.html":  # 3 MB of page with no Content-Length at all
            self._send(200, b"", html, length=False)
            for _ in range(3 * 64):
                self.wfile.write(b"<p>" + b"x" * (16 * 1024 - 7) + b"</p>\n")
            return 200
        if bare == "/short.html":  # promises 100 000 bytes, sends 50, hangs up
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"<html><body>" + b"y" * 38)
            self.wfile.flush()
            self.close_connection = True
            return 200
        if bare == "/reset.html":  # a reset instead of an answer
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            self.connection.close()
            return 0
        if bare == "/to-ftp.html":
            return self._redirect("ftp://127.0.0.1/pub/file.pdf")
        if bare == "/to-file.html":
            return self._redirect("file:///etc/passwd")
        if bare == "/to-https.html":
            return self._redirect(f"https://127.0.0.1:{port}/page.html")
        return self._send(404, b"<html><body>Not Found</body></html>", html)

    def _robots(self) -> int:
        mode = self.site.robots
        if mode == "503":
            return self._send(503, b"busy", {"Content-Type": "text/plain"})
        if mode == "404":
            return self._send(404, b"none", {"Content-Type": "text/plain"})
        body = b"User-agent: *\nDisallow: /private/\nDisallow: /early/\n"
        if mode == "huge":  # the last rule sits past 500 KB: a crawler reads no further
            body += b"# padding\n" * 60_000 + b"Disallow: /late/\n"
        return self._send(200, body, {"Content-Type": "text/plain"})

    def _calendar(self, bare: str) -> int:
        try:
            year, month = (int(x) for x in bare.removeprefix("/cal/").removesuffix(".html").split("/"))
        except ValueError:
            return self._send(404, b"no such month", {"Content-Type": "text/plain"})
        index = year * 12 + month - 1 + 1
        nxt = f"/cal/{index // 12}/{index % 12 + 1:02d}.html"
        days = [f"/event.php?date={year}{month:02d}{d:02d}" for d in range(1, 29)]
        links = ([nxt] if index < 2024 * 12 + CALENDAR_MONTHS else []) + days
        return self._send(200, page(f"{year}年{month}月の行事", links, "行事予定"), {"Content-Type": SJIS})

    def _trickle_body(self) -> int:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "100000")
        self.end_headers()
        self.wfile.flush()
        ends = time.monotonic() + TRICKLE_FOR
        while time.monotonic() < ends:
            self.wfile.write(b"<")
            self.wfile.flush()
            time.sleep(TRICKLE_EVERY)
        self.close_connection = True
        return 200

    def _trickle_headers(self) -> int:
        ends = time.monotonic() + TRICKLE_FOR
        self.wfile.write(b"HTTP/1.1 200 OK\r\n")
        while time.monotonic() < ends:
            self.wfile.write(b"X-Slow: a\r\n")
            self.wfile.flush()
            time.sleep(TRICKLE_EVERY)
        self.close_connection = True
        return 200

    def _bomb(self, with_length: bool) -> int:
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Encoding", "gzip")
        if with_length:  # the truth about the compressed bytes: small, far under any cap
            self.send_header("Content-Length", str(self.bomb_length))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        for piece in _gzip_bomb(BOMB_BYTES):
            self.wfile.write(piece)
        return 200


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # resets, hang-ups and TLS hellos spoken to plain HTTP are the point here


class HostileServer(Server):
    """`with HostileServer(site) as url:` serves the site on 127.0.0.1 on a free port."""

    _bomb_length: int | None = None

    def __init__(self, site: HostileSite):
        if HostileServer._bomb_length is None:
            HostileServer._bomb_length = _bomb_length(BOMB_BYTES)
        handler = type("Handler", (_Handler,), {"site": site, "bomb_length": HostileServer._bomb_length})
        super().__init__(site, handler, _QuietServer)

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]
