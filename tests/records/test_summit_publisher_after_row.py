"""A line that opens with the edition names its host after the series (第3回青葉サミット 2019年10月 宮城県仙台市),
but not a place that opens a body's name (…が開催されました(秋田県商工会連合会): the page's publisher). Each text is
made up for the case it shows (real places, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, hosts", [
    ("第57回商工会全国大会が開催されました(秋田県商工会連合会)\n県連からのお知らせ\n11月16日(木)、NHKホールにて全国商工会連合会の"
     "主催による「第57回商工会全国大会」が開催されました。\n", [None]),
    ("第57回商工会全国大会 2017年11月 東京都渋谷区(青葉市商工会議所)\n", ["渋谷区"]),
])
def test_a_body_named_after_the_row_is_no_host(nlp, text, hosts):
    _, recs = records_of(text)
    assert [r["host"] for r in recs if r["type"] == "summit"] == hosts
