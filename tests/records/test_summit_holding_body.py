"""Where a summit page writes no venue, the municipality that held the meeting: named by its role
(開催市の…), the subject of 「…を開催した」, a 主催 key's municipality, or the page's own municipality
for a sentence with no subject. Each text is made up for the case it shows (real towns, invented
meetings)."""
import pytest

from tests.records.built import field_spans, records_of


def _summit(text: str, title: str, uri: str = "file:///invented.txt") -> dict:
    _, recs = records_of(text, title, uri=uri)
    (s,) = [r for r in recs if r["type"] == "summit" and r["edition"] == 5]
    return s


@pytest.mark.parametrize("text", [
    "2019年10月5日、第5回全国ものづくりサミットが開催され、開催市の松本市をはじめ12市が参加した。",
    "松本市は2019年10月5日、第5回全国ものづくりサミットを開催した。全国から12市の市長が集まった。",
    "第5回全国ものづくりサミット\n開催日 2019年10月5日\n主催 松本市\n",
])
def test_the_holding_municipality_is_the_host_where_no_venue_is_written(nlp, text):
    s = _summit(text, "第5回全国ものづくりサミット")
    assert (s["edition"], s["host"], s["start_date"]) == (5, "松本市", "2019-10-05")


def test_a_city_page_that_says_it_held_the_meeting_names_the_city(nlp):
    s = _summit("2019年10月5日、第5回全国ものづくりサミットを開催しました。全国12市の市長が参加しました。",
                "第5回全国ものづくりサミットを開催しました - 松本市", uri="https://www.city.matsumoto.nagano.jp/x.html")
    assert s["host"] == "松本市"
    (span,) = field_spans(s, "host")
    assert span["how"] == "publisher"


@pytest.mark.parametrize("text", [
    # attending cities are no holders; a 主催 of several bodies names no one host
    "2019年10月5日、第5回全国ものづくりサミットが開催され、松本市が参加した。",
    "第5回全国ものづくりサミット\n開催日 2019年10月5日\n主催 松本市、全国ものづくり協議会\n",
    # the next meeting's holder is not this one's
    "2019年10月5日、第5回全国ものづくりサミットが開催された。次回は松本市が第6回全国ものづくりサミットを開催する。",
])
def test_no_host_from_attendees_several_organisers_or_the_next_meeting(nlp, text):
    s = _summit(text, "第5回全国ものづくりサミット")
    assert s["edition"] == 5 and s["host"] is None


@pytest.mark.parametrize("text", [
    "2019年10月5日、第5回全国ものづくりサミットが開かれた。開催市を代表して松本市長が歓迎のあいさつを述べた。",
    "2019年10月5日、第5回全国ものづくりサミットが開かれ、開催地を代表して、松本市の市長があいさつした。",
])
def test_the_mayor_speaking_for_the_host_city_names_it(nlp, text):
    assert _summit(text, "第5回全国ものづくりサミット")["host"] == "松本市"


def test_a_mayor_speaking_without_the_host_role_names_no_host(nlp):
    s = _summit("2019年10月5日、第5回全国ものづくりサミットが開かれ、松本市長が来賓としてあいさつした。", "第5回全国ものづくりサミット")
    assert s["host"] is None
