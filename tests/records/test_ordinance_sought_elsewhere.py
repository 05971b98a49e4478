"""A report of one body's ordinance made beside another body moving toward its own: the other body's
short name planned (Y市では…振興条例制定に向けて動き出した) stays a plan, and a body named after the
ordinance it seeks (Y市…条例制定推進協議会, …条例制定運動) is no record of it. Each text is made up for
the case it shows (real place names, invented events)."""
from tests.records.built import records_of


def _names(text: str) -> list[tuple]:
    _, recs = records_of(text, title="事例報告会【岩手】")
    return sorted((r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance")


def test_another_bodys_plan_and_its_drive_are_no_record(nlp):
    text = ("5月20日に岩手同友会では、事例報告会を開催しました。\n\n"
            " 岩手・花巻市は、2016年4月に花巻市中小企業振興条例が施行されました。\n\n"
            " 条例の役割について報告があり、条例の意義が確認されました。\n\n"
            " 宮城・石巻市では、例会に市長が参加したことをきっかけに、中小企業振興条例制定に向けて動き出しました。"
            "商工会議所と協力して石巻市中小企業振興条例制定推進協議会を設立し、条例制定に向けて取り組んでいます。\n")
    assert _names(text) == [("花巻市中小企業振興条例", "花巻市")]


def test_the_same_bodys_plan_told_before_its_making_is_the_ordinance(nlp):
    text = ("花巻市では、中小企業振興条例の制定に向けて検討を重ねてきました。\n"
            "花巻市は、2016年4月1日に花巻市中小企業振興条例を施行しました。\n")
    assert _names(text) == [("花巻市中小企業振興条例", "花巻市")]


def test_a_drive_named_after_a_bodys_ordinance_is_no_record(nlp):
    text = ("遠野市は、2019年4月1日に遠野市中小企業振興基本条例を施行しました。\n"
            "講師の同氏は釜石市中小企業振興基本条例制定運動の中心となって活躍してきました。\n")
    assert _names(text) == [("遠野市中小企業振興基本条例", "遠野市")]
