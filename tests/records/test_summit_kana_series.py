"""A series named in a heading with no edition before it, whose name holds a word in hiragana
(全国ものづくり都市会議のあゆみ over a table of its editions): the whole name, not only its kanji
tail. Each text is made up for the case it shows (real bodies, invented events)."""
import pytest

from extractors.language.meetings import names_in
from tests.records.built import records_of

ROWS = "回 年月日 開催地\n第1回 平成20年5月15日 墨田区\n第2回 平成21年5月21日 燕市\n"


@pytest.mark.parametrize("heading", ["全国ものづくり都市会議のあゆみ", "全国ものづくり都市会議\nこれまでの開催"])
def test_a_heading_names_the_series_of_the_rows_below(nlp, heading):
    _, recs = records_of(f"{heading}\n{ROWS}")
    assert sorted((r["edition"], r["series"], r["host"]) for r in recs if r["type"] == "summit") == [
        (1, "全国ものづくり都市会議", "墨田区"), (2, "全国ものづくり都市会議", "燕市")]


@pytest.mark.parametrize("text, name", [
    ("全国ものづくり都市会議のあゆみ", "全国ものづくり都市会議"),
    ("まちとしごと都市会議", "まちとしごと都市会議"),
    ("燕市の都市会議", "都市会議"),                 # の alone: a particle, not part of a name
    ("市長らが出席した都市会議", "都市会議"),       # a clause before it
    ("昨年はものづくり都市会議", "都市会議"),       # a particle in the line before the word
])
def test_a_hiragana_word_is_read_back_only_as_a_whole_heading(text, name):
    assert [f.text for f in names_in(text, 0, len(text))][0] == name

