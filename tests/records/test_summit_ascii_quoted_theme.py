"""A theme set off in ASCII double quotes (テーマ"…", "…"をテーマに, テーマ:"…") is read as one in 「…」:
the text inside the quotes. The text is invented (a real city, a made-up meeting)."""
from tests.records.built import summit_themes


def test_a_cue_then_the_quoted_theme():
    text = "テーマ\"磨こう受け継いだ職人の技\"第12回全国刃物工業大会が令和3年6月5日、三条市の地場産業会館にて開催されました。\n"
    assert summit_themes(text) == [(12, "磨こう受け継いだ職人の技")]


def test_the_quoted_theme_then_its_cue():
    text = "令和3年6月5日、三条市で\"磨こう受け継いだ職人の技\"をテーマに第12回全国刃物工業大会が開催されました。\n"
    assert summit_themes(text) == [(12, "磨こう受け継いだ職人の技")]


def test_a_key_with_a_quoted_value():
    text = "第12回全国刃物工業大会\n\n日時:令和3年6月5日\n会場:三条市地場産業会館\nテーマ:\"磨こう受け継いだ職人の技\"\n"
    assert summit_themes(text) == [(12, "磨こう受け継いだ職人の技")]
