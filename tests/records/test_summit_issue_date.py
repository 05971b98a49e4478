"""A heading that opens with a meeting's edition and ends with the issue of the paper reporting it
(…全国大会 in 青葉(青葉ジャーナル 2011年5月号)) gives no date: the issue's month is not the meeting's
day, which the text gives below (taking it gave a record whose end came before its start, rejected).
Our own sentences; real towns, invented meetings."""
from tests.records.built import records_of

_REPORT = ("第4回 ものづくり交流全国大会 in ひろさき(地域連携ジャーナル 2011年5月号)\n2011年5月号\nイベント報告\n"
           "第4回 ものづくり交流全国大会 in ひろさき\n"
           "2011年3月12日、全国から約200名が集まり、「第4回 ものづくり交流全国大会 in ひろさき」が弘前学院大学で開催された。\n"
           "今回で4回目となる開催で、「みんなでつくろう、つながろう」を合言葉に、交流を深めた。\n")


def test_an_issue_month_is_not_the_meetings_date():
    _, recs = records_of(_REPORT, title=_REPORT.splitlines()[0])
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["edition"], rec["start_date"], rec["end_date"]) == (4, "2011-03-12", "2011-03-12")
