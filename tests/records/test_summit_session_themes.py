"""The theme of a talk or a breakout session is not the meeting's: 「…」をテーマにした4分科会 (sessions
counted), 分科会のテーマは「…」, and a テーマ line under a programme item's heading (○基調講演 /
テーマ 「…」 / 講演者 …). A テーマ line of the meeting's own key lines is still read. Each text is made up
for the case it shows (real places, invented meetings)."""
from tests.records.built import summit_themes


def test_the_theme_of_counted_sessions_is_not_the_meetings():
    text = ("第23回沿岸町村フォーラムが8月2日・3日に若葉町で行われました。\n"
            "3日は「漁業の振興」「移住と子育て」「祭りと芸能」「空き家の活用」をテーマにした4分科会で意見を交わしました。\n")
    assert summit_themes(text) == [(23, None)]


def test_a_sessions_theme_is_not_the_meetings():
    text = ("第50回青年起業家全国交流会が10月21日に開かれました。\n"
            "私たちは第2分科会の運営を受け持ちました。分科会のテーマは「地域とともに稼ぐ力」。\n")
    assert summit_themes(text) == [(50, None)]


def test_a_theme_line_under_a_keynote_heading_is_the_talks():
    text = ("沿岸町村サミット2022in青葉の開催\n"
            "令和4年2月18日(金)に「沿岸町村サミット2022in青葉」をウェブ配信で開催します。\n"
            "4 プログラム\n○基調講演\n テーマ 「海と暮らしの未来」\n 講演者 山田 一郎 青葉大学教授\n")
    assert summit_themes(text) == [(None, None)]


def test_the_meetings_own_theme_line_is_still_read():
    text = ("第5回沿岸町村サミットの開催\n日時 令和4年2月18日(金)\nテーマ 「海と暮らしの未来」\n会場 青葉市民会館\n")
    assert summit_themes(text) == [(5, "海と暮らしの未来")]
