"""What a sentence or headline says of an ordinance's making, beside words of a plan: a headline that reports
it made is no plan, and a bill proposed then passed in one sentence is made. Each text is made up for the case
it shows (real bodies, invented events)."""
from tests.records.built import records_of


def _names(text: str, title: str) -> list[str]:
    _, recs = records_of(text, title=title)
    return [r["name"] for r in recs if r["type"] == "ordinance"]


def test_a_headline_that_reports_the_making_is_no_plan(nlp):
    text = "「燕市ものづくり条例」が成立\n燕市議会は3月20日、検討を重ねてきた条例案を可決した。\n"
    assert _names(text, "「燕市ものづくり条例」が成立") == ["燕市ものづくり条例"]


def test_a_bill_proposed_then_passed_in_its_sentence_is_made(nlp):
    # (a name without 基本条例: no 本条例 inside it to report the making for it)
    assert _names("会派は弘前市中小企業振興条例を提案し、12月議会で可決されました。", "お知らせ") == ["弘前市中小企業振興条例"]
