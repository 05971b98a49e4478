"""A list whose items share one ending written after a count in a news short form (「A、B、Cの3信金」,
「A、Bの2信組」) or whose items are universities' short forms (「A大、B大の2大学」): each item with
the full ending given back."""
import pytest

from extractors.records.coordination import shared_ending


@pytest.mark.parametrize("text, names", [
    ("市長と東西銀行、青葉、みなと、若葉の3信金、中央、港の2信組の代表が署名した。",
     ["青葉信用金庫", "みなと信用金庫", "若葉信用金庫", "中央信用組合", "港信用組合"]),
    ("北南大、青葉工大、信大の3大学と協定を結んだ。", ["北南大", "青葉工大", "信大"]),  # short forms kept as written
    ("青葉信金、港信金の2信金が協定を結んだ。", ["青葉信用金庫", "港信用金庫"]),
    ("東西、南北の3信金と", []),  # fewer items than the count: no list of that count
])
def test_short_endings_given_back(text, names):
    assert [n.name for n in shared_ending(text, 0, len(text))] == names
