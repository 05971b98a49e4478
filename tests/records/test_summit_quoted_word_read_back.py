"""A name that quotes a word inside it (全国「みなと」サミット, 道南経営者“共育”研究集会) is read whole when read
back from its meeting word, as it is after 第N回: a count of the page's meeting then has its series. A
quote that opens the name, or one after a particle, is no part of it. Each text is made up for the case
it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_a_corner_quoted_word_inside_the_name():
    text = "全国「みなと」サミットが5月10日、室蘭市で開かれた。今年で7回目となり、約300人が参加した。\n"
    assert _summits(text) == [("全国「みなと」サミット", 7)]


def test_a_curly_quoted_word_inside_the_name():
    text = "道南同友会は9月5日、道南経営者“共育”研究集会を函館市で開催しました。12回目となる今回の集会には、会員ら300名が参加しました。\n"
    assert _summits(text) == [("道南経営者“共育”研究集会", 12)]
