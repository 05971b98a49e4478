"""A hotel whose name ends on its town (ホテル日航姫路, ANAクラウンプラザホテル米子) before a venue mark, other halls
maybe after it (…ほか3会場にて): the town hosts the meeting, made whole by the gazetteer; a name ending on a
district that is no municipality (幕張) gives none. Each text is made up for the case it shows (real towns and
hotel brands, invented meetings)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, host", [
    ("集え担い手!第8回若手農業者交流会in兵庫開催\n7月2~3日、ホテル日航姫路ほか3会場にて第8回若手農業者交流会が催され、"
     "600名が集まりました。\n", "姫路市"),
    ("令和5年2月10日(金)、9回目となる「山陰地区商工会交流大会」が、会場のANAクラウンプラザホテル米子において開かれた。\n", "米子市"),
    ("第3回青葉サミットが、ホテルニューオータニ幕張にて開催された。\n", None),
])
def test_the_hotel_names_the_town(nlp, text, host):
    _, recs = records_of(text)
    assert [r["host"] for r in recs if r["type"] == "summit"] == [host]
