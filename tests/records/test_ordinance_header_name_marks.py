"""A 例規集 header line whose name parts its words with a 読点 or a 中黒 (…の良き日、地酒で乾杯条例,
地酒・地ワインで乾杯…条例) over its date and number is the name whole, as a header of words alone is.
Each text is made up for the case it shows (real bodies, invented ordinances)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, name, body", [
    ("○小国町晴れの日、地酒で祝う条例\n平成28年3月10日\n条例第4号\n(目的)\n第1条 この条例は、地酒の普及に関し必要な事項を定める。\n",
     "小国町晴れの日、地酒で祝う条例", "小国町"),
    ("○遊佐町地酒・地ワインで乾杯を広める条例\n(平成29年6月20日条例第11号)\n(目的)\n第1条 この条例は、町産酒の普及を図る。\n",
     "遊佐町地酒・地ワインで乾杯を広める条例", "遊佐町"),
])
def test_a_header_name_with_a_comma_or_a_middle_dot_is_read_whole(nlp, text, name, body):
    _, recs = records_of(text)
    assert [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"] == [(name, body)]


def test_a_sentence_line_with_a_comma_is_no_header(nlp):
    # prose ending on a name, with no date and number below: no header, no name from its start
    _, recs = records_of("本町は、地酒で乾杯条例\nについて説明会を開きました。\n")
    assert not any(r["name"].startswith("本町は") for r in recs if r["type"] == "ordinance")
