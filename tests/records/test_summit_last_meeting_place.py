"""The place of a sentence about the last meeting (昨年は洋野町で開かれ, or one naming another edition: 洋野町で
開かれた第11回に続く) is that meeting's, never the page's meeting's host. Each text is made up for the case it shows
(real towns, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("last", [
    "昨年は岩手県九戸郡洋野町で開かれ、およそ300人が集まった。",
    "昨年10月に洋野町で開かれた第11回に続くもので、県内での開催は初めて。",
])
def test_the_last_meetings_place_is_not_the_host(nlp, last):
    text = ("全国ものづくりフォーラムが11月8、9日の両日、東濃地域で開かれる。\n"
            f"全国ものづくりフォーラムは、持ち回りで各地を巡っており、ことしで12回目。\n{last}\n")
    rec = the_record(text, "summit")
    assert (rec["edition"], rec["host"]) == (12, None)


def test_the_pages_own_place_stays(nlp):
    text = ("全国ものづくりフォーラムが11月8、9日の両日、岐阜県多治見市で開かれる。\n"
            "全国ものづくりフォーラムは、持ち回りで各地を巡っており、ことしで12回目。昨年は岩手県九戸郡洋野町で開かれた。\n")
    rec = the_record(text, "summit")
    assert (rec["edition"], rec["host"]) == (12, "多治見市")
