"""The kind of a page's one agreement whose signing sentence calls it only 協定: the one fuller kind the page names
it by in a signing sentence or with a word that refers back to it (この包括連携協定は、…), its span quoting that
word; not a kind named for an agreement in force (既に…包括連携協定を締結しています), nor one of two kinds. A
high school and a university's 高大連携協定 keeps its 高大, as 産学 does. Invented sentences, real places."""
import pytest

from tests.records.built import field_spans, records_of


def _kinds(text: str) -> list[tuple[str, list[str]]]:
    _, records = records_of(text)
    return [(r["kind"], [ev["quote"] for ev in field_spans(r, "kind")]) for r in records if r["type"] == "agreement"]


@pytest.mark.parametrize("text, kind", [
    ("南北銀行と東西県との協定締結式\n今回は、南北銀行と東西県との協定締結式に行ってきました。\n"
     "この包括連携協定は、県と銀行が連携を強化することを目的とした協定です。", "包括連携協定"),
    ("令和3年5月10日、船橋市と南北大学は協定を締結しました。\n本連携協定は、人材育成を目的としています。", "連携協定"),
    ("青葉工業高等学校と高大連携協定を結びました\n令和2年11月2日、本学と青葉工業高等学校は、青葉キャンパスで協定書に調印しました。",
     "高大連携協定"),
])
def test_the_kind_the_page_names(nlp, text, kind):
    (got,) = _kinds(text)
    assert got[0] == kind and got[1] and got[1][-1].endswith(kind)


@pytest.mark.parametrize("text", [
    # a kind named for another agreement, one in force
    "東西市と南北信用金庫は、令和2年4月1日、協定を締結しました。\n東西市は、既に北西大学と包括連携協定を締結しています。",
    # a kind named for agreements in force, in a clause of the signing sentence
    "本校は、令和2年3月28日、東西信用金庫と「産学連携協力推進協定書」を締結しました。\n本校はこれまでにも、南北銀行と産学連携協力協定を"
    "締結をしており、今回、東西信用金庫との協定を締結したことにより、支援が期待されます。",
    # two kinds: none is the page's one
    "令和3年5月10日、船橋市と南北大学は協定を締結しました。\nこの包括連携協定と本災害協定は、同時に結ばれました。"
    "\n本連携協定は、人材育成を目的としています。",
])
def test_no_kind_from_elsewhere(nlp, text):
    assert [k for k, _ in _kinds(text)] == ["協定"]
