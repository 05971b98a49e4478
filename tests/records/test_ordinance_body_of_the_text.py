"""A 例規集 header whose name, number and page name no body (○瀬戸焼を暮らしに生かす条例 / 条例第9号): the body is the first
municipality its text names (the preamble's 瀬戸市は、…) when the articles use its kind bare for their own body
(第2条 市は、…); not when they do not. Each text is made up for the case it shows (real towns, invented
ordinances)."""
import pytest

from tests.records.built import records_of

_TEXT = ("○瀬戸焼を暮らしに生かす条例\n\n令和2年3月25日\n\n条例第9号\n\n瀬戸市は、古くから窯の煙が絶えないまちとして歩んできました。\n\n"
         "ここに、瀬戸焼を次の世代へ手渡していくため、この条例を定めます。\n\n(目的)\n\n第1条 この条例は、瀬戸焼を日々の食卓で使う"
         "ことを広げることを目的とする。\n\n(BODY の取組)\n\n第2条 BODY は、瀬戸焼が広く使われるよう取り組むものとする。\n")


@pytest.mark.parametrize("body, place", [("市", "瀬戸市"), ("町", None)])
def test_the_text_names_its_body(nlp, body, place):
    _, recs = records_of(_TEXT.replace("BODY ", body), title="瀬戸焼を暮らしに生かす条例")
    assert [(r["name"], r["municipality"], r["enacted_date"]) for r in recs if r["type"] == "ordinance"] == [
        ("瀬戸焼を暮らしに生かす条例", place, "2020-03-25")]


def test_a_heading_over_a_sentence_is_no_header(nlp):
    text = ("地域の商いを支える条例\n 2012年6月29日、「岐阜県まちなか商業応援条例」が公布された。県が何をするかを書いている。\n"
            "いまでは各地の県や町にも似た条例が広がった。\n")
    _, recs = records_of(text, title="商工研究会 会報")
    assert sorted(r["name"] for r in recs if r["type"] == "ordinance") == ["岐阜県まちなか商業応援条例"]
