"""A table copied as text keeps its cells apart with pipes (「上田市 | 上田市そばの日を定める条例 | …公布 |」): each
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
            "長野県 | 松本市 | 松本市手仕事を応援する条例 | 平成25年7月9日 | 平成25年8月1日 |\n"
            "長野県 | 上田市 | 上田市そばの日を定める条例 | 平成26年7月9日 | 平成26年7月9日 |\n")
    assert _ordinances(text) == [("上田市そばの日を定める条例", "上田市", "2014-07-09", "2014-07-09"),
                                 ("松本市手仕事を応援する条例", "松本市", "2013-07-09", "2013-08-01")]


def test_rows_whose_cells_say_their_dates(nlp):
    text = ("【そば】\n"
            "長野県上田市 | 上田市そばの日を定める条例 | 平成25年7月9日公布 | 平成25年8月1日施行 |\n"
            "長野県松本市 | 手仕事を応援する条例 | 平成26年3月3日公布 | 平成26年3月3日施行 |\n")
    assert _ordinances(text) == [("上田市そばの日を定める条例", "上田市", "2013-07-09", "2013-08-01"),
                                 ("手仕事を応援する条例", "松本市", "2014-03-03", "2014-03-03")]


@pytest.mark.parametrize("text", [
    "松本市の条例一覧 | 松本市\n",  # a title and its site: one pipe, no row
    "松本市は、手仕事を応援する条例の制定を検討しています。 | 詳しくはこちら | お問い合わせ\n",
])
def test_a_line_that_is_no_table_gives_no_name(nlp, text):
    assert _ordinances(text) == []
