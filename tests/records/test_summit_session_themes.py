"""The theme of a talk or a breakout session is not the meeting's: 「…」をテーマにした3分科会 (sessions
counted), 分科会のテーマは「…」, and a テーマ line under a programme item's heading (○基調講演 /
テーマ 「…」 / 講演者 …). A テーマ line of the meeting's own key lines is still read. Each text is made up
for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _themes(text):
    _, recs = records_of(text)
    return [(r["edition"], r["theme"]) for r in recs if r["type"] == "summit"]


def test_the_theme_of_counted_sessions_is_not_the_meetings():
    text = ("第23回沿岸町村フォーラムが7月13日・14日に青葉町で開かれました。\n"
            "14日は「漁業の振興」「移住と子育て」「祭りと芸能」をテーマにした3分科会が開かれました。\n")
    assert _themes(text) == [(23, None)]


def test_a_sessions_theme_is_not_the_meetings():
    text = ("第50回若手経営者全国交流会が9月15日に開催されました。\n"
            "当会は第3分科会の設営を担当しました。分科会のテーマは「もう一度立ち上がる力」。\n")
    assert _themes(text) == [(50, None)]


def test_a_theme_line_under_a_keynote_heading_is_the_talks():
    text = ("沿岸町村サミット2021in青葉の開催\n"
            "令和3年10月29日(金)に「沿岸町村サミット2021in青葉」をオンラインにて開催します。\n"
            "4 プログラム\n○基調講演\n テーマ 「海と暮らしの未来」\n 講演者 山田 一郎 青葉大学教授\n")
    assert _themes(text) == [(None, None)]


def test_the_meetings_own_theme_line_is_still_read():
    text = ("第5回沿岸町村サミットの開催\n日時 令和3年10月29日(金)\nテーマ 「海と暮らしの未来」\n会場 青葉市民会館\n")
    assert _themes(text) == [(5, "海と暮らしの未来")]
