"""A theme whose clause is about a talk or a group of the programme is not the meeting's: 講演会では、…氏に
よる「…」をテーマのもと; 「リレートーク」では、…が登壇し「…」をテーマに; 「…」をテーマとするグループに加わる.
A theme the meeting's own sentence gives is still read. Each text is made up for the case it shows (real
places, invented meetings)."""
from tests.records.built import summit_themes


def test_a_lectures_theme_in_its_clause_is_not_the_meetings():
    text = ("第18回沿岸青年部交流会が6月4日に盛岡市で開かれました。\n"
            "続く講演会では、佐藤氏による「まちの明日は次の世代が描く」をテーマのもと、話を伺いました。\n")
    assert summit_themes(text) == [(18, None)]


def test_a_talk_sessions_theme_is_not_the_meetings():
    text = ("第23回沿岸町村フォーラムが8月2日・3日に行われました。\n"
            "二つ目の「リレートーク」では、白浜町の川口町長と北浜町の石田町長が登壇し"
            "「人口千人の村が選ぶ道」をテーマに、それぞれの取り組みを紹介しました。\n")
    assert summit_themes(text) == [(23, None)]


def test_a_groups_theme_is_not_the_meetings():
    text = ("第136回沿岸市長会総会が下関市で開かれました。\n"
            "11月9日は4班に分かれて話し合いがあり、市長は「港と観光の新しい形」をテーマとするグループに加わりました。\n")
    assert summit_themes(text) == [(136, None)]


def test_the_meetings_own_theme_is_still_read():
    assert summit_themes("第5回沿岸サミットが青葉市で開かれ、今年は「潮風と暮らし」をテーマに話し合いました。\n") == [(5, "潮風と暮らし")]
