"""An ordinance called by its maker alone (青森市条例は…, 旧平泉町条例の…, 福井県条例と同様) names no ordinance:
the body's name and 条例 with nothing between them is no name. Made up for the case (real bodies,
invented ordinances)."""
from tests.records.built import records_of


def test_a_body_and_joree_alone_is_no_name(nlp):
    text = ("「青森市地酒の普及に関する条例」は平成25年1月1日に施行された。青森市条例は、酒造組合の要望を受けて"
            "議員提案により制定された。旧平泉町条例の規定は引き継がれた。\n")
    _, recs = records_of(text)
    names = [r["name"] for r in recs if r["type"] == "ordinance"]
    assert "青森市条例" not in names and "旧平泉町条例" not in names
    assert "青森市地酒の普及に関する条例" in names
