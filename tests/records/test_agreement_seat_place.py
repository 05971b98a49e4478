"""A bare 県 on a page that names a prefecture only as where another body has its seat (「東京都と茨城県に本部
があり」) is not that prefecture: it stays as written."""
from tests.records.built import agreement_parties, records_of


def test_prefecture_of_a_seat_is_not_the_page_prefecture():
    text = ("県と産業技術総合研究所は9日、企業支援の連携協定を締結した。\n"
            "同研究所は東京都と茨城県に本部があり、全国に研究拠点を持つ。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["産業技術総合研究所", "県"]]
