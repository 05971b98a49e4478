"""A quote holding short quotes of its own (「まちの「顔」「声」が生きる港の姿とは?」をテーマに) is one
quote: the theme is the whole outer quote, and its own ? ends no sentence. The text is invented (a real
city, a made-up meeting)."""
from extractors.records.context import sentence_bounds
from tests.records.built import summit_themes


def test_a_mark_after_an_inner_quote_ends_no_sentence():
    text = "「まちの「顔」が生きる姿とは?」をテーマに開いた。次です"
    assert [text[b:] for b in sentence_bounds(text)] == ["次です"]


def test_the_outer_quote_is_the_theme():
    text = ("令和6年2月24日、青森市の港まち交流センターで「第7回港まち商店街フォーラム」を開催しました。\n"
            "まずは会長から開会の挨拶。「まちの「顔」「声」が生きる港の商店街の明日とは?」をテーマに、フォーラムが始まりました。\n")
    assert summit_themes(text) == [(7, "まちの「顔」「声」が生きる港の商店街の明日とは?")]
