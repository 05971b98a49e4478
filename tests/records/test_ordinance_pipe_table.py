"""A table copied as text keeps its cells apart with pipes (「佐久市 | 佐久市こいを味わう日を設ける条例 | …公布 |」): each
row that holds a name in a cell is one ordinance, read whole (kana and a verb inside it), with its place from
the row's place cell and its dates from the row. Each text is made up for the case it shows (real towns,
invented ordinances)."""
import pytest

from tests.records.built import records_of


def _ordinances(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return sorted((r["name"], r["municipality"], r["enacted_date"], r["effective_date"])
                  for r in recs if r["type"] == "ordinance")


def test_rows_with_a_header(nlp):
    text = ("県 | 市 | 条例名 | 公布日 | 施行日 |\n"
            "長野県 | 須坂市 | 須坂市くらの町並みを守る条例 | 平成22年12月17日 | 平成23年4月1日 |\n"
            "長野県 | 佐久市 | 佐久市こいを味わう日を設ける条例 | 平成27年10月6日 | 平成27年10月6日 |\n")
    assert _ordinances(text) == [("佐久市こいを味わう日を設ける条例", "佐久市", "2015-10-06", "2015-10-06"),
                                 ("須坂市くらの町並みを守る条例", "須坂市", "2010-12-17", "2011-04-01")]


def test_rows_whose_cells_say_their_dates(nlp):
    text = ("【川魚】\n"
            "長野県佐久市 | 佐久市こいを味わう日を設ける条例 | 平成24年9月27日公布 | 平成24年10月15日施行 |\n"
            "長野県須坂市 | くらの町並みを守る条例 | 平成28年12月2日公布 | 平成28年12月2日施行 |\n")
    assert _ordinances(text) == [("くらの町並みを守る条例", "須坂市", "2016-12-02", "2016-12-02"),
                                 ("佐久市こいを味わう日を設ける条例", "佐久市", "2012-09-27", "2012-10-15")]


@pytest.mark.parametrize("text", [
    "須坂市の例規のご案内 | 須坂市\n",  # a title and its site: one pipe, no row
    "須坂市は、くらの町並みを守る条例の案をまとめています。 | 関連リンク | ご意見はこちら\n",
])
def test_a_line_that_is_no_table_gives_no_name(nlp, text):
    assert _ordinances(text) == []
