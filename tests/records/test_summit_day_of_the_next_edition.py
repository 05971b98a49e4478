"""A date whose holding verb runs straight into another edition's mark (…2021年9月16~17日に開催される第32回
…) is that edition's day, not the day of the edition named earlier in the sentence; it is still the day of
the edition it leads to. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _days(text):
    _, recs = records_of(text)
    return [(r["edition"], r["start_date"]) for r in recs if r["type"] == "summit"]


def test_the_next_editions_day_is_not_the_earlier_ones():
    text = ("まず、岐阜で開かれた第31回青年起業家全国交流会(以下、青起交)の報告を受け、"
            "次に準備委員長から2021年9月16~17日に開催される第32回青起交(高知)の計画が示されました。\n")
    assert _days(text) == [(31, None)]


def test_the_day_leading_to_an_edition_is_its_day():
    assert _days("2021年9月16~17日に開催される第32回青年起業家全国交流会の計画が示されました。\n") == [(32, "2021-09-16")]
