"""A history table of a series set with spaces instead of tabs: a header opening with 回 and naming
a date column, rows opening with a bare number and a date. Each text is made up for the case it shows
(real bodies, invented events)."""
from tests.records.built import records_of


def test_a_table_set_with_spaces_under_a_header_naming_its_columns(nlp):
    text = ("全国ものづくり都市会議のあゆみ\n回 年月日 開催地 テーマ\n"
            "1 平成20年5月15日 墨田区 ものづくりの明日\n2 平成21年5月21日 燕市 技能の継承\n")
    _, recs = records_of(text)
    assert sorted((r["edition"], r["start_date"], r["host"], r["theme"]) for r in recs if r["type"] == "summit") == [
        (1, "2008-05-15", "墨田区", "ものづくりの明日"), (2, "2009-05-21", "燕市", "技能の継承")]


def test_numbered_lines_with_no_header_are_no_table(nlp):
    _, recs = records_of("全国ものづくり都市会議の記録\n1 平成20年5月15日 墨田区で開催\n2 平成21年5月21日 燕市で開催\n")
    assert not [r for r in recs if r["type"] == "summit" and r["edition"] in (1, 2)]
