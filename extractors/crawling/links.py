"""A page's links and directives, and the one form URLs are compared in.

`canonical(url)` is the form URLs are compared, queued and stored in, so that
one page has one URL: scheme and host lower-cased, default port, fragment and
session ids (`;jsessionid=` in the path, `PHPSESSID`, `sid`, ... in the query)
dropped, tracking parameters (`utm_*`, `fbclid`, `gclid`, ...) dropped, the
remaining query parameters sorted (each kept exactly as written), percent
escapes upper-cased, an empty path made "/".

`read_page(content, base_url, charset)` decodes and parses the page once with
the reader's own `parse_html` (charset, control characters, deep nesting) and
gives a `PageInfo`: the http(s) targets of `<a href>`, `<area href>`,
`<frame src>` and `<iframe src>` in document order (honouring `<base href>`),
the `<link rel="canonical">` target, and the contents of `<meta name="robots">`
(and of a meta named for our crawler). `page_links` gives the links alone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit

from extractors.errors import ExtractionError
from extractors.reading.html import parse_html

_LINK_ATTRS = (("a", "href"), ("area", "href"), ("frame", "src"), ("iframe", "src"))
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Query parameters that name a visitor's session or a campaign, not a page.
SESSION_PARAMS = {"jsessionid", "phpsessid", "sid", "sessionid", "session_id", "sess_id", "aspsessionid", "cfid",
                  "cftoken"}
TRACKING_PARAMS = {"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mc_cid", "mc_eid",
                   "_ga", "_gl"}
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid|sessionid)=[^/;?]*", re.IGNORECASE)
_ESCAPE = re.compile(r"%[0-9a-fA-F]{2}")


def _dropped_param(pair: str) -> bool:
    name = unquote(pair.split("=", 1)[0]).strip().lower()
    return name in SESSION_PARAMS or name in TRACKING_PARAMS or name.startswith("utm_")


def canonical(url: str) -> str:
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    try:
        port = parts.port
    except ValueError:  # a port that is not a number: keep what was written
        port = None
        host = parts.netloc.lower()
    netloc = host if port in (None, _DEFAULT_PORTS.get(scheme)) else f"{host}:{port}"
    path = _PATH_SESSION.sub("", parts.path) or "/"
    pairs = sorted(p for p in parts.query.split("&") if p and not _dropped_param(p))
    upper = lambda m: m.group(0).upper()  # noqa: E731
    return urlunsplit((scheme, netloc, _ESCAPE.sub(upper, path), _ESCAPE.sub(upper, "&".join(pairs)), ""))


def host_of(url: str) -> str:
    """`host` or `host:port` (non-default port) of a URL, lower-cased."""
    return urlsplit(canonical(url)).netloc


@dataclass
class PageInfo:
    links: list[str] = field(default_factory=list)  # canonical, in document order, each once
    canonical: str | None = None  # the <link rel="canonical"> target, canonical form
    robots_meta: list[str] = field(default_factory=list)  # contents of <meta name="robots"> (or our agent's name)


def read_page(content: bytes, base_url: str, charset: str | None = None, agent: str = "") -> PageInfo:
    """Links, canonical link and robots meta of a page; an unreadable page gives an empty `PageInfo`."""
    try:
        root, _encoding, _warnings = parse_html(content, base_url, charset)
    except ExtractionError:  # not a readable page: no links
        return PageInfo()
    base = base_url
    for el in root.iter("base"):
        if el.get("href"):
            base = urljoin(base_url, el.get("href").strip())
            break
    info = PageInfo()
    names = {"robots", agent.split("/")[0].strip().lower()} - {""}
    for el in root.iter("meta"):
        if (el.get("name") or "").strip().lower() in names and el.get("content"):
            info.robots_meta.append(el.get("content"))
    for el in root.iter("link"):
        rel = (el.get("rel") or "").lower().split()
        href = (el.get("href") or "").strip()
        if "canonical" in rel and href and info.canonical is None:
            target = urljoin(base, href)
            if urlsplit(target).scheme in ("http", "https"):
                info.canonical = canonical(target)
    seen: set[str] = set()
    for tag, attr in _LINK_ATTRS:
        for el in root.iter(tag):
            value = (el.get(attr) or "").strip()
            if not value or value.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
                continue
            try:
                url = urljoin(base, value)
            except ValueError:  # a malformed URL (bad IPv6 literal, ...) is no link
                continue
            if urlsplit(url).scheme not in ("http", "https"):
                continue
            url = canonical(url)
            if url not in seen:
                seen.add(url)
                info.links.append(url)
    return info


def page_links(content: bytes, base_url: str, charset: str | None = None) -> list[str]:
    """Absolute http(s) links of a page, canonical, in document order, each once."""
    return read_page(content, base_url, charset).links
