"""A name alone on its line is read as a 例規集 header only with a date standing on a line of its own below
it (平成25年9月17日; (令和3年9月24日条例第21号); 施行 平成30年4月1日): a date inside a note or a sentence
under a heading (出典:…(2025/02/16 版)) dates no ordinance, and a kind of ordinance headed that way
is no ordinance at all. Each text is made up for the case it shows (real bodies, invented pages)."""
import pytest

from tests.records.built import records_of


def _ordinances(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return [(r["name"], r["municipality"], r["enacted_date"], r["effective_date"], r["number"])
            for r in recs if r["type"] == "ordinance"]


@pytest.mark.parametrize("text", [
    # an encyclopedia's heading: the kind of ordinance, then the note of its version
    "中小企業振興条例\n\n出典: 百科事典の記事 (2024/11/03 10:15 UTC 版)\n\n中小企業振興条例とは、自治体が定める条例の一つである。\n",
    "商店街活性化条例\n2019年に改定された解説から抜粋しています。\n商店街活性化条例とは、商店会への加入を促す条例をいう。\n",
])
def test_a_heading_over_a_dated_note_is_no_ordinance(nlp, text):
    assert _ordinances(text) == []


@pytest.mark.parametrize("text, expected", [
    ("○檜原村商工業振興条例\n平成5年3月12日\n条例第4号\n(目的)\n第1条 この条例は、村の商工業の振興を図る。\n",
     ("檜原村商工業振興条例", "檜原村", "1993-03-12", None, "平成5年3月12日条例第4号")),
    ("○檜原村商工業振興条例\n(平成5年3月12日条例第4号)\n(目的)\n第1条 この条例は、村の商工業の振興を図る。\n",
     ("檜原村商工業振興条例", "檜原村", "1993-03-12", None, "平成5年3月12日条例第4号")),
    ("○檜原村商工業振興条例\n施行 平成5年4月1日\n(目的)\n第1条 この条例は、村の商工業の振興を図る。\n",
     ("檜原村商工業振興条例", "檜原村", None, "1993-04-01", None)),
])
def test_a_header_date_on_its_own_line_still_dates_it(nlp, text, expected):
    assert _ordinances(text) == [expected]
