"""A line that is an ordinance's name whole, right over the ordinance's own text (its articles, or a
preamble ending in この条例を制定する。 before them), is the name whole, as a 例規集 header over its
number is: an assembly's page gives the text with no number, and a name may open with kana the token
rules do not read (ようこそ…, みんなで…). The texts are made up (real places, invented ordinances)."""
from tests.records.built import records_of


def _names(text: str) -> list[str]:
    _, recs = records_of(text)
    return sorted({r["name"] for r in recs if r["type"] == "ordinance"})


def test_name_over_its_articles(nlp):
    text = ("条例本文\nみんなでつくる青森の地場産業振興条例\n(目的)\n"
            "第1条 この条例は、地場産業の振興に関し基本となる事項を定め、暮らしの豊かな県をつくることを目的とする。\n")
    assert _names(text) == ["みんなでつくる青森の地場産業振興条例"]


def test_name_over_its_preamble(nlp):
    text = ("本文\nようこそ富山の観光おもてなし条例\n"
            "富山県の観光は、豊かな自然と食文化に支えられ、多くの人を迎えてきた。\n"
            "ここに、観光の振興を県政の柱と位置付け、県民を挙げて旅する人を迎えるため、この条例を制定する。\n"
            "(目的)\n第1条 この条例は、観光の振興に関し基本理念を定めることを目的とする。\n")
    assert _names(text) == ["ようこそ富山の観光おもてなし条例"]


def test_a_news_heading_is_no_header(nlp):
    """A heading over news prose (no articles below it) is read as before: the nouns before 条例."""
    text = ("お知らせ\nようこそ富山の観光おもてなし条例\n"
            "富山県は3月20日、富山の観光おもてなし条例を制定したと発表しました。県は観光客の増加を見込んでいます。\n"
            "担当者は「旅する人を県民みんなで迎えたい」と話しています。\n")
    assert "ようこそ富山の観光おもてなし条例" not in _names(text)
