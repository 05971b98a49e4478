"""A subtitle framed in waves or dashes on the line under the key line that names the meeting (【名称】 若葉フォーラム …
in 青葉 / ~…を目指して~, 大会名:… / 〜…〜), anywhere on the page: the meeting's theme; a framed line under another key
line is none. Invented meetings."""
from tests.records.built import records_of

OPENING = ("青葉市は、若葉フォーラムを開催しました。\n45回目を迎えた今回は、120名を超える参加者が交流を行いました。\n"
           "若葉フォーラムは、平成16年から開催しています。\n当日は、企業の発表と展示が行われました。\n"
           "参加企業の皆様、ありがとうございました。\n次回の開催は、秋を予定しています。\n▼若葉フォーラムについて\n"
           "「若葉フォーラム ものづくりチャレンジin青葉」 実施概要\n")


def _themes(text: str) -> list:
    _, recs = records_of(text)
    return [r["theme"] for r in recs if r["type"] == "summit"]


def test_the_framed_line_under_the_name_key(nlp):
    text = OPENING + "【名称】 若葉フォーラム ものづくりチャレンジ in 青葉\n~地域の技術をつなぐ新たな連携を目指して~\n【日時】 令和6年2月5日(月)\n"
    assert _themes(text) == ["地域の技術をつなぐ新たな連携を目指して"]


def test_the_framed_line_under_a_meeting_name_key(nlp):
    text = OPENING.replace("若葉フォーラム", "港町交流会") + "大会名:港町交流会2023\n〜海とともに生きるまち〜\n日時:令和5年7月1日\n"
    assert _themes(text) == ["海とともに生きるまち"]


def test_a_framed_line_under_another_key_is_no_theme(nlp):
    text = OPENING + "【名称】 若葉フォーラム ものづくりチャレンジ in 青葉\n【日時】 令和6年2月5日(月)\n~主催者からのお願い~\n"
    assert _themes(text) == [None]
