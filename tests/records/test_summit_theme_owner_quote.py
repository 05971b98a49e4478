"""「X」のテーマは「Y」 / 「X」のスローガンは、「Y」: the first quote names whose theme it is (the meeting's short
name), the second is the theme. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _themes(text):
    _, recs = records_of(text)
    return [r["theme"] for r in recs if r["type"] == "summit"]


def test_a_slogan_after_the_meetings_short_name():
    text = ("第12回東北経営者研究集会を仙台で開催\n"
            " 第12回東北経営者研究集会が仙台市で開かれました。12回目となる今回の「東研」のスローガンは、"
            "「結ぶ~仙台から 人・地域・未来へ」。分科会は15を数えました。\n")
    assert _themes(text) == ["結ぶ~仙台から 人・地域・未来へ"]


def test_a_theme_after_the_meetings_name():
    text = ("第7回港まちフォーラムを開催\n"
            " 第7回港まちフォーラムが小樽市で開かれた。今年の「港まちフォーラム」のテーマは「海とまちの百年」。"
            "約200人が参加した。\n")
    assert _themes(text) == ["海とまちの百年"]


def test_a_quoted_theme_with_its_cue_after_stays():
    text = ("第7回港まちフォーラムを開催\n"
            " 第7回港まちフォーラムが「海とまちの百年」をテーマに小樽市で開かれた。約200人が参加した。\n")
    assert _themes(text) == ["海とまちの百年"]
