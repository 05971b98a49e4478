"""A 例規集 header's name may cite a law's article and run long (…に関する法律第10条第1項の規定に基づく
準則を定める条例, as a 準則 ordinance is named after the law it serves): the line over the date and number
is the name whole, digits of the article and all. The texts are made up (real places, invented laws)."""
from tests.records.built import records_of

_NAME = "遠野市地域の木材産業の集積と活用の促進に関する法律第10条第1項の規定に基づく準則を定める条例"


def _ordinances(text: str) -> list[dict]:
    _, recs = records_of(text)
    return [r for r in recs if r["type"] == "ordinance"]


def test_a_header_citing_an_article(nlp):
    text = (f"○{_NAME}\n\n平成25年3月8日\n\n条例第12号\n\n(趣旨)\n"
            "第1条 この条例は、法の規定に基づき、緑地面積の割合について必要な事項を定めるものとする。\n")
    (rec,) = _ordinances(text)
    assert rec["name"] == _NAME and rec["municipality"] == "遠野市"


def test_a_long_header_name(nlp):
    name = "紫波町みんなで育てる里山と田園の恵みを生かした地域産業の振興及び担い手の育成に関する条例"
    text = f"○{name}\n\n令和3年3月19日\n\n条例第5号\n\n(目的)\n第1条 この条例は、地域産業の振興を図ることを目的とする。\n"
    assert [r["name"] for r in _ordinances(text)] == [name]


def test_an_article_opens_no_name(nlp):
    """第7条第2項の規定に基づく…条例 with no word before the article is no name whole."""
    text = ("○第7条第2項の規定に基づく準則の条例\n\n平成25年3月8日\n\n条例第12号\n\n(趣旨)\n"
            "第1条 この条例は、緑地面積の割合について必要な事項を定めるものとする。\n")
    assert all(not r["name"].startswith("第7条") for r in _ordinances(text))
