"""A line under the meeting's heading that only says the heading's own headline again (■港から未来へ under
「港から未来へ 第1回…フェア」, as a page's title over its first line) is no subtitle of the meeting; a phrase
the heading does not hold still is. Each text is made up for the case it shows (real places, invented
meetings)."""
from tests.records.built import summit_themes


def test_the_headline_again_is_no_theme():
    text = ("港町の技を全国へ 第1回ものづくり小樽フェア\n"
            "■港町の技を全国へ\n"
            "第1回ものづくり小樽フェアが14日、小樽市の市民会館で始まった。\n")
    assert summit_themes(text) == [(1, None)]


def test_a_phrase_below_the_heading_is_still_its_subtitle():
    text = ("第1回ものづくり小樽フェア\n"
            "港町の技を全国へ届けよう\n"
            "第1回ものづくり小樽フェアが14日、小樽市の市民会館で始まった。\n")
    assert summit_themes(text) == [(1, "港町の技を全国へ届けよう")]
