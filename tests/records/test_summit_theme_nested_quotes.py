"""A theme quoted in 『…』 that holds quotes of its own (『“海を「(つな)ぐ」・山を「(むす)ぶ」”~…~』をキャッチフレーズに,
『まちの“顔”をつくる』をスローガンに): the whole text inside 『』. Invented meetings."""
import pytest

from extractors.language.meetings import themes


@pytest.mark.parametrize("text, theme", [
    ("青葉会は、11月5日、青葉市「青葉ホール」において『“海を「(つな)ぐ」・山を「(むす)ぶ」”~変わる時代に挑む中小企業へ!~』"
     "をキャッチフレーズに、第12回若葉大会を開催した。", "“海を「(つな)ぐ」・山を「(むす)ぶ」”~変わる時代に挑む中小企業へ!~"),
    ("『まちの“顔”をつくる』をスローガンに、第3回商店街フォーラムを開催した。", "まちの“顔”をつくる"),
    ("第4回港町サミットは『「港」から広がる未来』をテーマに開かれた。", "「港」から広がる未来"),
    ("“未来へつなぐ”をテーマに第9回青葉交流会を開催。", "未来へつなぐ"),
])
def test_the_whole_quote_is_the_theme(text, theme):
    assert [f.text for f in themes(text, 0, len(text))] == [theme]
