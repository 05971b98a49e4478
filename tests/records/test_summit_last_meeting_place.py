"""The place of a sentence about the last meeting (昨年は小坂町で開かれ, or one naming another edition: 小坂町で
開かれた第11回に続く) is that meeting's, never the page's meeting's host. Each text is made up for the case it shows
(real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("last", [
    "昨年は秋田県鹿角郡小坂町で開かれ、約500人が参加した。",
    "昨年11月に小坂町で開かれた第11回に続くもので、県内では初。",
])
def test_the_last_meetings_place_is_not_the_host(nlp, last):
    text = ("全国ものづくりフォーラムが10月1、2の2日間、燕三条地域で開かれる。\n"
            f"全国ものづくりフォーラムは、毎年、開催地を変えて開かれており、ことしで12回目。\n{last}\n")
    rec = the_record(text, "summit")
    assert (rec["edition"], rec["host"]) == (12, None)


def test_the_pages_own_place_stays(nlp):
    text = ("全国ものづくりフォーラムが10月1、2の2日間、新潟県三条市で開かれる。\n"
            "全国ものづくりフォーラムは、毎年、開催地を変えて開かれており、ことしで12回目。昨年は秋田県鹿角郡小坂町で開かれた。\n")
    rec = the_record(text, "summit")
    assert (rec["edition"], rec["host"]) == (12, "三条市")
