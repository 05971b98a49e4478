"""A convention's page that lists a body's own meetings held beside it (…協議会 第3回理事会・第5回通常総会・代表者会議):
a name that holds another 第N回 is no series, and a bare 総会 on a page whose series is a 大会 is that body's
general meeting, not the convention (a body's own 第93回総会 on its 市長会's page stays). Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import records_of


def _summits(text: str) -> list[tuple]:
    _, recs = records_of(text, title=text.split("\n", 1)[0])
    return sorted((r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit")


def test_the_body_meetings_beside_the_convention(nlp):
    text = ("第22回九州ブロック大会 やつしろ大会\n11月5日(土)、6日(日)の両日、熊本県八代市で第22回九州ブロック大会やつしろ大会を"
            "催しました。初日は八代市内の会館で九州ブロック青年協議会 第3回理事会・第5回通常総会・代表者会議を"
            "開き、6日(日)は八代市厚生会館で式典を開きました。\n")
    assert _summits(text) == [("九州ブロック大会", 22, "八代市")]


def test_a_bare_general_meeting_of_a_general_meetings_page(nlp):
    text = "第31回東西同友会定時総会\n東西同友会は6月3日、盛岡市で第31回定時総会を開きました。\n"
    assert _summits(text) == [("東西同友会定時総会", 31, "盛岡市")]


def test_a_bodys_general_meeting_on_its_own_page(nlp):
    text = ("花巻市に市長が集う 「東北市長会」12年ぶり\n"
            "東北6県の市長が顔をそろえる東北市長会(会長=佐藤市長)の第93回総会が、2025年4月17、18日に岩手県花巻市で催される。\n")
    assert [(s, n) for s, n, _ in _summits(text)] == [("東北市長会", 93)]


def test_a_bare_general_meeting_held_the_day_before_the_convention(nlp):
    text = ("第15回四国ブロック大会 いまばり大会\n9月20日(土)、愛媛県今治市の市民会館で第15回四国ブロック大会いまばり大会を"
            "開きました。前日の19日には同じ会館で第8回通常総会を開き、新しい役員を選びました。\n")
    assert _summits(text) == [("四国ブロック大会", 15, "今治市")]
