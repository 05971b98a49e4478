"""この/その before a meeting's short name (今年で15回目となるこのものづくりフォーラム) points back at the
meeting the page named in full: no series of its own. The texts are invented (real places, made-up
meetings)."""
from tests.records.built import records_of


def _summits(text):
    _, recs = records_of(text)
    return [(r["series"], r["edition"]) for r in recs if r["type"] == "summit"]


def test_this_short_name_is_the_page_meeting():
    text = ("「第15回大田区ものづくり交流フォーラム」が6月4日に区産業プラザで開催されました。\n"
            "今年で15回目となるこのものづくりフォーラムは、区内の製造業者が企画しています。\n")
    assert _summits(text) == [("大田区ものづくり交流フォーラム", 15)]


def test_that_short_name_is_the_page_meeting():
    text = ("第9回北陸産業観光サミットが10月1日、富山市で開かれた。\n"
            "9回目を迎えたその観光サミットには、3県から約300人が参加した。\n")
    assert _summits(text) == [("北陸産業観光サミット", 9)]
