"""An edition written as a count after last year's meeting (昨年に続き2回目の開催, 前回に続いて3回目) is the
count of the series named before it; a count of taking part (昨年に続き2回目の参加) is none. Each text is
made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_count_after_last_years_meeting_is_the_edition():
    text = ("「海辺の小さな町サミット」が26日、福島県檜枝岐村で始まった。町の取り組みを共有するのが狙い。"
            "昨年に続き2回目の開催となる。\n")
    assert _summits(text) == [("海辺の小さな町サミット", 2, "檜枝岐村")]


def test_a_count_of_taking_part_is_no_edition():
    text = "「海辺の小さな町サミット」が26日、福島県檜枝岐村で始まった。本町は昨年に続き2回目の参加となる。\n"
    assert _summits(text) == []
