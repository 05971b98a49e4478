"""A news item announcing a signing to come (「…は30日、…と協定を結ぶと発表した」): the day written as the
sentence's time is the announcement's, never the signing's; the day its ceremony is set for (「九月三日、
…で締結式を開く。」, a newspaper's plain form for what is to come, kanji numerals) dates it, and a day
written with に before the signing (「10月1日に協定を結ぶと発表した」) is the signing's."""
import pytest

from tests.records.test_agreements import _agreements

_PAGE = "『青葉新聞』2019年8月31日付\n\n"


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    (_PAGE + "新潟商工会議所は三十日、新潟大学と人材育成に関する包括協定を結ぶと発表した。"
             "九月三日、新潟市中央区の同商議所で締結式を開く。", "2019-09-03"),
    (_PAGE + "新潟商工会議所は三十日、新潟大学と人材育成に関する包括協定を結ぶと発表した。", None),
    (_PAGE + "新潟商工会議所は30日、10月1日に新潟大学と人材育成に関する包括協定を結ぶと発表した。", "2019-10-01"),
])
def test_the_announcements_day_is_not_the_signings(nlp, text, expected):
    assert [d for _, d in _agreements(text)] == [expected]


@pytest.mark.model
def test_the_year_of_an_anniversary_is_not_the_signings(nlp):
    text = (_PAGE + "青葉信用金庫は24日、2020年に創立100周年を迎えることから、新潟大学と包括連携協定を締結すると発表した。"
            "締結式は10月5日、新潟市で行われる。")
    assert [d for _, d in _agreements(text)] == ["2019-10-05"]
