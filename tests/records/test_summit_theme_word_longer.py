"""A theme cue is a word of its own: テーマ inside a longer katakana word (「港の味」のテーマパーク, テーマソング)
marks no theme. Each text is made up for the case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, theme", [
    ("第5回全国観光大会が10月14日、倉敷市で開かれた。\n港の倉庫街は、いわば「港の味」のテーマパーク。週末はにぎわう。\n", None),
    ("第5回全国観光大会が10月14日、倉敷市で開かれた。大会では「瀬戸の夕日」のテーマソングが披露された。\n", None),
    ("第5回全国観光大会が10月14日、倉敷市で開かれた。「ものづくりと観光」をテーマに議論した。\n", "ものづくりと観光"),
])
def test_a_longer_word_is_no_cue(nlp, text, theme):
    assert the_record(text, "summit")["theme"] == theme
