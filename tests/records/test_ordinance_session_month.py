"""The month of the assembly's session that passed an ordinance (3月定例会で…可決, 12月議会で可決), its year
from the page's own date (the last such month on or before it), when the sentence says the bill was made
there; a session that kept, examined or will examine the bill dates nothing. Each text is made up for the
case it shows (real bodies, invented events)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text, enacted", [
    ("2013.04.22 議会報告\n「燕市中小企業振興基本条例」は、3月定例会で全員賛成で可決・成立しました。\n", "2013-03"),
    ("令和2年7月10日\n燕市議会の6月定例会で、「燕市ものづくり条例」が可決されました。\n", "2020-06"),
    # a session later in the year than the page's date: the year before
    ("2019年1月15日\n燕市ものづくり条例は、12月議会で可決された。\n", "2018-12"),
    # the session that kept the bill, then the one that passed it
    ("2013.04.22 議会報告\n12月議会で継続審査になった「燕市中小企業振興基本条例」は、3月定例会で修正され、"
     "全員賛成で可決・成立しました。\n", "2013-03"),
])
def test_the_session_that_passed_it_dates_it(nlp, text, enacted):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert rec["enacted_date"] == enacted
    assert "月" in field_spans(rec, "enacted_date")[0]["quote"]


@pytest.mark.parametrize("text", [
    "燕市ものづくり条例は、12月議会で可決された。\n",  # the page gives itself no date
    "2019年1月15日\n燕市ものづくり条例は、3月定例会で審議される予定です。\n",  # still ahead
    "2019年1月15日\n燕市ものづくり条例は、12月議会で継続審査となった。\n",  # kept
])
def test_a_session_that_did_not_pass_it_dates_nothing(nlp, text):
    _, recs = records_of(text)
    assert all(r["enacted_date"] is None for r in recs if r["type"] == "ordinance")
