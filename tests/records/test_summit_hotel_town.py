"""A hotel whose name ends on its town (ホテル日航金沢, ANAクラウンプラザホテル松山) before a venue mark, other halls
maybe after it (…ほか2会場にて): the town hosts the meeting, made whole by the gazetteer; a name ending on a
district that is no municipality (幕張) gives none. Each text is made up for the case it shows (real towns and
hotel brands, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, host", [
    ("つどえ若者!第12回青年経営者交流会in石川開催\n9月15~16日、ホテル日航金沢ほか2会場にて第12回青年経営者交流会が行われ、"
     "1000名が参加しました。\n", "金沢市"),
    ("令和元年9月6日(金)今回で第28回目となる「四国地区経済同友会交流大会」が、ANAクラウンプラザホテル松山において開催された。\n", "松山市"),
    ("第3回青葉サミットが、ホテルニューオータニ幕張にて開催された。\n", None),
])
def test_the_hotel_names_the_town(nlp, text, host):
    _, recs = records_of(text)
    assert [r["host"] for r in recs if r["type"] == "summit"] == [host]
