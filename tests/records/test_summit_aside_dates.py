"""A date in brackets right after a place's name (青葉市(平成20年4月1日): when that city was made) or an
"as of" date (…の市(令和2年4月1日現在)) qualifies what it follows: it is not the day of the meeting the
page reports. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["edition"], r["start_date"]) for r in recs if r["type"] == "summit"]


def test_a_new_citys_date_in_brackets_is_no_meeting_day():
    text = ("第12回沿岸都市首長会議が9月3日、港湾会館において開催された。\n"
            "次いで、前回以降に市制を施行した白浜市(平成18年4月1日)、北浜市(同4月1日)が紹介された。\n")
    assert _summits(text) == [(12, None)]


def test_an_as_of_date_is_no_meeting_day():
    text = ("第30回沿岸都市首長会議が港湾会館で開かれ、出席しました。\n"
            "この会は全国120の市(令和2年4月1日現在)で組織されています。\n")
    assert _summits(text) == [(30, None)]


def test_a_dated_heading_still_dates_its_meeting():
    text = ("第31回沿岸都市首長会議を開催(令和3年5月20日)\n"
            " 5月20日、第31回沿岸都市首長会議を港湾会館において開催した。\n")
    assert _summits(text) == [(31, "2021-05-20")]
