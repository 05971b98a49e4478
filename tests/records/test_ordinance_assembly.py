"""An ordinance whose body is the assembly that acts in its sentence (〇〇議会は…「…条例」を可決した): the
assembly makes its own body's ordinances, so a name without its place belongs to that body, and the
sentence states the making. Each text is made up for the case it shows (real bodies, invented events)."""
import pytest

from tests.records.built import field_spans, records_of


@pytest.mark.parametrize("text, name, body", [
    ("岡谷市議会は18日、「ものづくりのまち推進条例」を全会一致で可決した。", "ものづくりのまち推進条例", "岡谷市"),
    ("倉敷市議会が12月議会で、市長が提出した「地元産品で乾杯する条例」を可決しました。", "地元産品で乾杯する条例", "倉敷市"),
    ("高知県議会は本会議で、議員提案の「土佐の酒で乾杯条例」を賛成多数で可決、成立させた。", "土佐の酒で乾杯条例", "高知県"),
    # 〇〇議会の…定例会で: the assembly named before its session
    ("美濃加茂市議会の6月定例会で、「地元のお茶を飲もう条例」が可決された。", "地元のお茶を飲もう条例", "美濃加茂市"),
    # the bill's text voted on (制定案), then the ordinance put in force by the town
    ("伊那市議会は昨日、「伊那谷ものづくり推進条例」の制定案を可決した。市は月内に施行する。", "伊那谷ものづくり推進条例", "伊那市"),
    # no quotes
    ("四万十町議会は、町が提案した地産地消推進条例を原案どおり可決した。", "地産地消推進条例", "四万十町"),
])
def test_the_assembly_of_the_sentence_is_the_enacting_body(nlp, text, name, body):
    out, recs = records_of(text)
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert rec["name"] == name
    assert rec["municipality"] == body
    (span,) = field_spans(rec, "municipality")
    assert span["quote"] == body and out[span["end"]:span["end"] + 2] == "議会"


@pytest.mark.parametrize("text", [
    "富士宮市議会は、「富士宮やきそばのまち条例」を否決した。",  # turned down
    "八戸市議会は、「八戸市公契約条例の制定を求める陳情」を不採択とした。",  # asked for
    "甲府市議会は、ワインで乾杯条例の制定を目指す議員連盟を発足させた。",  # still ahead
    "燕市議会の議員が、視察先で「ものづくり振興条例」について説明を受けた。",  # nothing said of its making
    "燕市議会では、中小企業振興基本条例に基づく施策の報告があった。",  # the ground of something else
])
def test_an_assembly_that_makes_nothing_gives_no_ordinance(nlp, text):
    _, recs = records_of(text)
    assert [r for r in recs if r["type"] == "ordinance"] == []
