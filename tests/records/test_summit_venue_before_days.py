"""A venue followed by the meeting's days written as a range (…で6月5日と6日の両日、「…」が開催) is the
meeting's venue, as one followed by a single day is. The text is invented (a real city, a made-up meeting)."""
from tests.records.built import summit_hosts


def test_two_days_and_their_count():
    text = "三条市の地場産業会館で6月5日と6日の2日間、「第12回全国刃物工業大会」が開催された。約400名が参加した。\n"
    assert summit_hosts(text) == [(12, "三条市")]


def test_a_hall_with_its_address_in_brackets():
    text = ("三条市地場産業会館(三条市東新保7、TEL 0256-00-0000)で6月5日・6日の2日間、「第12回全国刃物工業大会」が"
            "開催された。\n")
    assert summit_hosts(text) == [(12, "三条市")]
