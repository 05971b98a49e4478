"""A meeting's day in figures under a date key, in forms the sentence reader leaves alone: a two-digit year
(日時 19/7/4(木)) or spaces around the slashes (開催日 2019 / 07 / 04 13:00). Each text is made up for the
case it shows (real towns, invented meetings)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("line,day", [
    ("日時 19/7/4(木)", "2019-07-04"),
    ("開催日 2019 / 07 / 04 13:00", "2019-07-04"),
    ("期日:98.7.4", "1998-07-04"),
])
def test_a_day_in_figures_under_a_date_key(nlp, line, day):
    _, recs = records_of(f"第10回全国ダムサミット\n{line}\n会場 長井市民文化会館\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["start_date"], rec["end_date"]) == (day, day)
    assert len(field_spans(rec, "start_date")) == 1


@pytest.mark.parametrize("line", ["日時 19/13/4", "日時 3/4/5/6"])
def test_no_day_in_figures_that_are_no_date(nlp, line):
    _, recs = records_of(f"第10回全国ダムサミット\n{line}\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["start_date"] is None
