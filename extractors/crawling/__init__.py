"""Crawling: the rules of a polite, scoped crawl, without any I/O.

Takes a source (start URLs, allowed hosts, include/exclude patterns, depth) and the pages
fetched so far, and gives what to fetch next and when: `Scope` (does a URL belong to the
source), `Robots` (robots.txt and Crawl-delay), `HostGate` (one request at a time per host,
spaced), `Frontier` (breadth first, each URL once) and a page's links (`page_links`, `canonical`).
The fetching itself is `extractors.reading.fetch_url`; the crawl loop is `flows.crawl`.
"""
from extractors.crawling.crawler import Frontier, HostGate, Robots, Scope
from extractors.crawling.links import canonical, host_of, page_links

__all__ = ["Frontier", "HostGate", "Robots", "Scope", "canonical", "host_of", "page_links"]
