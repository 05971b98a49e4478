"""A bare 県 on a page that names a prefecture only as where another body has its seat (「茨城県と福島県に拠点
があり」) is not that prefecture: it stays as written."""
from tests.records.built import agreement_parties, records_of


def test_prefecture_of_a_seat_is_not_the_page_prefecture():
    text = ("県と国立環境研究所は20日、気候変動への適応策の連携協定を結んだ。\n"
            "同研究所は茨城県と福島県に拠点があり、各地の自治体と共同研究を進める。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["国立環境研究所", "県"]]
