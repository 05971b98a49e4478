"""A quote named as the meeting's theme with という (「…」という大会テーマのもと) is its theme; the same form
before a talk (「…」というテーマで講演) is the talk's. Each text is made up for the case it shows (real places,
invented meetings)."""
from tests.records.built import records_of


def _themes(text):
    _, recs = records_of(text)
    return [(r["series"], r["theme"]) for r in recs if r["type"] == "summit"]


def test_a_quote_named_as_the_meetings_theme():
    text = ("沿岸フォーラム2015in小矢部に参加しました。\n"
            "7月11日(土) 富山県小矢部市にて開催されました沿岸フォーラム2015in小矢部に参加しました。\n"
            "「未来への希望溢れる北陸の再興」という大会テーマのもと、北陸信越地区5県の会員が集まりました。\n")
    assert _themes(text) == [("沿岸フォーラム", "未来への希望溢れる北陸の再興")]


def test_a_quote_named_as_a_talks_theme_is_not_the_meetings():
    text = "第5回沿岸サミットが青葉市で開かれました。講師は「海の暮らし」というテーマで講演しました。\n"
    assert _themes(text) == [("沿岸サミット", None)]
