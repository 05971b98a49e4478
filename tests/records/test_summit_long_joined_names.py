"""A series name of two meetings joined by ・ can run past 40 characters after 第N回
(…交流研修会・…ブロック大会): it is read whole up to its meeting word, not dropped. Each text is made up
for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def test_a_long_joined_name_is_read_whole():
    name = "東北6県・新潟県商工会青年部員合同交流研修会・商工会青年部活動発表東北・新潟ブロック大会"
    assert len(name) > 40
    _, recs = records_of(f"第17回{name}が、約250名の部員を集めて秋田県横手市で開かれました。\n")
    assert [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"] == [(name, 17, "横手市")]
