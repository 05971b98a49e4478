"""On a page about one ordinance, the sentence after one naming it may leave the ordinance out and end on
the date it was made (…を目指して、令和元年に制定されました。): that date is its making's (施行:
the effective date; 制定, 公布: the enacted one). Not when that sentence names a 条例 of its own, holds two
dates, or tells the making ahead. Each text is made up for the case it shows (real bodies, invented pages)."""
import pytest

from tests.records.built import records_of


def _dates(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return [(r["name"], r["enacted_date"], r["effective_date"]) for r in recs if r["type"] == "ordinance"]


@pytest.mark.parametrize("text, expected", [
    ("例会報告\n「三次市商工業応援条例」を知っていますか。店や工場の跡継ぎを育て、商店街のにぎわいを取り戻すために、"
     "令和3年に制定されました。\n", ("三次市商工業応援条例", "2021", None)),
    ("庄原市小規模企業振興条例について\n庄原市小規模企業振興条例を紹介します。商工会の提案をもとに、平成30年7月1日より施行しました。\n",
     ("庄原市小規模企業振興条例", None, "2018-07-01")),
])
def test_a_making_told_after_the_name_with_its_subject_left_out(nlp, text, expected):
    assert _dates(text) == [expected]


@pytest.mark.parametrize("text", [
    # told ahead
    "庄原市小規模企業振興条例を紹介します。商工会の提案をもとに、令和8年7月1日より施行される見込みです。\n",
    # the next sentence names an ordinance of its own
    "庄原市小規模企業振興条例を紹介します。同じ年に、庄原市企業立地条例も令和2年に制定されました。\n",
    # two dates: which one is the making's is not settled
    "庄原市小規模企業振興条例を紹介します。平成29年に検討を始め、平成30年に制定されました。\n",
])
def test_no_date_when_the_next_sentence_does_not_settle_it(nlp, text):
    assert all(e is None and f is None for n, e, f in _dates(text) if n == "庄原市小規模企業振興条例")
