"""A bill's cover (its name X条例案 on a line of its own over 右提出する。 or 上記のとおり提出する。, as an
assembly prints a member's bill) makes the page the bill's: the text below it, headed X条例, is the bill
tabled, no ordinance made. A page that reports the bill passed still gives the ordinance. The texts are
made up (real places, invented ordinances)."""
from tests.records.built import records_of


def _names(text: str) -> list[str]:
    _, recs = records_of(text)
    return sorted({r["name"] for r in recs if r["type"] == "ordinance"})


def test_a_bill_cover_makes_no_ordinance(nlp):
    text = ("議員提出議案第三号\n徳島県藍と木工の産業振興条例案\n右提出する。\n平成二十一年六月十日\n提出者\n佐藤 一郎\n"
            "徳島県藍と木工の産業振興条例\n徳島県は、藍染めと木工の技を長く受け継いできた。\n"
            "(目的)\n第一条 この条例は、地場の産業の振興を図ることを目的とする。\n")
    assert _names(text) == []


def test_a_cover_in_other_words(nlp):
    text = ("議案第12号\n佐賀県焼き物のまちづくり条例案\n上記のとおり提出する。\n令和2年2月18日\n"
            "佐賀県焼き物のまちづくり条例\n(目的)\n第1条 この条例は、焼き物のまちづくりに関し必要な事項を定める。\n")
    assert _names(text) == []


def test_a_bill_reported_passed(nlp):
    text = ("県議会だより\n徳島県議会は6月25日、議員提出の「徳島県藍と木工の産業振興条例」案を全会一致で可決しました。"
            "条例は7月1日から施行されます。\n")
    assert _names(text) == ["徳島県藍と木工の産業振興条例"]
