"""A theme cue with its object's particle before the quote (メインテーマに「…」を掲げ, テーマを「…」と
銘打ち) gives the meeting's theme; not when the quote is the meeting's own name (…をテーマに「第N回…」を
開催) or a talk's title. The text is invented (real places, a made-up meeting)."""
from tests.records.built import summit_themes


def test_a_cue_with_ni_before_the_quote():
    text = ("第21回港まち経営者研究集会in青森の開催まで3か月となりました。メインテーマに「海と人がともに栄える地域をつくろう」を"
            "掲げ、準備を進めています。\n")
    assert summit_themes(text) == [(21, "海と人がともに栄える地域をつくろう")]


def test_a_cue_with_wo_before_the_quote():
    text = ("10月6日、ホテル青森にて「第12回青森県港まち経営者フォーラム」を開催しました。\n\n"
            "テーマを「港で学ぶ経営の基本のき」と銘打ち、会員が学び合いました。\n")
    assert summit_themes(text) == [(12, "港で学ぶ経営の基本のき")]


def test_the_meetings_own_name_is_no_theme():
    # (the quote after テーマに is the meeting's name; the theme is the cue's unquoted object before it)
    text = "6月9日、青森市をメイン会場に、海と人をテーマに「第14回港まち経営者全国交流会」を開催しました。\n"
    assert summit_themes(text) == [(14, "海と人")]
