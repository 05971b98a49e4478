"""An edition written as a count after last year's meeting (昨年に続き3回目の開催, 前回に続いて4回目) is the
count of the series named before it; a count of taking part (昨年に続き3回目の参加) is none. Each text is
made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"]


def test_a_count_after_last_years_meeting_is_the_edition():
    text = ("「山里の小さな村サミット」が14日、長野県売木村で開幕した。村同士の知恵を持ち寄るのが目的。"
            "昨年に続き3回目の開催だ。\n")
    assert _summits(text) == [("山里の小さな村サミット", 3, "売木村")]


def test_a_count_of_taking_part_is_no_edition():
    text = "「山里の小さな村サミット」が14日、長野県売木村で開幕した。本村は昨年に続き3回目の参加だ。\n"
    assert _summits(text) == []
