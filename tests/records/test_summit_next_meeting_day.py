"""On a one-meeting page, a day in a sentence that speaks of the next meeting before it (次回の会議は、…日に…で
開催予定) is that meeting's, never this one's. Each text is made up for the case it shows (real towns, invented
meetings)."""
from tests.records.built import the_record


def test_the_next_meetings_day_is_not_this_ones(nlp):
    rec = the_record("第31回全国事務局長会議を福井市で開いた。\n会議の主題は「人手不足への備え」。"
                     "次回の会議は、2026年6月4~5日に高知市で開催予定。\n", "summit")
    assert (rec["edition"], rec["start_date"], rec["host"]) == (31, None, "福井市")


def test_a_day_before_the_next_meeting_stays(nlp):
    rec = the_record("第31回全国事務局長会議を2025年6月12日に福井市で開催し、次回の開催地を高知市に決めた。\n", "summit")
    assert (rec["edition"], rec["start_date"], rec["host"]) == (31, "2025-06-12", "福井市")
