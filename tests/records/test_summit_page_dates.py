"""A one-meeting page with no date of its own: days joined as 両日 / 2日間 read in the year of the
meeting's name, and the page's meeting given as a count beside another numbered meeting (invented
sentences of each kind, real ja_ginza)."""
import pytest

from tests.records.built import records_of


def _summits(text: str) -> list[dict]:
    return [r for r in records_of(text)[1] if r["type"] == "summit"]


@pytest.mark.parametrize("days, start, end", [
    ("9月3、4の2日間", "2019-09-03", "2019-09-04"),
    ("9月3、4の両日", "2019-09-03", "2019-09-04"),
])
def test_two_days_joined_as_ryoujitsu_are_the_meetings_days(nlp, days, start, end):
    (s,) = _summits(f"「青葉工芸サミット2019in松本」が{days}、松本市の文化会館を会場に開かれた。"
                    "産地の首長らが集まり、工芸の将来を話し合った。")
    assert (s["start_date"], s["end_date"], s["host"]) == (start, end, "松本市")


def test_a_count_is_the_pages_meeting_beside_the_next_numbered_one(nlp):
    found = {s["edition"]: s for s in _summits(
        "青葉商工会議所は10月8日から10日まで、松江市を会場に「全国まちづくり交流大会2019in松江」を開いた。"
        "同大会は今回で12回目で、各地の会員が取り組みを発表した。第13回大会は来年10月、鳥取市で開く予定。")}
    assert found[12]["series"] == "全国まちづくり交流大会"
    assert (found[12]["start_date"], found[12]["end_date"], found[12]["host"]) == ("2019-10-08", "2019-10-10", "松江市")
    assert found[13]["host"] != "松江市"


@pytest.mark.parametrize("text, start, end", [
    ("第3回青葉工芸サミットが2019年10月20日、松本市で始まった。21日まで。", "2019-10-20", "2019-10-21"),
    ("第3回青葉工芸サミットが2019年10月31日、松本市で始まった。各地の首長が集まった。1日まで。", "2019-10-31", "2019-11-01"),
    # a deadline, a day too far, another paragraph: no last day of the meeting
    ("第3回青葉工芸サミットが2019年10月20日、松本市で開かれた。参加の申し込みは21日まで。", "2019-10-20", "2019-10-20"),
    ("第3回青葉工芸サミットが2019年10月20日、松本市で始まった。30日まで。", "2019-10-20", "2019-10-20"),
    ("第3回青葉工芸サミットが2019年10月20日、松本市で開かれた。\n写真展は21日まで。", "2019-10-20", "2019-10-20"),
])
def test_a_sentence_until_a_day_gives_the_last_day(nlp, text, start, end):
    (s,) = _summits(text)
    assert (s["start_date"], s["end_date"]) == (start, end)
