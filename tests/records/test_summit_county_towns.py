"""A town written with its county (郡) is the town: a history row's 兵庫県多可郡多可町 is 多可町, and a town
merged away since, that the gazetteer no longer holds (鳥取県西伯郡名和町), is still the row's host, not its
prefecture, with nothing of the address left over as the row's theme; nor is a district written after the
city (福岡県北九州市門司). A town whose name alone is two towns (森町) keeps its county. Each text is made up
for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _rows(text):
    _, recs = records_of(text)
    return sorted((r["edition"], r["host"], r.get("theme")) for r in recs if r["type"] == "summit")


def test_county_towns_in_a_history_list():
    text = ("全国青葉茶まつりの歩み\n"
            "【これまでの全国青葉茶まつり開催地】\n"
            "第1回 2001年 鳥取県西伯郡名和町\n"
            "第2回 2002年 福岡県北九州市門司\n"
            "第3回 2003年 兵庫県多可郡多可町\n"
            "第4回 2004年 北海道茅部郡森町\n")
    assert _rows(text) == [(1, "名和町", None), (2, "北九州市", None), (3, "多可町", None), (4, "茅部郡森町", None)]


def test_a_former_town_after_prefecture_and_county_hosts_the_meeting():
    text = "平成16年6月3日、愛知県愛知郡長久手町におきまして第10回全国まちなか交流会を開きました。\n"
    assert _rows(text) == [(10, "長久手町", None)]
