"""A line that opens with the edition names its host after the series (第3回青葉サミット 2019年10月 宮城県仙台市),
but not a place that opens a body's name (…が開催されました(山形県物産協会): the page's publisher). Each text is
made up for the case it shows (real places, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, hosts", [
    ("第14回青葉物産全国大会が開催されました(山形県物産協会)\n協会からのお知らせ\n6月8日(木)、青葉アリーナにて東西物産連合の"
     "呼びかけによる「第14回青葉物産全国大会」が催されました。\n", [None]),
    ("第14回青葉物産全国大会 2023年6月 東京都千代田区(東西物産協会)\n", ["千代田区"]),
])
def test_a_body_named_after_the_row_is_no_host(nlp, text, hosts):
    _, recs = records_of(text)
    assert [r["host"] for r in recs if r["type"] == "summit"] == hosts
