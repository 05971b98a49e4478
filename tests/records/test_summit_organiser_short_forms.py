"""An organiser named by its short form right before a bare meeting's edition (沿同協第27回定時総会,
沿青連の第14回大会: 協 and 連 end the short forms of a 協議会 and a 連合会) makes the series that body's
meeting, so that pages of one meeting share its series; in one page, the organiser's meeting named by two
bare words (【沿同協第29回総会】 over 沿同協第29回定時総会) is one meeting. Each text is made up for the
case it shows (real places, invented organisations and meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_a_short_form_in_kyo_before_the_edition_is_the_organiser():
    text = "9月12、13の両日、沿同協第27回定時総会が札幌で開かれました。\n"
    assert _summits(text) == [("沿同協定時総会", 27)]


def test_a_short_form_in_ren_with_no_is_the_organiser():
    text = "5月18日、沿青連の第14回全国大会が松山市で開かれました。\n"
    assert _summits(text) == [("沿青連全国大会", 14)]


def test_one_organisers_meeting_named_by_two_bare_words_is_one():
    text = ("沿同協30周年へ【沿同協第29回総会】山と海をつなぎ、町に根を張る\n"
            " 8月2~3日、富山で沿同協第29回定時総会が開かれ、742名が集まりました。\n")
    assert _summits(text) == [("沿同協定時総会", 29)]
