"""The local government of a page's address (records.site_owner) and what it settles on the page.

A test server on 127.0.0.1 can have no municipal host name, so the address -> owner table is
tested on host names directly; the records on a Document whose uri is such an address, as a
crawled page has it. The sentences are the tests' own."""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from extractors.records.context import DocContext
from extractors.records.linking import hepburn
from extractors.records.site_owner import loose, owner_from_url
from schemas.document import Document


@pytest.mark.parametrize("url, name, code", [
    ("https://www.city.ofunato.iwate.jp/site/x.html", "大船渡市", "032034"),
    ("https://www.city.date.fukushima.jp/", "伊達市", "072133"),       # 伊達市 of 福島県, not of 北海道
    ("https://www.city.date.hokkaido.jp/", "伊達市", "012335"),
    ("https://city.aichi-miyoshi.lg.jp/a/b.html", "みよし市", "232360"),  # the prefecture before the name
    ("https://www.town.tobetsu.hokkaido.jp/", "当別町", "013030"),     # 石狩郡当別町, written without its district
    ("https://reiki.town.agematsu.nagano.jp/reiki/1.html", "上松町", "204226"),  # a service of the town
    ("https://www.city.minato.tokyo.jp/", "港区", "131032"),           # Tokyo's wards have city.* sites
    ("https://www.city.yokohama.lg.jp/", "横浜市", "141003"),          # a designated city: its wards' reading
    ("https://www.city.shikokuchuo.ehime.jp/", "四国中央市", "382132"),  # チュウオウ: chuo
    ("https://www.pref.nagano.lg.jp/x/", "長野県", "200000"),
    ("https://www.gikai.pref.fukuoka.lg.jp/", "福岡県", "400009"),
    ("https://www.sangyo-rodo.metro.tokyo.lg.jp/", "東京都", "130001"),
])
def test_owner_of_a_municipal_host(url, name, code):
    body = owner_from_url(url)
    assert body is not None and (body.name, body.code) == (name, code)


@pytest.mark.parametrize("url", [
    "https://www.city.date.lg.jp/",       # 伊達市 of 北海道 or of 福島県: the host does not say
    "https://www.town.mori.lg.jp/",       # 森町 of 北海道 or of 静岡県
    "https://www.city.sakai.lg.jp/",      # 堺市 or 坂井市
    "https://www.city.nowhereville.lg.jp/",   # no municipality is read so
    "https://www.town.tobetsu.osaka.jp/",     # a reading the label's prefecture does not hold
    "https://www.vill.ofunato.iwate.jp/",     # 大船渡 is a city, not a village
    "https://www.city-bank.co.jp/", "https://www.city.example.co.jp/", "https://kyoto.example.com/",
    "https://www.shinkin.example.or.jp/", "http://127.0.0.1:8000/city/ofunato.html",
    "https://www.metro.osaka.lg.jp/", "https://www.pref.tokyo.lg.jp/",   # metro is 東京都's form alone
    "dev/agreement_01.txt", "", None,
])
def test_no_owner_unless_the_host_settles_it(url):
    assert owner_from_url(url) is None


def test_spellings_of_one_reading_are_one():
    assert loose("ohfunato") == loose("oofunato") == loose("ofunato") == loose(hepburn("オオフナト"))
    assert loose("semboku") == loose("senboku") and loose("sibetsu") == loose("shibetsu")
    assert loose("ohara") != loose("ora")  # oh before a vowel is no long o


def _doc(text: str, uri: str, title: str | None = None) -> Document:
    text = normalize_text(text)
    return Document(uri=uri, sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/html",
                    title=title, text=text)


def test_a_self_reference_is_the_site_owner_only_when_the_page_names_none():
    on_site = DocContext.build(_doc("本市の取組です。", "https://www.city.ofunato.iwate.jp/a.html"), [])
    assert on_site.resolve_self("本市") == "大船渡市"
    assert on_site.resolve_self("本町") is None  # the site is a city's
    elsewhere = DocContext.build(_doc("本市の取組です。", "dev/a.txt"), [])
    assert elsewhere.resolve_self("本市") is None
    # the page's own statement comes first: a contact block naming another city
    named = DocContext.build(_doc("本市の取組です。\n【お問い合わせ先】\n平塚市 産業振興課\n",
                                  "https://www.city.ofunato.iwate.jp/a.html"), [])
    assert named.resolve_self("本市") is None


def _records(doc: Document) -> list[dict]:
    records, _ = build_records([doc], [document_drafts(doc)])
    return records


SIGNING = "令和6年5月10日\n本市は、東西銀行と地域経済の活性化に関する連携協定を締結しました。\n"


def test_the_site_owner_is_the_party_a_page_writes_as_honshi(nlp):
    on_site = [r for r in _records(_doc(SIGNING, "https://www.city.ofunato.iwate.jp/soshiki/kyotei.html"))
               if r["type"] == "agreement"]
    assert len(on_site) == 1
    parties = {p["name"]: p["code"] for p in on_site[0]["parties"]}
    assert parties.get("大船渡市") == "032034" and "東西銀行" in parties
    said = [s for s in on_site[0]["sources"] if s.get("field") == "parties" and s["quote"] == "本市"]
    assert [s.get("how") for s in said] == ["site address"]  # the evidence says where the name came from
    # the same page without its address: the party stays as written, no owner is guessed
    bare = [r for r in _records(_doc(SIGNING, "dev/kyotei.txt")) if r["type"] == "agreement"]
    assert len(bare) == 1 and {p["name"] for p in bare[0]["parties"]} == {"本市", "東西銀行"}


ORDINANCE = ("中小企業振興基本条例\n(目的)\n第1条 この条例は、町内の中小企業の振興について基本となる事項を定めるものとする。\n"
             "附則\nこの条例は、令和5年4月1日から施行する。\n")


def test_the_site_owner_enacts_an_ordinance_page_that_names_no_body(nlp):
    on_site = [r for r in _records(_doc(ORDINANCE, "https://www.town.kami.miyagi.jp/reiki/1.html", "中小企業振興基本条例"))
               if r["type"] == "ordinance"]
    assert [(r["municipality"], r["municipality_code"]) for r in on_site] == [("加美町", "044458")]
    place = [s for s in on_site[0]["sources"] if s.get("field") == "municipality"]
    assert [s.get("how") for s in place] == ["site address"]
    bare = _records(_doc(ORDINANCE, "dev/jorei.txt", "中小企業振興基本条例"))
    assert all(r.get("municipality") != "加美町" for r in bare)


@pytest.mark.parametrize("uri, code", [
    ("https://www.city.yokohama.lg.jp/kurashi/a.html", "141135"),      # 横浜市緑区
    ("https://www.city.sagamihara.kanagawa.jp/a.html", "141518"),      # 相模原市緑区, in the same prefecture
    ("https://www.pref.kanagawa.jp/a.html", None),                     # the prefecture holds both: no code
    ("dev/a.txt", None),
])
def test_the_site_owner_settles_a_ward_of_its_city(uri, code):
    from extractors.records.linking import Linker, link_record

    doc = _doc("緑区の中小企業振興条例を改めます。", uri)
    rec = link_record({"type": "ordinance", "municipality": "緑区", "sources": [
        {"uri": uri, "sha256": doc.sha256, "start": 0, "end": 2, "quote": "緑区", "field": "municipality"}]},
        Linker({doc.sha256: doc}))
    assert rec["municipality_code"] == code and (code is not None or len(rec["ambiguous"]) == 1)
