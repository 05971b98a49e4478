"""A series name whose tail the page writes twice (第10回全国町長連携交流会連携交流会 報告) is the name once: a
slip of the page, not a longer name. Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import the_record


def test_the_doubled_tail_is_written_once(nlp):
    rec = the_record("第10回全国町長連携交流会連携交流会 報告(概要)\n平成17年5月20日から22日にかけて、愛知県長久手町におきまして、"
                     "第10回全国町長連携交流会を開催しました。\n", "summit")
    assert (rec["series"], rec["edition"], rec["host"]) == ("全国町長連携交流会", 10, "長久手町")
