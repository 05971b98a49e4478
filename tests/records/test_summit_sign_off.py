"""A page signed and dated at its foot (its last line a date and the body that wrote it): that date is
the page's, not the meeting's. Each text is made up for the case it shows (real bodies, invented events)."""
import pytest

from tests.records.built import records_of

BODY = "第18回全国産業都市定例会が、5月14日、浜松市で開かれました。\n"


@pytest.mark.parametrize("foot", ["令和元年5月16日 浜松市", "令和元年5月16日 浜松市産業部"])
def test_a_date_signed_at_the_foot_does_not_date_the_meeting(nlp, foot):
    _, recs = records_of(BODY + foot + "\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["start_date"] != "2019-05-16" and rec["host"] == "浜松市"

