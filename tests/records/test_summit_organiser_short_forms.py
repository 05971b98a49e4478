"""An organiser named by its short form right before a bare meeting's edition (沿同協第51回定時総会,
沿青連の第20回大会: 協 and 連 end the short forms of a 協議会 and a 連合会) makes the series that body's
meeting, so that pages of one meeting share its series; in one page, the organiser's meeting named by two
bare words (【沿同協第49回総会】 over 沿同協第49回定時総会) is one meeting. Each text is made up for the
case it shows (real places, invented organisations and meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_a_short_form_in_kyo_before_the_edition_is_the_organiser():
    text = "7月4、5の両日、沿同協第51回定時総会が東京で開催されました。\n"
    assert _summits(text) == [("沿同協定時総会", 51)]


def test_a_short_form_in_ren_with_no_is_the_organiser():
    text = "11月21日、沿青連の第20回全国大会が広島市で開催されました。\n"
    assert _summits(text) == [("沿青連全国大会", 20)]


def test_one_organisers_meeting_named_by_two_bare_words_is_one():
    text = ("沿同協50周年へ【沿同協第49回総会】海を見据え、地域に生きる\n"
            " 7月6~7日、愛知で沿同協第49回定時総会が開催され、1618名が参加しました。\n")
    assert _summits(text) == [("沿同協定時総会", 49)]
