"""An edition with a name of its own after the series' name (第12回全国大会 みちのく八戸大会, 第9回全国大会
ほくりくとやま大会, …連合会総会 さいたま大会): the series is the name before it (a bare 全国大会 too, not the
edition's name), and the place the edition's name ends on, in kanji or in kana read by the postal table,
is the host. Each text is made up for the case it shows (real places, invented meetings)."""
from extractors.language import meetings
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def _conventions(text):  # (the bare 全国大会 may take its organiser's name: 青葉経済人連盟全国大会)
    return [(s[-4:], e, h) for s, e, h in _summits(text)]


def test_a_bare_convention_word_before_an_edition_name_in_kana():
    text = "青葉経済人連盟は9月3~5日、「第12回全国大会 北の杜はちのへ大会」を開催した。\n"
    assert _conventions(text) == [("全国大会", 12, "八戸市")]


def test_an_edition_name_joined_to_the_bare_word():
    text = "青葉経済人連盟は「第9回全国大会北陸とやま大会」を開いた。\n"
    assert _conventions(text) == [("全国大会", 9, "富山市")]


def test_a_named_series_then_a_spaced_edition_name():
    text = "第30回 東北商店街女性会連合会総会 もりおか大会が開かれました。\n"
    assert _summits(text) == [("東北商店街女性会連合会総会", 30, "盛岡市")]


def test_the_reader():
    text = "第9回全国大会 がんばろう未来大会"
    assert meetings.edition_name(text, 7) is None  # no place at its end
    text = "第9回全国大会 北の国あおもり大会を"
    assert meetings.name_after(text, 3).text == "全国大会"
    assert [f.text for f in meetings.edition_name(text, 7)] == ["北の国あおもり大会", "あおもり"]
