"""A date key whose value goes on in the next line with the meeting's second day and its hours (日時:7月14日(木)
14:00~ / 15日(金) 9:30~, 日 時 令和5年9月21日 18:00~ 歓迎会 / 令和5年9月22日 10:00~ 全国大会): the meeting runs
to that day; not a line about something else (10日(火) 申込締切) or another meeting (…市長会議 ほか), nor a day past
a week. Invented meetings."""
import pytest

from tests.records.built import field_spans, records_of


def _days(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return [(r["start_date"], r["end_date"], [ev["quote"] for ev in field_spans(r, "end_date")])
            for r in recs if r["type"] == "summit"]


@pytest.mark.parametrize("text, days", [
    ("第20回青葉首長交流会のご案内\n今回も、市町村長の自由な意見交換の場とします。\n"
     "□日 時:平成28年7月14日(木)14:00~17:30 18:00~懇談会\n\n15日(金) 9:30~16:00 16:30~見学会\n\n□場 所:青葉会館",
     ("2016-07-14", "2016-07-15", ["15日"])),
    ("第56回若葉女性会連合会 港町全国大会\n日 時 令和5年9月21日 18:00~ 歓迎会\n令和5年9月22日 10:00~ 全国大会\n場 所 港町ホテル",
     ("2023-09-21", "2023-09-22", ["令和5年9月22日"])),
])
def test_the_day_below_ends_the_meeting(nlp, text, days):
    assert _days(text) == [days]


@pytest.mark.parametrize("text", [
    "第9回青葉サミット\n日時 令和5年10月5日(木)13:00~\n10日(火) 申込締切\n場所 青葉市民会館",
    "第9回青葉サミット\n日時 令和5年10月5日(木)13:00~\n20日(金) 13:00~ 報告会\n場所 青葉市民会館",
    # the day of another meeting held after it
    "第9回青葉サミット\n日時\n令和5年10月5日(木) 13:00~17:00 青葉サミット\n令和5年10月6日(金) 9:00~11:00 青葉市長会議 ほか\n場所 青葉市民会館",
])
def test_no_last_day_from_another_line(nlp, text):
    assert [(s, e) for s, e, _ in _days(text)] == [("2023-10-05", "2023-10-05")]
