"""A count (3回目となる今回) takes its venue from the sentence that names its series; not from one that names
another edition (…は昨年8月、第1回が井原市で開かれ: that edition's), but from the series' mention before it in a
sentence of its own (「…サミット」が22日、沖縄県石垣市で開かれた). Each text is made up for the case it shows (real
towns, invented meetings)."""
from tests.records.built import records_of


def test_the_count_takes_the_series_own_sentence(nlp):
    text = ("島の星空 石垣市でサミット\n夜空の星を誘客に生かそうと企画された「全国星空サミット」が22日、沖縄県石垣市で"
            "開かれた。全国星空サミットは昨年8月、第1回が井原市で開かれ、5市町が星空保護宣言を採択。3回目となる今回は5市町のほか"
            "阿智村も加わった。\n")
    _, recs = records_of(text)
    assert sorted((r["edition"], r["host"]) for r in recs if r["type"] == "summit") == [(1, "井原市"), (3, "石垣市")]
