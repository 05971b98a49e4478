"""Crawling: the rules of a polite, scoped, bounded crawl, without any I/O.

Takes a source (start URLs, allowed hosts, include/exclude patterns, depth, limits) and the
pages fetched so far, and gives what to fetch next and when: `Scope` (does a URL belong to the
source), `Robots` (robots.txt and Crawl-delay), `HostGate` (one request at a time per host,
spaced), `Frontier` (breadth first, each URL once), a page's links, canonical link and robots
meta (`read_page`, `canonical`), what a page asks of robots (`page_rules`), trap patterns
(`PatternCap`) and duplicate pages (`Duplicates`).
The fetching itself is `extractors.reading.fetch_url`; the crawl loop is `flows.crawl`.
"""
from extractors.crawling.crawler import Frontier, HostGate, Robots, Scope
from extractors.crawling.directives import PageRules, page_rules
from extractors.crawling.duplicates import Duplicates
from extractors.crawling.links import canonical, host_of, page_links, read_page
from extractors.crawling.traps import PatternCap, url_pattern

__all__ = ["Duplicates", "Frontier", "HostGate", "PageRules", "PatternCap", "Robots", "Scope", "canonical", "host_of",
           "page_links", "page_rules", "read_page", "url_pattern"]
