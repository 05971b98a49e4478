"""A theme key alone on its line that is a compound (□基本テーマ, 大会テーマ及び大会趣旨) gives the
meeting's theme on the next line with text; a talk's key (講演テーマ) does not. The text is invented
(a real city, a made-up meeting)."""
from tests.records.built import summit_themes


def test_a_word_before_the_key():
    text = ("第8回港まち産業サミット\n令和4年10月6日、青森市で第8回港まち産業サミットを開催しました。\n\n□基本テーマ\n\n"
            "海とともに歩むまちの明日 ~港の仕事をつなぐ討論会\n\n□日程\n10月6日 13時から\n")
    assert summit_themes(text) == [(8, "海とともに歩むまちの明日 ~港の仕事をつなぐ討論会")]


def test_a_key_joined_with_another():
    text = ("第8回港まち産業サミット\n令和4年10月6日、青森市で第8回港まち産業サミットを開催しました。\n\n大会テーマ及び大会趣旨\n\n"
            "Sea Bridge ~港から未来へ~\n\n港で働く人が集い、学び合う場とします。\n")
    assert summit_themes(text) == [(8, "Sea Bridge ~港から未来へ~")]


def test_a_talk_key_is_no_theme():
    text = ("第8回港まち産業サミット\n令和4年10月6日、青森市で第8回港まち産業サミットを開催しました。\n\n■記念講演テーマ\n\n"
            "港の仕事をつなぐ人づくり\n")
    assert summit_themes(text) == [(8, None)]
