"""A numbered セミナー is a meeting of a series as a フォーラム is (第12回東北経済人セミナー, 第30回を迎える
北陸財界セミナー); two meetings held together (…セミナー及び臨時総会) part at 及び; a seminar named by its
year or said to be the first is a one-off event, no summit. Each text is made up for the case it shows
(real places, invented events)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_numbered_seminar_is_a_meeting():
    text = "第12回東北経済人セミナーが5月20日、仙台市の国際センターで開かれ、約500人が参加した。\n"
    assert _summits(text) == [("東北経済人セミナー", 12, "仙台市")]


def test_a_seminar_counted_before_its_name():
    text = "第30回を迎える北陸財界セミナーが2月5日、金沢市のホテルで開かれる。\n"
    assert [s[:2] for s in _summits(text)] == [("北陸財界セミナー", 30)]


def test_two_meetings_held_together_part_at_oyobi():
    text = "「地域の明日を語る会」の第4回地域政策セミナー及び臨時総会が10月2日、熊本市内で開催された。\n"
    assert [s[:2] for s in _summits(text)] == [("地域政策セミナー", 4)]


def test_a_seminar_named_by_its_year_is_no_summit():
    text = "青葉商工会議所は6月3日、創業支援セミナー2024を盛岡市の市民会館で開催した。\n"
    assert _summits(text) == []


def test_a_first_seminar_is_no_summit():
    text = "盛岡市は6月3日、初の女性起業セミナーを市民会館で開いた。\n"
    assert _summits(text) == []


def test_a_bare_seminar_on_another_meetings_page_is_a_session():
    text = "第10回東北ものづくりサミットが6月5日、盛岡市で開かれた。午後の第2回セミナーでは、県内の経営者が事例を発表した。\n"
    assert [s[:2] for s in _summits(text)] == [("東北ものづくりサミット", 10)]


def test_a_bare_seminar_on_a_seminars_page_is_that_seminar():
    text = "第57回北陸財界セミナーが2月7日、金沢市で開かれた。第57回セミナーでは、六つの分科会も開かれた。\n"
    assert [s[:2] for s in _summits(text)] == [("北陸財界セミナー", 57)]
