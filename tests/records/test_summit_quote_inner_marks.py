"""An exclamation or question mark inside a quote (「…進もう!」のスローガンを掲げ) is the quote's own:
the sentence goes on after it, so the venue written later in that sentence is still the meeting's.
The text is invented (a real city, a made-up meeting)."""
from extractors.records.context import sentence_bounds
from tests.records.built import summit_hosts


def test_a_mark_inside_a_quote_ends_no_sentence():
    text = "会は「港から明日を拓こう!」を掲げた。次は?です"
    assert [text[b:] for b in sentence_bounds(text)] == ["次は?です", "です"]


def test_a_quote_closed_before_the_mark_does_not_hold_it():
    text = "「青葉」です!次へ"
    assert [text[b:] for b in sentence_bounds(text)] == ["次へ"]


def test_the_venue_after_a_quoted_slogan_is_the_host():
    text = ("私たちは、5月9・10日の2日間、新潟県長岡市で「港の力で明日へ進もう!」のスローガンを掲げ、"
            "第21回港まち経営者サミットを開催しました。全国から800名が参加しました。\n")
    assert summit_hosts(text) == [(21, "長岡市")]
