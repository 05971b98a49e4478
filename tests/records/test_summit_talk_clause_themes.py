"""A theme whose clause is about a talk or a group of the programme is not the meeting's: 講演会では、…氏に
よる「…」をテーマのもと; 「リレートーク」では、…が登壇し「…」をテーマに; 「…」をテーマとするグループに参加.
A theme the meeting's own sentence gives is still read. Each text is made up for the case it shows (real
places, invented meetings)."""
from tests.records.built import records_of


def _themes(text):
    _, recs = records_of(text)
    return [(r["edition"], r["theme"]) for r in recs if r["type"] == "summit"]


def test_a_lectures_theme_in_its_clause_is_not_the_meetings():
    text = ("第18回沿岸青年部交流会が11月15日に山形市で開催されました。\n"
            "その後の講演会では、山田氏による「地方の変革は若者から」をテーマのもと、お言葉を頂きました。\n")
    assert _themes(text) == [(18, None)]


def test_a_talk_sessions_theme_is_not_the_meetings():
    text = ("第23回沿岸町村フォーラムが7月13日・14日に開かれました。\n"
            "続いての「リレートーク」では、私のほか、青葉町の山田町長、若葉町の谷町長が登壇し"
            "「小さいからこそできる自治」をテーマに、各町長が語り合いました。\n")
    assert _themes(text) == [(23, None)]


def test_a_groups_theme_is_not_the_meetings():
    text = ("第136回沿岸市長会総会が長崎市で開催されました。\n"
            "5月21日には3グループに分かれての意見交換会が行われ、市長は「港町の懐かしい未来」をテーマとするグループに参加しました。\n")
    assert _themes(text) == [(136, None)]


def test_the_meetings_own_theme_is_still_read():
    assert _themes("第5回沿岸サミットが青葉市で開かれ、今回は「海と暮らし」をテーマに議論しました。\n") == [(5, "海と暮らし")]
