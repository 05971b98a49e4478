"""A body's own numbered meeting named by the body (第52回東北沿岸市長会, 第23回…青年部連絡会), and a liaison
meeting of the member bodies it names (第11回北東北・道南商工会議所連絡会議) are meetings of a series; a
municipality's own liaison council (第5回仙台市地域包括ケア連絡会, …産業振興連絡会議) is a committee, and a
word ending in 会 is not read inside …会議 (全国市長会議 is read whole). Each text is made up for the case
it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_a_numbered_meeting_of_a_mayors_association():
    assert _summits("第52回東北沿岸市長会が5月16日、岩手県宮古市で開かれた。\n") == [("東北沿岸市長会", 52)]


def test_a_numbered_liaison_council_of_a_federation():
    text = "翌6月12日に第23回山並同友会青年部連絡会が秋田で開かれ、41同友会から57名が集まりました。\n"
    assert _summits(text) == [("山並同友会青年部連絡会", 23)]


def test_a_liaison_meeting_of_the_chambers_it_names():
    text = "第11回北東北・道南商工会議所連絡会議が、10月7日、青森県八戸市で開かれた。\n"
    assert _summits(text) == [("北東北・道南商工会議所連絡会議", 11)]


def test_a_citys_own_liaison_councils_are_committees():
    assert _summits("第5回仙台市地域包括ケア連絡会を4月20日に開いた。\n") == []
    assert _summits("第5回仙台市産業振興連絡会議を4月20日に開いた。\n") == []


def test_a_meeting_word_in_kai_is_not_read_inside_kaigi():
    assert _summits("第93回全国沿岸市長会議(通常総会)を市民会館で開いた。\n") == [("全国沿岸市長会議", 93)]
