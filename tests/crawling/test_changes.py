"""The change feed across crawls of a real local site into one output folder: unchanged, a page edited, a page gone."""
from __future__ import annotations

import json

import pytest

from extractors.settings import Settings
from schemas.crawl import CrawlSource
from tests.conftest import SAMPLES, read_jsonl
from tests.site import Resource, Server, Site, _page

SETTINGS = Settings(crawl_delay=0.05, retries=0, http_timeout=10)
SJIS = "text/html; charset=Shift_JIS"
EUCJP = "text/html; charset=EUC-JP"
REIKI, MAEBASHI = "与那国町商工業振興条例", "前橋市中小企業振興基本条例"


def _index(links: list[str]) -> Resource:
    return Resource(_page("中小企業振興のページ", [(href, href) for href in links]), SJIS)


@pytest.fixture(scope="module")
def crawls(prefect_server, tmp_path_factory):
    """Four crawls into one output folder with one state file; after each, its changes and manifest."""
    from flows.crawl import crawl_flow

    site = Site()
    site.resources = {
        "/robots.txt": Resource(b"User-agent: *\nAllow: /\n", "text/plain"),
        "/index.html": _index(["ordinance.html", "agreement.html"]),
        "/ordinance.html": Resource((SAMPLES / "ordinance_01_reiki.html").read_bytes(), EUCJP),
        "/agreement.html": Resource((SAMPLES / "agreement_04_university.html").read_bytes(), "text/html"),
        "/maebashi.html": Resource((SAMPLES / "ordinance_02_enacted.html").read_bytes(), SJIS),
    }
    out = tmp_path_factory.mktemp("changes") / "out"
    state = str(out.parent / "state.sqlite")
    runs = {}
    with Server(site) as url:
        source = CrawlSource(name="town", start_urls=[f"{url}/index.html"], max_depth=1)

        def crawl(name: str) -> None:
            crawl_flow(sources=[source], out=str(out), state=state, settings=SETTINGS)
            manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
            history = read_jsonl(out / "changes.jsonl") if (out / "changes.jsonl").exists() else None
            changes = None if history is None else [c for c in history if c["run_id"] == manifest["id"]]
            runs[name] = {"changes": changes, "records": read_jsonl(out / "records.jsonl"), "manifest": manifest,
                          "history": history}

        crawl("first")
        crawl("unchanged")
        # a page edited (its enactment date corrected) and a new page linked
        page = site.resources["/ordinance.html"]
        page.body = page.body.decode("euc_jp").replace("昭和56年12月27日", "昭和56年12月28日").encode("euc_jp")
        site.resources["/index.html"] = _index(["ordinance.html", "agreement.html", "maebashi.html"])
        crawl("edited")
        # a page gone: no longer linked
        site.resources["/index.html"] = _index(["ordinance.html", "maebashi.html"])
        crawl("gone")
    return url, out, runs


def _by_change(changes: list[dict]) -> dict[str, list[dict]]:
    out: dict[str, list[dict]] = {"added": [], "changed": [], "removed": []}
    for c in changes:
        out[c["change"]].append(c)
    return out


def test_first_crawl_into_a_new_folder_writes_no_change_feed(crawls):
    _url, _out, runs = crawls
    first = runs["first"]
    assert first["changes"] is None and "changes" not in first["manifest"]
    names = {r.get("name") for r in first["records"]}
    assert REIKI in names and MAEBASHI not in names
    assert len([r for r in first["records"] if r["type"] == "agreement"]) == 2


def test_unchanged_crawl_writes_an_empty_change_feed(crawls):
    _url, _out, runs = crawls
    run = runs["unchanged"]
    assert run["changes"] == []
    assert run["manifest"]["changes"] == {"since_run": runs["first"]["manifest"]["id"], "added": 0, "changed": 0,
                                          "removed": 0}
    assert run["manifest"]["crawl"]["counts"]["unchanged"] == 3


def test_edited_page_changes_its_record_and_a_new_page_adds_one(crawls):
    url, _out, runs = crawls
    run = runs["edited"]
    changes = _by_change(run["changes"])
    assert run["manifest"]["changes"] == {"since_run": runs["unchanged"]["manifest"]["id"], "added": 1,
                                          "changed": 1, "removed": 0}
    [changed] = changes["changed"]
    old = next(r for r in runs["unchanged"]["records"] if r["id"] == changed["id"])
    assert changed["record"]["name"] == REIKI and old["name"] == REIKI  # same facts that identify it: same id
    assert changed["fields"] == {"number": {"old": "昭和56年12月27日条例第14号", "new": "昭和56年12月28日条例第14号"},
                                 "enacted_date": {"old": "1981-12-27", "new": "1981-12-28"}}
    assert changed["documents"] == [f"{url}/ordinance.html"]
    [added] = changes["added"]
    assert added["record"]["name"] == MAEBASHI and added["documents"] == [f"{url}/maebashi.html"]
    assert added["record"] in run["records"]


def test_gone_page_removes_its_records(crawls):
    url, _out, runs = crawls
    run = runs["gone"]
    assert run["manifest"]["crawl"]["gone"] == [f"{url}/agreement.html"]
    changes = _by_change(run["changes"])
    assert changes["added"] == [] and changes["changed"] == []
    removed = changes["removed"]
    assert {c["type"] for c in removed} == {"agreement"} and len(removed) == 2
    previous = {r["id"]: r for r in runs["edited"]["records"]}
    for c in removed:
        assert c["record"] == previous[c["id"]]  # the old record, as it was
        assert c["documents"] == [f"{url}/agreement.html"]
    assert run["manifest"]["changes"]["removed"] == 2
    # the folder's history holds every crawl's lines, each stamped with its run
    assert [c["run_id"] for c in run["history"]] == [runs[n]["manifest"]["id"]
                                                     for n in ("edited", "edited", "gone", "gone")]


def test_the_crawl_folder_has_the_review_page_and_the_tables(crawls):
    _url, out, _runs = crawls
    for name in ("review.html", "records-summit.csv", "records-agreement.csv", "records-ordinance.csv"):
        assert (out / name).is_file(), name
    page = (out / "review.html").read_text(encoding="utf-8")
    assert MAEBASHI in page and "Record changes" in page and "removed" in page
