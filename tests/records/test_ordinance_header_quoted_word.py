"""A 例規集 header line whose name quotes a word inside it (…町「朴葉みそで乾杯」を推進する条例) over its date
and number is the name whole, quotes and all, as a header of words alone is. Each text is made up for the
case it shows (real bodies, invented ordinances)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, name, body", [
    ("○高山市「朴葉みそで乾杯」を推進する条例\n平成28年3月18日\n条例第5号\n(目的)\n第1条 この条例は、朴葉みその普及に関し必要な事項を定める。\n",
     "高山市「朴葉みそで乾杯」を推進する条例", "高山市"),
    ("○小布施町『栗の町』を育てる条例\n(令和2年9月25日条例第21号)\n(目的)\n第1条 この条例は、栗の産地の振興を図る。\n",
     "小布施町『栗の町』を育てる条例", "小布施町"),
])
def test_a_header_name_with_a_quoted_word_is_read_whole(nlp, text, name, body):
    _, recs = records_of(text)
    assert [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"] == [(name, body)]
