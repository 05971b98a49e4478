"""A count at one place (本県で3回目の開催となる…サミット: the third time in this prefecture) is no
edition of the series, and the words before the name are no part of it. Each text is made up for the
case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def test_a_count_right_after_a_place_is_no_edition(nlp):
    _, recs = records_of("第4回太平洋沿岸都市サミットが6月に高知市で開かれます。"
                         "本県で2回目の開催となる太平洋沿岸都市サミットの準備を進めています。\n")
    summits = [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]
    assert summits == [("太平洋沿岸都市サミット", 4)]


def test_a_count_of_the_series_is_still_read(nlp):
    _, recs = records_of("今年で3回目となる太平洋沿岸都市サミットが高知市で開かれました。\n")
    assert [r["edition"] for r in recs if r["type"] == "summit"] == [3]
