"""A page with no edition mark nor count that tells a series' first holding (初の「…サミット」,
「…サミット」を初開催した) gives that meeting as edition 1; a first at one place (県内で初めて開かれ)
or a record (史上初の) says nothing of the number, and a page that numbers the meeting keeps its number.
Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_first_named_after_it_is_edition_one():
    text = ("山あいの町が集う初の「棚田のまち首長サミット」\n"
            "「全国棚田のまち首長サミット」が9日、長野県小川村で開かれた。12町村の首長が参加した。\n")
    assert _summits(text) == [("全国棚田のまち首長サミット", 1, "小川村")]


def test_a_first_holding_after_the_name_is_edition_one():
    text = "東西銀行は10月22日、新潟県三条市で「ものづくり地域トップサミット」を初開催した。11市町の首長が集まった。\n"
    assert _summits(text) == [("ものづくり地域トップサミット", 1, "三条市")]


def test_a_first_at_one_place_is_no_edition():
    text = "「棚田のまち首長サミット」が9日、長野県小川村で開かれた。県内で初めての開催となった。\n"
    assert _summits(text) == []


def test_a_numbered_page_keeps_its_number():
    text = ("「棚田のまち首長サミット」が9日、長野県小川村で初めて開かれた。"
            "1990年から各地で開いており、今回が12回目となる。\n")
    assert [e for _, e, _ in _summits(text)] == [12]
