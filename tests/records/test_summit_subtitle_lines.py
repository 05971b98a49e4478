"""The line below a meeting's heading as its theme: a subtitle framed by dashes or waves gives the phrase
inside them; a photo's caption (↑…, 写真…, …の様子) is no theme. Each text is made up for the case it
shows (real towns, invented meetings)."""
import pytest

from tests.records.built import field_spans, the_record


def _summit(text: str) -> dict:
    return the_record(text, "summit")


@pytest.mark.parametrize("line", ["~水と緑のまちづくり~", "〜水と緑のまちづくり〜", "―水と緑のまちづくり―", "- 水と緑のまちづくり -"])
def test_a_framed_subtitle_is_the_phrase_inside_its_frame(nlp, line):
    rec = _summit(f"第4回全国ダムサミット in 長井\n{line}\n日時 令和元年7月4日\n")
    assert rec["theme"] == "水と緑のまちづくり"
    assert [ev["quote"] for ev in field_spans(rec, "theme")] == ["水と緑のまちづくり"]


@pytest.mark.parametrize("line", ["↑会場の様子", "写真:2日目の全体会", "全体会の様子", "▲あいさつする実行委員長"])
def test_a_caption_below_the_heading_is_no_theme(nlp, line):
    rec = _summit(f"第4回全国ダムサミット\n{line}\n日時 令和元年7月4日\n")
    assert rec["theme"] is None


@pytest.mark.parametrize("line", ["【会場】長井市民文化会館(山形県長井市ままの上5-1)", "[会場] 長井市民文化会館ほか",
                                  "会場 長井市民文化会館ほか", "【主催】全国ダム協議会"])
def test_a_key_line_below_the_heading_is_no_theme(nlp, line):
    rec = _summit(f"【第4回全国ダムサミット】\n{line}\n【日時】令和元年7月4日\n")
    assert rec["theme"] is None


@pytest.mark.parametrize("text", [
    # a report wrapped at a fixed width: the line naming the meeting is a sentence, not a heading
    "「第4回全国ダムサミット」(同実行委員会主催)が4日、\n長井市の長井市民文化会館で開かれ、全国のダム関係者や\n自治体職員が意見を交わした。\n",
    # a title about an article that names the meeting after a case particle, over the article's headline
    "地元紙に第4回全国ダムサミットの記事掲載\n\nダム3町が連携\n長井市で第4回全国ダムサミットが4日に開かれた。\n",
])
def test_a_line_below_a_sentence_naming_the_meeting_is_no_theme(nlp, text):
    assert _summit(text)["theme"] is None
