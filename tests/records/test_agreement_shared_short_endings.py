"""A list whose items share one ending written after a count in a news short form (「A、B、Cの3信金」,
「A、Bの2信組」) or whose items are universities' short forms (「A大、B大の2大学」): each item with
the full ending given back; so are 「A、B両信金」, 「A、B各商工会議所」 (両 or 各, の or none), the offices of
the body before the list (「東西銀行のA、B両支店」) and banks of the bank code table (「北國、北陸銀行」)."""
import pytest

from extractors.records.coordination import shared_ending


@pytest.mark.parametrize("text, names", [
    ("市長と東西銀行、青葉、みなと、若葉の3信金、中央、港の2信組の代表が署名した。",
     ["青葉信用金庫", "みなと信用金庫", "若葉信用金庫", "中央信用組合", "港信用組合"]),
    ("北南大、青葉工大、信大の3大学と協定を結んだ。", ["北南大", "青葉工大", "信大"]),  # short forms kept as written
    ("青葉信金、港信金の2信金が協定を結んだ。", ["青葉信用金庫", "港信用金庫"]),
    ("東西、南北の3信金と", []),  # fewer items than the count: no list of that count
    # 両 or 各 with no の before it, the ending full or short
    ("青葉町と東西、南北両信用金庫は協定を結んだ。", ["東西信用金庫", "南北信用金庫"]),
    ("青葉町と東西、南北両信金は協定を結んだ。", ["東西信用金庫", "南北信用金庫"]),
    ("青葉市は、東西、南北の両信金と協定を結んだ。", ["東西信用金庫", "南北信用金庫"]),
    ("青葉銀行は、東西、南北、中央各商工会議所と覚書を交わした。", ["東西商工会議所", "南北商工会議所", "中央商工会議所"]),
    ("東西、南北、中央両信金と", []),  # 両 is two
    # the offices of the body written before the list (a national body's short form too)
    ("東西銀行の青葉、赤松両支店と、南北大学は協定を結んだ。", ["東西銀行青葉支店", "東西銀行赤松支店"]),
    ("商工中金の青葉、赤松両支店と南北大学が協定を結んだ。", ["商工中金青葉支店", "商工中金赤松支店"]),
    ("春と秋の青葉、赤松両支店で", []),  # a phrase before の, no body
    # items parted by ・ sharing the ending after the last: with 両/各, or banks of the bank code table
    ("静岡・山梨中央・八十二銀行は、包括業務提携を締結した。", ["静岡銀行", "山梨中央銀行", "八十二銀行"]),
    ("船橋市は、東西・南北両信用金庫と連携協定を結んだ。", ["東西信用金庫", "南北信用金庫"]),
    ("東西・南北・中央銀行は", []),  # no 両 or 各 and no bank of the table: maybe kinds of bank
    ("地方・都市銀行と", []),
    ("船橋市・東西銀行は", []),  # bodies of their own
    # items parted by 、 sharing the ending after the last: only banks of the bank code table
    ("北國、北陸銀行は九日、覚書を交わした。", ["北國銀行", "北陸銀行"]),
    ("静岡、山梨中央銀行と", ["静岡銀行", "山梨中央銀行"]),
    ("船橋市、東西銀行と", []),  # bodies of their own
    ("地方、都市銀行と", []),  # kinds of bank
])
def test_short_endings_given_back(text, names):
    assert [n.name for n in shared_ending(text, 0, len(text))] == names
