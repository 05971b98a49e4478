"""A meeting's subtitle under its heading with the document's label between them (…サミット / 開催要領 / 海とともに
歩む…): the line after the label is the subtitle; a sentence there is none. Invented meetings."""
import pytest

from tests.records.built import records_of


def _themes(text: str) -> list:
    _, recs = records_of(text)
    return [r["theme"] for r in recs if r["type"] == "summit"]


@pytest.mark.parametrize("label", ["開催要領", "開催要項", "■実施概要"])
def test_the_line_after_the_label_is_the_subtitle(nlp, label):
    text = (f"第9回全国港町朝市サミット\n{label}\n海とともに歩む、港のまちの朝市\n"
            "全国の朝市を営む人たちが集まり、次の目標を話し合います。\n■日程 令和4年10月20日(木)~21日(金)\n")
    assert _themes(text) == ["海とともに歩む、港のまちの朝市"]


@pytest.mark.parametrize("text", [
    "第3回青葉まちづくりフォーラム\n開催概要\n令和5年6月1日(木)に青葉市民会館で開催します。\n",
    "第3回青葉まちづくりフォーラム\nご案内\n参加を希望される方は、5月20日までにお申し込みください。\n",
])
def test_a_sentence_after_the_label_is_no_subtitle(nlp, text):
    assert _themes(text) == [None]
