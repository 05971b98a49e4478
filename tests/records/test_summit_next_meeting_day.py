"""On a one-meeting page, a day in a sentence that speaks of the next meeting before it (次回の会議は、…日に…で
開催予定) is that meeting's, never this one's. Each text is made up for the case it shows (real towns, invented
meetings)."""
from tests.records.built import the_record


def test_the_next_meetings_day_is_not_this_ones(nlp):
    rec = the_record("第76回全国専務理事会議を長野市で開催した。\n今回の会議の全体テーマは「地域の稼ぐ力」。"
                     "次回の会議は、2025年5月15~16日に鹿児島市で開催予定。\n", "summit")
    assert (rec["edition"], rec["start_date"], rec["host"]) == (76, None, "長野市")


def test_a_day_before_the_next_meeting_stays(nlp):
    rec = the_record("第76回全国専務理事会議を2024年5月23日に長野市で開催し、次回の開催地を鹿児島市に決めた。\n", "summit")
    assert (rec["edition"], rec["start_date"], rec["host"]) == (76, "2024-05-23", "長野市")
