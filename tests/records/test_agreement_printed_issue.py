"""A page dated by a printed paper's issue (「「青葉新報」 2014年 11月 15日号より」) or a newspaper's dateline
(「『青葉新聞』2006年4月12日付」), on invented texts with the real ja_ginza model: the paper came out some days
after the signing it reports done, so of its date only the month dates the signing; a day the sentence
writes still does, and a web page's own date (its 更新日 in a footer's bracket) still dates a signing
reported done."""
import pytest

from tests.records.test_agreements import _agreements

_SIGNED = "青葉市と南北信用金庫は、創業支援に関する連携協定を締結しました。"


@pytest.mark.model
@pytest.mark.parametrize("text, expected", [
    (_SIGNED + "\n\n「青葉新報」 2014年 11月 15日号より", "2014-11"),
    ("『青葉新聞』2006年4月12日付\n\n" + _SIGNED, "2006-04"),
    ("『青葉新聞』2006年4月12日付\n\n青葉市と南北信用金庫は11日、創業支援に関する連携協定を締結した。", "2006-04-11"),
    (_SIGNED + "\n\n(ニュース青葉/2022年3月4日更新)", "2022-03-04"),
])
def test_a_papers_issue_dates_the_signing_by_its_month(nlp, text, expected):
    assert [d for _, d in _agreements(text)] == [expected]
