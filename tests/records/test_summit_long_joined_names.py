"""A series name of two meetings joined by ・ can run past 40 characters after 第N回
(…交流研修会・…ブロック大会): it is read whole up to its meeting word, not dropped. Each text is made up
for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def test_a_long_joined_name_is_read_whole():
    name = "九州7県・沖縄県商工会青年部員合同交流研修会・商工会青年部主張発表九州・沖縄ブロック大会"
    assert len(name) > 40
    _, recs = records_of(f"第21回{name}が、約300名の青年部員の参加のもと宮崎県宮崎市で開催されました。\n")
    assert [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"] == [(name, 21, "宮崎市")]
