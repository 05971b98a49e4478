"""A body's general meeting named by its year (…を語る会令和2年定例総会) is that body's annual meeting,
not a series of meetings named by year: 定例総会, like 定時総会 and 通常総会, is a bare meeting word. A
numbered 定例総会 of a named body is still read. Each text is made up for the case it shows (real places,
invented bodies)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_a_year_named_general_meeting_is_no_summit():
    text = ("活動報告\n令和2年定例総会を開きました\n"
            " 令和2年5月19日、熊本市内で、「湖と森の未来を語る会令和2年定例総会」を開きました。\n")
    assert _summits(text) == []


def test_a_numbered_general_meeting_of_a_named_body_is_read():
    assert _summits("第15回沿岸町村会定例総会が5月19日、熊本市で開かれました。\n") == [("沿岸町村会定例総会", 15)]
