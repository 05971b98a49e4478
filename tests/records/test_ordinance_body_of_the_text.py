"""A 例規集 header whose name, number and page name no body (○笠間焼を使おう条例 / 条例第14号): the body is the first
municipality its text names (the preamble's 笠間市は、…) when the articles use its kind bare for their own body
(第2条 市は、…); not when they do not. Each text is made up for the case it shows (real towns, invented
ordinances)."""
import pytest

from tests.records.built import records_of

_TEXT = ("○笠間焼を使おう条例\n\n平成29年9月8日\n\n条例第14号\n\n笠間市は、良質な陶土に恵まれ、焼き物の里として知られています。\n\n"
         "私たちは、笠間焼の発展に資するため、この条例を制定します。\n\n(目的)\n\n第1条 この条例は、笠間焼の普及を推進することを"
         "目的とする。\n\n(BODY の役割)\n\n第2条 BODY は、笠間焼の普及と振興に努めるものとする。\n")


@pytest.mark.parametrize("body, place", [("市", "笠間市"), ("町", None)])
def test_the_text_names_its_body(nlp, body, place):
    _, recs = records_of(_TEXT.replace("BODY ", body), title="笠間焼を使おう条例")
    assert [(r["name"], r["municipality"], r["enacted_date"]) for r in recs if r["type"] == "ordinance"] == [
        ("笠間焼を使おう条例", place, "2017-09-08")]


def test_a_heading_over_a_sentence_is_no_header(nlp):
    text = ("中小企業振興基本条例\n 2009年3月24日に「福井県中小企業振興条例」が公布された。県の責務を明確にしている。\n"
            "現在、多くの県と市町村で同様の条例ができている。\n")
    _, recs = records_of(text, title="研究所 メールマガジン")
    assert sorted(r["name"] for r in recs if r["type"] == "ordinance") == ["福井県中小企業振興条例"]
