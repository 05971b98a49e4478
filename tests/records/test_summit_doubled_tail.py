"""A series name whose tail the page writes twice (第7回全国離島連携交流会連携交流会 開催報告) is the name once: a
slip of the page, not a longer name. Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import the_record


def test_the_doubled_tail_is_written_once(nlp):
    rec = the_record("第7回全国離島連携交流会連携交流会 開催報告\n令和3年10月8日から9日まで、長崎県五島市において、"
                     "第7回全国離島連携交流会を催しました。\n", "summit")
    assert (rec["series"], rec["edition"], rec["host"]) == ("全国離島連携交流会", 7, "五島市")
