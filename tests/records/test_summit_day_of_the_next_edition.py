"""A date whose holding verb runs straight into another edition's mark (…2018年11月29~30日に開催される第46回
…) is that edition's day, not the day of the edition named earlier in the sentence; it is still the day of
the edition it leads to. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _days(text):
    _, recs = records_of(text)
    return [(r["edition"], r["start_date"]) for r in recs if r["type"] == "summit"]


def test_the_next_editions_day_is_not_the_earlier_ones():
    text = ("はじめに、茨城で開催された第45回若手経営者全国交流会(以下、若全交)のまとめを説明があり、"
            "続いて実行委員長より2018年11月29~30日に開催される第46回若全交(沖縄)概要の提案がありました。\n")
    assert _days(text) == [(45, None)]


def test_the_day_leading_to_an_edition_is_its_day():
    assert _days("2018年11月29~30日に開催される第46回若手経営者全国交流会の概要が提案されました。\n") == [(46, "2018-11-29")]
