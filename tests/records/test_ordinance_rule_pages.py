"""A rule made under an ordinance (施行規則, 要綱, 要領) names the ordinance it serves in its purpose article
(この規則は、X条例(…)の施行に必要な手続を定める; この要綱は、X条例第5条の規定に基づき…) or its
first article on a page titled X条例施行規則: that ordinance, cited with its year and number, is no record
of the rule's page, whichever wording it takes (../shared/dev's 規則 page is a negative). The
ordinance's own page still gives it. Each text is made up for the case it shows (real bodies, invented
rules)."""
import pytest

from tests.records.built import records_of


def _ordinances(text: str, title: str | None = None) -> list[tuple]:
    _, recs = records_of(text, title=title)
    return [(r["name"], r["enacted_date"]) for r in recs if r["type"] == "ordinance"]


@pytest.mark.parametrize("title, text", [
    ("大豊町商工業振興条例施行規則",
     "○大豊町商工業振興条例施行規則\n平成18年4月1日\n規則第12号\n(趣旨)\n"
     "第1条 この規則は、大豊町商工業振興条例(平成18年大豊町条例第30号。以下単に「条例」と呼ぶ。)の施行について必要な手続を定める。\n"),
    ("大豊町空き店舗活用補助金交付要綱",
     "○大豊町空き店舗活用補助金交付要綱\n平成30年3月20日\n告示第9号\n(趣旨)\n"
     "第1条 この要綱は、大豊町商工業振興条例(平成18年大豊町条例第30号)第4条の規定に基づき、補助金を出す際の手続を定める。\n"),
    ("大豊町商工業振興条例施行規則",
     "○大豊町商工業振興条例施行規則\n平成18年4月1日\n規則第12号\n(申請)\n"
     "第1条 大豊町商工業振興条例(平成18年大豊町条例第30号。以下単に「条例」と呼ぶ。)第3条の届出は、別記様式により行う。\n"),
])
def test_the_ordinance_a_rule_serves_is_no_record_of_its_page(nlp, title, text):
    assert _ordinances(text, title) == []


def test_the_ordinances_own_page_still_gives_it(nlp):
    text = ("○大豊町商工業振興条例\n平成18年3月24日\n条例第30号\n(目的)\n"
            "第1条 この条例は、町内の商店と工場を支え、町の暮らしを豊かにすることをねらいとする。\n")
    assert _ordinances(text, "大豊町商工業振興条例") == [("大豊町商工業振興条例", "2006-03-24")]
