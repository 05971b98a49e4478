"""Sources to bytes: local files, folders and http(s) URLs to `Fetched`.

`discover_sources` expands folders (recursively) into the files they hold;
`fetch_source` reads one source and never raises: a missing file, an
unreachable host or an HTTP error becomes a `Fetched` with `error` set.
`fetch_url` holds a hostile server to its limits: a deadline per response (a
timer shuts the socket), a size cap counted after decompression, redirects
vetted hop by hop, and transport faults (DNS, TLS, resets) named in the error.
The HTTP client (httpx, with its own command line's click and rich: 0.1 s) is
imported by `fetch_url`, when a URL is fetched: a run of local files, and a
rerun answered from the whole-run cache, never import it.
"""
from __future__ import annotations

import mimetypes
import socket
import ssl
import struct
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

from extractors.reading.paths import local_path, portable
from extractors.settings import Settings
from schemas.document import Fetched

if TYPE_CHECKING:
    import httpx

# Files a folder walk picks up; anything else in a folder (notes, expected texts,
# gold files) is left alone. A file named on the command line is always read,
# whatever its name (plain .txt included).
DOCUMENT_SUFFIXES = {".pdf", ".html", ".htm", ".xhtml"}


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def discover_sources(inputs: list[str]) -> list[str]:
    """Files, folders and URLs -> the sorted, de-duplicated list of files and URLs to read.

    A file whose name is not UTF-8 is given as its `file:` URI (`extractors.reading.paths`)."""
    found: list[str] = []
    for item in inputs:
        if is_url(item):
            found.append(item)
            continue
        path = Path(local_path(item))
        if path.is_dir():
            found.extend(
                portable(p) for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith(".")
            )
        else:
            found.append(portable(path))  # a missing file is reported by fetch_source
    seen: set[str] = set()
    return [s for s in found if not (s in seen or seen.add(s))]


def _media_type_from_name(name: str) -> str | None:
    return mimetypes.guess_type(name)[0]


def fetch_file(path: str, settings: Settings) -> Fetched:
    p = Path(local_path(path))
    uri = p.resolve().as_uri() if p.exists() else path
    try:
        size = p.stat().st_size
        if size > settings.max_bytes:
            return Fetched(uri=uri, error=f"file is {size} bytes, over the limit of {settings.max_bytes}",
                           error_code="too_large")
        content = p.read_bytes()
    except FileNotFoundError:
        return Fetched(uri=uri, error=f"no such file: {path}", error_code="not_found")
    except IsADirectoryError:
        return Fetched(uri=uri, error=f"is a directory: {path}", error_code="not_found")
    except PermissionError:
        return Fetched(uri=uri, error=f"permission denied: {path}", error_code="unreadable")
    except OSError as exc:
        return Fetched(uri=uri, error=f"cannot read {path}: {exc.strerror or exc}", error_code="unreadable")
    return Fetched(uri=uri, content=content, media_type=_media_type_from_name(p.name))


def _split_content_type(value: str | None) -> tuple[str | None, str | None]:
    if not value:
        return None, None
    media_type, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.strip().partition("=")
        if key.lower() == "charset" and val:
            charset = val.strip().strip("\"'")
    return media_type.strip().lower() or None, charset


_REDIRECTS = {301, 302, 303, 307, 308}

# Transport faults: the server could not be reached or broke off; a crawl keeps a last good copy over these.
TRANSPORT_ERRORS = {"unreachable", "dns_error", "tls_error", "connection_reset", "protocol_error"}
_PIECE = 64 * 1024  # most bytes inflated from a compressed body in one step


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, (when - datetime.now(timezone.utc)).total_seconds())


class _Watchdog:
    """The deadline of one fetch: when it passes, the fetch's sockets are shut down.

    A per-read timeout never fires when a server trickles a byte every few
    seconds; shutting the socket down from a timer thread wakes the blocked
    read at once, whatever phase (headers or body) the response is in. The
    sockets are caught as they connect (httpcore's `trace` extension) and, for
    a connection the client reused, from the response. It tells whether the
    answer was still arriving when it fired (`trickled`): such a server would be
    cut off again at the same deadline, so that is `too_slow`, not retried; a
    silent one is a `timeout`, worth another try. Its clock stops while the
    crawl's politeness gate holds the request back (`paused`).
    """

    def __init__(self, seconds: float, quiet: float):
        self.seconds = seconds
        self.quiet = quiet  # the per-read timeout: a read that long without a byte fails by itself
        self.expired = False
        self.trickled = False  # it expired while the answer was still arriving
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._left = seconds
        self._started = 0.0
        self._timer: threading.Timer | None = None
        self._receiving: float | None = None  # when the current receive phase (headers, body) began
        self._last_byte: float | None = None

    def _arm(self) -> None:
        self._started = time.monotonic()
        self._timer = threading.Timer(max(0.0, self._left), self._fire)
        self._timer.daemon = True
        self._timer.start()

    def __enter__(self) -> "_Watchdog":
        self._arm()
        return self

    def __exit__(self, *exc) -> None:
        self._timer.cancel()

    @contextmanager
    def paused(self):
        """The deadline's clock stopped: a wait at the crawl's politeness gate is not the server's time."""
        with self._lock:
            self._timer.cancel()
            self._left -= time.monotonic() - self._started
        try:
            yield
        finally:
            with self._lock:
                if not self.expired:
                    self._arm()

    def trace(self, event: str, info: dict) -> None:
        if event in ("connection.connect_tcp.complete", "connection.start_tls.complete"):
            stream = info.get("return_value")
            if stream is not None:
                self.watch(stream.get_extra_info("socket"))
        elif event.endswith("receive_response_headers.started"):
            self._receiving, self._last_byte = time.monotonic(), None
        elif event.endswith("receive_response_headers.complete"):
            self._receiving = self._last_byte = time.monotonic()

    def arrived(self) -> None:
        """Bytes of the body came in."""
        self._last_byte = time.monotonic()

    def watch(self, sock) -> None:
        if sock is None:
            return
        with self._lock:
            self._sockets.append(sock)
            if self.expired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            # Still arriving: bytes came in lately (the kernel's count for the socket, or the body's pieces),
            # or a receive phase has lasted longer than one read may wait without a byte (so each got one).
            now, lately = time.monotonic(), self.quiet / 2
            self.trickled = any(_silent_for(sock) < lately for sock in self._sockets) or (
                self._last_byte is not None and now - self._last_byte < lately) or (
                self._receiving is not None and now - self._receiving >= self.quiet)
            self.expired = True
            for sock in self._sockets:
                _shut(sock)


def _silent_for(sock) -> float:
    """Seconds since the socket last received data (Linux TCP_INFO's tcpi_last_data_recv); inf if not told."""
    try:
        info = sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 104)
        return struct.unpack_from("I", info, 52)[0] / 1000  # struct tcp_info: 8 bytes of flags, 11 u32 before it
    except (AttributeError, OSError, struct.error):
        return float("inf")


def _shut(sock) -> None:
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed


class _BodyError(Exception):
    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


def _inflated(raw: Iterator[bytes], encoding: str | None) -> Iterator[bytes]:
    """The body's bytes with its Content-Encoding undone, lazily, in pieces of at most `_PIECE` bytes.

    Inflating piece by piece (zlib's `max_length`) lets the size cap stop a
    compression bomb after a few kilobytes of it; nothing is held beyond the
    piece being counted.
    """
    stream = raw
    codings = [c.strip().lower() for c in (encoding or "").split(",") if c.strip()]
    for coding in reversed(codings):  # the last coding applied is undone first
        stream = _inflate_one(stream, coding)
    return stream


def _inflate_one(stream: Iterator[bytes], coding: str) -> Iterator[bytes]:
    if coding == "identity":
        yield from stream
        return
    if coding not in ("gzip", "x-gzip", "deflate"):
        raise _BodyError(f"unsupported Content-Encoding {coding!r}", "bad_encoding")
    wbits = 31 if coding != "deflate" else 15
    inflater = zlib.decompressobj(wbits)
    started = False
    for chunk in stream:
        data = chunk
        while data and not inflater.eof:
            try:
                piece = inflater.decompress(data, _PIECE)
            except zlib.error as exc:
                if coding == "deflate" and not started:  # raw deflate, without the zlib wrapper
                    inflater, wbits, started = zlib.decompressobj(-15), -15, True
                    continue
                raise _BodyError(f"the {coding} body is corrupt ({exc})", "bad_encoding") from None
            started = True
            if piece:
                yield piece
            data = inflater.unconsumed_tail
            while not data and len(piece) == _PIECE and not inflater.eof:  # output still pending
                piece = inflater.decompress(b"", _PIECE)
                if piece:
                    yield piece
    if started and not inflater.eof:
        raise _BodyError(f"the {coding} body ends early (cut off, or a wrong Content-Length)", "truncated")


def _transport_error(exc: BaseException, url: str) -> tuple[str, str]:
    """A clear message and code for a failed connection or exchange, from the exception's causes."""
    import httpx  # (imported by fetch_url, which alone calls this)

    chain, seen = [], exc
    while seen is not None and len(chain) < 10:
        chain.append(seen)
        seen = seen.__cause__ or seen.__context__
    host = urlsplit(url).hostname or url
    for e in chain:
        if isinstance(e, socket.gaierror):
            return f"DNS lookup failed for {host}: {e}", "dns_error"
        if isinstance(e, (ssl.SSLError, ssl.CertificateError)):
            return f"TLS error with {host}: {e}", "tls_error"
        if isinstance(e, ConnectionResetError):
            return f"connection reset by {host} ({url})", "connection_reset"
        if isinstance(e, ConnectionRefusedError):
            return f"unreachable: connection refused by {host} ({url})", "unreachable"
    if isinstance(exc, httpx.UnsupportedProtocol):
        return f"not an http(s) URL: {url}", "unsupported_scheme"
    if isinstance(exc, httpx.RemoteProtocolError):
        return f"the server broke off or broke the HTTP protocol: {url} ({exc})", "protocol_error"
    return f"unreachable: {url} ({str(exc) or type(exc).__name__})", "unreachable"


def fetch_url(url: str, settings: Settings, headers: dict[str, str] | None = None,
              client: httpx.Client | None = None, allow: Callable[[str], str | None] | None = None,
              before_request: Callable[[str], None] | None = None,
              after_request: Callable[[str], None] | None = None, cut_at: int | None = None) -> Fetched:
    """GET a URL with the project's User-Agent, timeouts, a redirect cap and a size cap.

    Redirects are followed here, hop by hop, so that a crawl can vet each one:
    `allow(url)` gives a reason to refuse a URL (off-site, disallowed by
    robots.txt) or None; `before_request(url)` and `after_request(url)` run
    around every request (the crawl's per-host politeness gate). A redirect
    loop or a redirect to anything but http(s) is an error.

    Limits: `http_timeout` per read, `response_timeout` for the whole fetch
    (redirects included; a trickling server is cut off then), `max_bytes` of
    the body after its Content-Encoding is undone (counted as it streams, so a
    compression bomb or a lying Content-Length is stopped at the cap). With
    `cut_at`, a longer body is cut there instead of refused (robots.txt).
    """
    import httpx  # lazy: only a URL needs the HTTP client (see the module's docstring)

    own = client is None
    client = client or httpx.Client(follow_redirects=False, timeout=settings.http_timeout,
                                    headers={"User-Agent": settings.user_agent})
    current, seen = url, {url}
    try:
        with _Watchdog(settings.response_timeout, settings.http_timeout) as watchdog:
            try:
                return _follow(client, url, headers, settings, allow, before_request, after_request, cut_at,
                               watchdog, seen)
            except (httpx.HTTPError, _BodyError, OSError) as exc:
                current = getattr(exc, "current", current)
                if watchdog.expired:
                    return _timed_out(url, settings, watchdog)
                if isinstance(exc, httpx.TimeoutException):
                    return Fetched(uri=url, error=f"timed out after {settings.http_timeout:g} s without data: "
                                   f"{getattr(exc, 'url', None) or url}", error_code="timeout")
                if isinstance(exc, _BodyError):
                    return Fetched(uri=url, error=f"{exc} ({url})", error_code=exc.code)
                message, code = _transport_error(exc, getattr(exc, "url", None) or url)
                return Fetched(uri=url, error=message, error_code=code)
    finally:
        if own:
            client.close()


def _timed_out(url: str, settings: Settings, watchdog: _Watchdog) -> Fetched:
    if watchdog.trickled:
        return Fetched(uri=url, error=f"the response was still arriving, too slowly, at the limit of "
                       f"{settings.response_timeout:g} s and was abandoned (not tried again: it would be cut off "
                       f"again): {url}", error_code="too_slow")
    return Fetched(uri=url, error=f"the response took longer than the limit of {settings.response_timeout:g} s "
                   f"and was abandoned: {url}", error_code="timeout")


def _follow(client, url, headers, settings, allow, before_request, after_request, cut_at, watchdog,
            seen) -> Fetched:
    import httpx  # (imported by fetch_url, which alone calls this)

    current = url
    for _hop in range(settings.max_redirects + 1):
        if before_request:
            with watchdog.paused():
                before_request(current)
        try:
            fetched, target = _one_request(client, url, current, headers, settings, cut_at, watchdog)
        except (httpx.HTTPError, _BodyError, OSError) as exc:
            exc.url = current  # type: ignore[attr-defined]  (which hop failed, for the message)
            raise
        finally:
            if after_request:
                after_request(current)
        if watchdog.expired:
            return _timed_out(url, settings, watchdog)
        if target is None:
            return fetched
        if target in seen:
            return Fetched(uri=url, final_uri=current, status_code=fetched.status_code,
                           error=f"redirect loop: {current} redirects back to {target}", error_code="redirect_loop")
        scheme = urlsplit(target).scheme.lower()
        reason = f"not http(s) ({scheme}:)" if scheme not in ("http", "https") else allow(target) if allow else None
        if reason:
            return Fetched(uri=url, final_uri=current, status_code=fetched.status_code,
                           error=f"redirect to {target} not followed: {reason}", error_code="redirect_refused")
        seen.add(target)
        current = target
    return Fetched(uri=url, final_uri=current, error=f"more than {settings.max_redirects} redirects from {url}",
                   error_code="too_many_redirects")


def _one_request(client: httpx.Client, url: str, current: str, headers: dict[str, str] | None,
                 settings: Settings, cut_at: int | None, watchdog: _Watchdog) -> tuple[Fetched | None, str | None]:
    """GET `current`: (the answer, None), or (a stub with the status, the redirect target)."""
    sent = {"Accept-Encoding": "gzip, deflate", **(headers or {})}  # only codings inflated here, piece by piece
    with client.stream("GET", current, headers=sent, follow_redirects=False,
                       extensions={"trace": watchdog.trace}) as resp:
        stream = resp.extensions.get("network_stream")
        if stream is not None:
            watchdog.watch(stream.get_extra_info("socket"))
        if resp.status_code in _REDIRECTS and resp.headers.get("location"):
            target = urljoin(current, resp.headers["location"].strip()).split("#")[0]
            return Fetched(uri=url, status_code=resp.status_code, error="redirect", error_code="redirect"), target
        return _read_response(url, current, resp, settings, cut_at, watchdog), None


def _read_response(url: str, final: str, resp: httpx.Response, settings: Settings, cut_at: int | None,
                   watchdog: _Watchdog) -> Fetched:
    media_type, charset = _split_content_type(resp.headers.get("content-type"))
    robots_tag = ", ".join(resp.headers.get_list("x-robots-tag")) or None
    common = dict(uri=url, final_uri=final if final != url else None, status_code=resp.status_code,
                  media_type=media_type, charset=charset, etag=resp.headers.get("etag"),
                  last_modified=resp.headers.get("last-modified"), robots_tag=robots_tag)
    if resp.status_code == 304:
        return Fetched(**common, error="not modified since the last fetch", error_code="not_modified")
    if resp.status_code >= 400:
        return Fetched(**common, error=f"HTTP {resp.status_code} {resp.reason_phrase} for {final}",
                       error_code=f"http_{resp.status_code}", retry_after=_retry_after(resp.headers.get("retry-after")))
    limit = cut_at or settings.max_bytes
    declared = resp.headers.get("content-length", "").strip()
    if not cut_at and declared.isdigit() and int(declared) > limit:
        return Fetched(**common, error=f"response of {declared} bytes is over the limit of {limit}",
                       error_code="too_large")
    body = bytearray()
    for piece in _inflated(_noted(resp.iter_raw(), watchdog), resp.headers.get("content-encoding")):
        if watchdog.expired:
            return _timed_out(url, settings, watchdog)
        body += piece
        if len(body) > limit:
            if cut_at:
                del body[limit:]
                break
            return Fetched(**common, error=f"response is over the limit of {limit} bytes"
                           f"{' once inflated' if resp.headers.get('content-encoding') else ''}",
                           error_code="too_large")
    if watchdog.expired:  # the socket was shut while the body was read to its end
        return _timed_out(url, settings, watchdog)
    return Fetched(**common, content=bytes(body))


def _noted(raw: Iterator[bytes], watchdog: _Watchdog) -> Iterator[bytes]:
    for chunk in raw:
        watchdog.arrived()
        yield chunk


def fetch_source(source: str, settings: Settings) -> Fetched:
    return fetch_url(source, settings) if is_url(source) else fetch_file(source, settings)
