"""A 例規集 header name may hold a 中黒 between its words (地酒・地ワインで乾杯を推進する条例): the line is the name
whole when its date and number stand below it. The ordinance is invented (a real town)."""
from tests.records.built import records_of


def test_a_header_name_with_nakaguro_is_read_whole(nlp):
    text = ("○小布施町りんご・ぶどう・栗で乾杯を推進する条例\n(平成28年3月10日条例第7号)\n"
            "(目的)\n第1条 この条例は、町で造られた果実酒で乾杯する文化を町の内外に発信することを目的とする。\n")
    _, records = records_of(text)
    assert [(r["name"], r["municipality"], r["enacted_date"]) for r in records if r["type"] == "ordinance"] == \
        [("小布施町りんご・ぶどう・栗で乾杯を推進する条例", "小布施町", "2016-03-10")]
