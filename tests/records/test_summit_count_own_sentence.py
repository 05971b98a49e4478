"""A count (3回目となる今回) takes its venue from the sentence that names its series; not from one that names
another edition (…は昨年2月、第1回が函館市で開催され: that edition's), but from the series' mention before it in a
sentence of its own (「…サミット」が10日、北海道室蘭市で開かれた). Each text is made up for the case it shows (real
towns, invented meetings)."""
from tests.records.built import records_of


def test_the_count_takes_the_series_own_sentence(nlp):
    text = ("港町の夜景 室蘭市でサミット\n港の夜景を観光資源として活用しようという「全国港夜景サミット」が10日、北海道室蘭市で"
            "開かれた。全国港夜景サミットは昨年2月、第1回が函館市で開催され、4市が共同宣言を行った。3回目となる今回は4市に加えて"
            "小樽市が参加した。\n")
    _, recs = records_of(text)
    assert sorted((r["edition"], r["host"]) for r in recs if r["type"] == "summit") == [(1, "函館市"), (3, "室蘭市")]
