"""The line below a meeting's heading as its theme: a subtitle framed by dashes or waves gives the phrase
inside them; a photo's caption (↑…, 写真…, …の様子) is no theme. Each text is made up for the case it
shows (real towns, invented meetings)."""
import pytest

from tests.records.built import field_spans, records_of


def _summit(text: str) -> dict:
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    return rec


@pytest.mark.parametrize("line", ["~水と緑のまちづくり~", "〜水と緑のまちづくり〜", "―水と緑のまちづくり―", "- 水と緑のまちづくり -"])
def test_a_framed_subtitle_is_the_phrase_inside_its_frame(nlp, line):
    rec = _summit(f"第4回全国ダムサミット in 長井\n{line}\n日時 令和元年7月4日\n")
    assert rec["theme"] == "水と緑のまちづくり"
    assert [ev["quote"] for ev in field_spans(rec, "theme")] == ["水と緑のまちづくり"]


@pytest.mark.parametrize("line", ["↑会場の様子", "写真:2日目の全体会", "全体会の様子", "▲あいさつする実行委員長"])
def test_a_caption_below_the_heading_is_no_theme(nlp, line):
    rec = _summit(f"第4回全国ダムサミット\n{line}\n日時 令和元年7月4日\n")
    assert rec["theme"] is None
