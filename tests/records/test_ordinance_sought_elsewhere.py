"""A report of one body's ordinance made beside another body moving toward its own: the other body's
short name planned (Y市では…振興条例制定に向けた準備を始めた) stays a plan, and a body named after the
ordinance it seeks (Y市…条例制定推進協議会, …条例制定運動) is no record of it. Each text is made up for
the case it shows (real place names, invented events)."""
from tests.records.built import records_of


def _names(text: str) -> list[tuple]:
    _, recs = records_of(text, title="支部例会の報告【秋田】")
    return sorted((r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance")


def test_another_bodys_plan_and_its_drive_are_no_record(nlp):
    text = ("9月12日に秋田同友会の県南支部が、支部例会を開きました。\n\n"
            " 秋田・横手市は、2018年4月から横手市中小企業振興条例を施行しています。\n\n"
            " 条例ができてからの変化が紹介され、参加者で意見を交わしました。\n\n"
            " 秋田・湯沢市では、市議会での質問をきっかけとして中小企業振興条例制定に向けた準備を始めました。"
            "商工団体と一緒に湯沢市中小企業振興条例制定推進会議をつくり、学習会を重ねています。\n")
    assert _names(text) == [("横手市中小企業振興条例", "横手市")]


def test_the_same_bodys_plan_told_before_its_making_is_the_ordinance(nlp):
    text = ("横手市では、中小企業振興条例の制定に向けて議論を続けてきました。\n"
            "横手市は、2018年4月1日に横手市中小企業振興条例を施行しました。\n")
    assert _names(text) == [("横手市中小企業振興条例", "横手市")]


def test_a_drive_named_after_a_bodys_ordinance_is_no_record(nlp):
    text = ("大仙市は、2021年4月1日に大仙市中小企業振興基本条例を施行しました。\n"
            "今回の講師は、能代市中小企業振興基本条例制定委員会で長く事務局を務めてきた方です。\n")
    assert _names(text) == [("大仙市中小企業振興基本条例", "大仙市")]
