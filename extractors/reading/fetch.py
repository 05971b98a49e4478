"""Sources to bytes: local files, folders and http(s) URLs to `Fetched`.

`discover_sources` expands folders (recursively) into the files they hold;
`fetch_source` reads one source and never raises: a missing file, an
unreachable host or an HTTP error becomes a `Fetched` with `error` set.
"""
from __future__ import annotations

import mimetypes
from collections.abc import Callable
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from urllib.parse import urljoin

import httpx

from extractors.settings import Settings
from schemas.document import Fetched

# Files a folder walk picks up; anything else in a folder (notes, expected texts,
# gold files) is left alone. A file named on the command line is always read,
# whatever its name (plain .txt included).
DOCUMENT_SUFFIXES = {".pdf", ".html", ".htm", ".xhtml"}


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def discover_sources(inputs: list[str]) -> list[str]:
    """Files, folders and URLs -> the sorted, de-duplicated list of files and URLs to read."""
    found: list[str] = []
    for item in inputs:
        if is_url(item):
            found.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            found.extend(
                str(p) for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES and not p.name.startswith(".")
            )
        else:
            found.append(str(path))  # a missing file is reported by fetch_source
    seen: set[str] = set()
    return [s for s in found if not (s in seen or seen.add(s))]


def _media_type_from_name(name: str) -> str | None:
    return mimetypes.guess_type(name)[0]


def fetch_file(path: str, settings: Settings) -> Fetched:
    p = Path(path)
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


def fetch_url(url: str, settings: Settings, headers: dict[str, str] | None = None,
              client: httpx.Client | None = None, allow: Callable[[str], str | None] | None = None,
              before_request: Callable[[str], None] | None = None,
              after_request: Callable[[str], None] | None = None) -> Fetched:
    """GET a URL with the project's User-Agent, a timeout, a redirect cap and a size cap.

    Redirects are followed here, hop by hop, so that a crawl can vet each one:
    `allow(url)` gives a reason to refuse a URL (off-site, disallowed by
    robots.txt) or None; `before_request(url)` and `after_request(url)` run
    around every request (the crawl's per-host politeness gate). A redirect
    loop is an error.
    """
    own = client is None
    client = client or httpx.Client(follow_redirects=False, timeout=settings.http_timeout,
                                    headers={"User-Agent": settings.user_agent})
    current, seen = url, {url}
    try:
        for _hop in range(settings.max_redirects + 1):
            if before_request:
                before_request(current)
            try:
                fetched, target = _one_request(client, url, current, headers, settings)
            finally:
                if after_request:
                    after_request(current)
            if target is None:
                return fetched
            if target in seen:
                return Fetched(uri=url, final_uri=current, status_code=fetched.status_code,
                               error=f"redirect loop: {current} redirects back to {target}", error_code="redirect_loop")
            reason = allow(target) if allow else None
            if reason:
                return Fetched(uri=url, final_uri=current, status_code=fetched.status_code,
                               error=f"redirect to {target} not followed: {reason}", error_code="redirect_refused")
            seen.add(target)
            current = target
        return Fetched(uri=url, final_uri=current, error=f"more than {settings.max_redirects} redirects from {url}",
                       error_code="too_many_redirects")
    except httpx.TimeoutException:
        return Fetched(uri=url, error=f"timed out after {settings.http_timeout:g} s: {current}", error_code="timeout")
    except httpx.HTTPError as exc:
        reason = str(exc) or type(exc).__name__
        return Fetched(uri=url, error=f"unreachable: {current} ({reason})", error_code="unreachable")
    finally:
        if own:
            client.close()


def _one_request(client: httpx.Client, url: str, current: str, headers: dict[str, str] | None,
                 settings: Settings) -> tuple[Fetched | None, str | None]:
    """GET `current`: (the answer, None), or (a stub with the status, the redirect target)."""
    with client.stream("GET", current, headers=headers or {}, follow_redirects=False) as resp:
        if resp.status_code in _REDIRECTS and resp.headers.get("location"):
            target = urljoin(current, resp.headers["location"]).split("#")[0]
            return Fetched(uri=url, status_code=resp.status_code, error="redirect", error_code="redirect"), target
        return _read_response(url, current, resp, settings), None


def _read_response(url: str, final: str, resp: httpx.Response, settings: Settings) -> Fetched:
    media_type, charset = _split_content_type(resp.headers.get("content-type"))
    common = dict(uri=url, final_uri=final if final != url else None, status_code=resp.status_code,
                  media_type=media_type, charset=charset, etag=resp.headers.get("etag"),
                  last_modified=resp.headers.get("last-modified"))
    if resp.status_code == 304:
        return Fetched(**common, error="not modified since the last fetch", error_code="not_modified")
    if resp.status_code >= 400:
        return Fetched(**common, error=f"HTTP {resp.status_code} {resp.reason_phrase} for {final}",
                       error_code=f"http_{resp.status_code}", retry_after=_retry_after(resp.headers.get("retry-after")))
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        return Fetched(**common, error=f"response of {declared} bytes is over the limit of "
                       f"{settings.max_bytes}", error_code="too_large")
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > settings.max_bytes:
            return Fetched(**common, error=f"response is over the limit of {settings.max_bytes} bytes",
                           error_code="too_large")
        chunks.append(chunk)
    return Fetched(**common, content=b"".join(chunks))


def fetch_source(source: str, settings: Settings) -> Fetched:
    return fetch_url(source, settings) if is_url(source) else fetch_file(source, settings)
