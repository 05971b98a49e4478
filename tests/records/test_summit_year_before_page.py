"""A meeting a page dated in January reports on a day of December, written without its year, was held in
December of the year before, and its date's evidence says so. Made up for the case (a real city, an
invented meeting)."""
from extractors.language.dates import YEAR_BEFORE_DOCUMENT
from tests.records.built import field_spans, the_record


def test_a_december_meeting_on_a_january_page(nlp):
    rec = the_record("更新日:2018年1月15日\n第7回東北ものづくりサミットが12月15日、盛岡市で開かれました。\n", "summit")
    assert (rec["edition"], rec["start_date"], rec["host"]) == (7, "2017-12-15", "盛岡市")
    assert {ev["how"] for ev in field_spans(rec, "start_date")} == {YEAR_BEFORE_DOCUMENT}
