"""A subtitle framed in waves or dashes right after the meeting's name (…シンポジウム ~港と生きるまち~,
「…大会2019-海から未来へ-」) is the meeting's theme, before a theme a cue word gives elsewhere on the page;
a frame that says where it was held or holds a date is none. Each text is made up for the case it shows
(real places, invented meetings)."""
from tests.records.built import records_of


def _themes(text):
    _, recs = records_of(text)
    return [r["theme"] for r in recs if r["type"] == "summit"]


def test_waves_after_the_name_frame_its_theme():
    text = ("2019年度 第3回港町再生シンポジウム ~港と生きるまち~\n"
            "2019年11月8日、第3回港町再生シンポジウムを函館市の市民会館で開催しました。\n")
    assert _themes(text) == ["港と生きるまち"]


def test_dashes_after_the_year_of_the_name_frame_its_theme_before_a_cue():
    text = ("青葉商工会議所は10月4、5の両日、「第2回商工会議所港町大会2019-海から未来へつなごう-」を函館市で開催する。\n"
            "「港町」をテーマにした大会の開催は、昨年に続き2回目。\n")
    assert _themes(text) == ["海から未来へつなごう"]


def test_a_frame_that_says_where_it_was_held_is_no_theme():
    text = "第5回港町女性会総会~函館市で開催~\n第5回港町女性会総会が5月20日に開かれました。\n"
    assert _themes(text) == [None]
