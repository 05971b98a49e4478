"""A meeting's sentence that opens with its year and month, a venue clause between them and the
edition (平成28年5月に長岡市で第9回…が開かれた): that month dates the meeting. Each text is made up for
the case it shows (real bodies, invented events)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text", [
    "平成28年5月に長岡市で第9回中小企業都市サミットが開かれた。\n",
    "平成28年5月、新潟県長岡市の長岡グランドホテルで第9回中小企業都市サミットが開かれた。\n",
    "平成28年5月に長岡市で第9回中小企業都市サミットは盛大に開催され、各市の市長が集った。\n",  # the verb not right after the name
])
def test_a_month_before_the_venue_dates_the_meeting(nlp, text):
    _, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["start_date"], rec["host"]) == ("2016-05", "長岡市")


@pytest.mark.parametrize("text", [
    "平成28年5月に長岡市で第9回中小企業都市サミットの準備会合を開いた。次は来年だ。\n",  # no holding of the meeting
    "平成28年度に長岡市で第9回中小企業都市サミットが開かれた。\n",                       # a fiscal year: a period
])
def test_no_month_without_the_meetings_holding(nlp, text):
    _, recs = records_of(text)
    assert all(r["start_date"] is None for r in recs if r["type"] == "summit")
