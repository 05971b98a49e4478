"""One body's ordinance written two ways on one page (the heading's …振興基本条例, a link's …振興条例 under
it) is one ordinance, one record; two that each say something of themselves (a date, a number) stay two.
Each text is made up for the case it shows (real bodies, invented ordinances and pages)."""
import pytest

from tests.records.built import records_of


def _ordinances(text: str, title: str | None = None) -> list[tuple]:
    _, recs = records_of(text, title=title)
    return sorted((r["name"], r["municipality"], r["enacted_date"], r["effective_date"])
                  for r in recs if r["type"] == "ordinance")


@pytest.mark.parametrize("title, text, expected", [
    # the heading and a link below it: 基本 dropped in the link; the title's writing is kept, and この条例
    # then dates the one ordinance of the page
    ("檜枝岐村中小企業・小規模企業振興基本条例のあらまし",
     "檜枝岐村中小企業・小規模企業振興基本条例のあらまし\n村の商店や宿を守り育てるため、この条例を令和2年10月1日より施行しました。\n"
     "関連資料\n檜枝岐村中小企業・小規模企業振興条例\nお問合せ先 産業課\n",
     [("檜枝岐村中小企業・小規模企業振興基本条例", "檜枝岐村", None, "2020-10-01")]),
    # ・ left out in the link
    ("猪苗代町中小企業・小規模企業振興条例",
     "猪苗代町中小企業・小規模企業振興条例\n町の商店や工房を守り育てるため、この条例を令和4年10月1日より施行しました。\n"
     "条例本文\n猪苗代町中小企業小規模企業振興条例\n",
     [("猪苗代町中小企業・小規模企業振興条例", "猪苗代町", None, "2022-10-01")]),
])
def test_one_ordinance_written_two_ways_is_one_record(nlp, title, text, expected):
    assert _ordinances(text, title) == expected


def test_two_stated_ordinances_with_near_names_stay_two(nlp):
    text = ("昭和58年に制定した南会津町中小企業振興条例に代えて、平成27年12月11日に南会津町中小企業振興基本条例が生まれました。\n")
    names = [n for n, *_ in _ordinances(text)]
    assert sorted(names) == ["南会津町中小企業振興基本条例", "南会津町中小企業振興条例"]
