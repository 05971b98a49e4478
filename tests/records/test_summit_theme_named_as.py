"""A quote named as the meeting's theme with という (「…」という大会テーマのもと) is its theme; the same form
before a talk (「…」というテーマで講演) is the talk's. Each text is made up for the case it shows (real places,
invented meetings)."""
from tests.records.built import records_of


def _themes(text):
    _, recs = records_of(text)
    return [(r["series"], r["theme"]) for r in recs if r["type"] == "summit"]


def test_a_quote_named_as_the_meetings_theme():
    text = ("沿岸フォーラム2019in砺波に出席しました。\n"
            "9月14日(土) 富山県砺波市にて開かれた沿岸フォーラム2019in砺波に出席しました。\n"
            "「人と技が響き合う越中の明日」という大会テーマのもと、東海北陸地区7県の会員が顔をそろえました。\n")
    assert _themes(text) == [("沿岸フォーラム", "人と技が響き合う越中の明日")]


def test_a_quote_named_as_a_talks_theme_is_not_the_meetings():
    text = "第6回沿岸サミットが若葉市で開かれました。教授は「干潟と人」というテーマで講演しました。\n"
    assert _themes(text) == [("沿岸サミット", None)]
