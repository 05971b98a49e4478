"""Links of an HTML page, for the crawl: absolute, without fragments, de-duplicated.

`page_links(content, base_url, charset)` decodes and parses the page with the
reader's own `parse_html` (charset, control characters, deep nesting), honours
`<base href>`, and gives
the http(s) targets of `<a href>`, `<area href>`, `<frame src>` and
`<iframe src>` in document order. `canonical(url)` is the form URLs are
compared and stored in: scheme and host lower-cased, default port and
fragment dropped, an empty path made "/".
"""
from __future__ import annotations

from urllib.parse import urljoin, urlsplit, urlunsplit

from extractors.errors import ExtractionError
from extractors.reading.html import parse_html

_LINK_ATTRS = (("a", "href"), ("area", "href"), ("frame", "src"), ("iframe", "src"))
_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """`host` or `host:port` (non-default port) of a URL, lower-cased."""
    return urlsplit(canonical(url)).netloc


def page_links(content: bytes, base_url: str, charset: str | None = None) -> list[str]:
    """Absolute http(s) links of a page, canonical, in document order, each once."""
    try:
        root, _encoding, _warnings = parse_html(content, base_url, charset)
    except ExtractionError:  # not a readable page: no links
        return []
    base = base_url
    for el in root.iter("base"):
        if el.get("href"):
            base = urljoin(base_url, el.get("href").strip())
            break
    found: list[str] = []
    seen: set[str] = set()
    for tag, attr in _LINK_ATTRS:
        for el in root.iter(tag):
            value = (el.get(attr) or "").strip()
            if not value or value.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
                continue
            url = urljoin(base, value)
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            url = canonical(url)
            if url not in seen:
                seen.add(url)
                found.append(url)
    return found
