"""A page that gives an ordinance's own text under its name (「X条例 前文」 over the preamble; X条例 over
(目的) 第1条) states that the ordinance exists, even when no sentence says it was made (a symposium's
report quoting it). A name in a sentence over an unrelated line is still only named. Each text is made
up for the case it shows (real bodies, invented ordinances and events)."""
import pytest

from tests.records.built import records_of


def _names(text: str, title: str) -> list[tuple]:
    _, recs = records_of(text, title=title)
    return [(r["name"], r["municipality"]) for r in recs if r["type"] == "ordinance"]


@pytest.mark.parametrize("text", [
    "2021.11.06\n\n竹原市中小企業振興 基本条例を考えるシンポジウム\n\n主催 竹原市 / 共催 竹原商工会議所\n\n"
    "竹原市中小企業振興基本条例 前文\n\n 竹原市は、古くから塩の町として栄え、酒造りと町並みを受け継いできた。\n",
    "2021.11.06\n\n竹原市中小企業振興 基本条例を考えるシンポジウム\n\n主催 竹原市 / 共催 竹原商工会議所\n\n"
    "竹原市中小企業振興基本条例\n(目的)\n第1条 この条例は、市内の事業者の成長を後押しし、地域の活力を高めることをねらいとする。\n",
])
def test_a_name_over_its_own_text_is_an_ordinance(nlp, text):
    assert _names(text, "竹原市中小企業振興 基本条例を考えるシンポジウム") == [("竹原市中小企業振興基本条例", "竹原市")]


def test_a_name_in_a_sentence_over_other_lines_is_only_named(nlp):
    text = ("2021.11.06\n\n竹原市の産業を考えるシンポジウム\n\n講演の終わりに竹原市中小企業振興基本条例のことも少し紹介されました。\n"
            "第1部 基調講演\n")
    assert _names(text, "竹原市の産業を考えるシンポジウム") == []
