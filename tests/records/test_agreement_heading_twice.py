"""A page whose heading is written twice (the rendered <h1>, then the page's own heading) and a post line
below them (「2019年6月4日 | カテゴリー:お知らせ」): the date line is read below both headings, so that the
body's 「3日」 has its month and year."""
from tests.records.built import records_of

_TITLE = "普代村と東北銀行が連携協定を締結"


def test_day_read_against_the_date_below_a_repeated_heading():
    text = (f"{_TITLE}\n{_TITLE}\n\n2019年6月4日 | カテゴリー:お知らせ\n\n"
            "東北銀行と普代村は3日(月)、役場で地方創生に関する連携協定を締結しました。\n")
    _, records = records_of(text, title=_TITLE)
    assert [r["signed_date"] for r in records if r["type"] == "agreement"] == ["2019-06-03"]
