"""A kind of ordinance inside an event's name (第5回中小企業振興条例セミナー, 振興条例シンポジウム) is no
body's ordinance, even on a page whose city has one; a body's ordinance named before a katakana word
(青葉市…条例パンフレット) still is. Each text is made up for the case it shows (real bodies, invented events)."""
import pytest

from tests.records.built import records_of


def _names(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return sorted((r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance")


@pytest.mark.parametrize("text, expected", [
    ("【18.09.10】第3回中小企業振興条例セミナー【香川】\n坂出同友会は、8月4日、坂出市文化会館にて第3回中小企業振興条例セミナーを50名の参加で開催しました。\n"
     "セミナーでは、2012年4月1日に制定された坂出市ものづくり振興条例の経緯が報告されました。\n",
     [("坂出市ものづくり振興条例", "坂出市")]),
    ("【19.07.20】伊予市で振興条例フォーラム\n7月10日、伊予市中央公民館にて小規模企業振興条例フォーラムを開き、120名が参加しました。\n", []),
])
def test_a_kind_of_ordinance_in_an_event_name_is_no_record(nlp, text, expected):
    assert _names(text) == expected


def test_a_named_bodys_ordinance_before_a_katakana_word_stays(nlp):
    text = "燕市ものづくり振興基本条例パンフレットを作成しました。条例は2020年4月1日に施行されています。\n"
    assert _names(text) == [("燕市ものづくり振興基本条例", "燕市")]
