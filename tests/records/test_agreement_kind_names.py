"""The kind of an agreement as its name writes it, on invented sentences, with the real ja_ginza model.

A name of comprehensive cooperation given as a topic is the kind as written (「包括的業務連携に関する協定」),
unless it says comprehensive cooperation and nothing more (「包括的連携に関する協定」: 包括連携協定, its span
quoting the name); a word that says 包括協定 is 包括協定 whatever the topic before it. Other
names keep the short kind of their agreement word; two words of working together joined by ・
(「連携・協力協定」) are the kind together.
"""
import pytest

from tests.records.built import field_spans, records_of


def _kinds(text: str) -> list[tuple[str, str]]:
    _, records = records_of(text)
    out = []
    for r in records:
        if r["type"] == "agreement":
            spans = field_spans(r, "kind")
            assert spans
            out.append((r["kind"], spans[-1]["quote"]))
    return out


CASES = [
    ("comprehensive-topic-with-more",
     "令和5年4月10日、船橋市と東西銀行は、包括的業務連携に関する協定を締結しました。",
     "包括的業務連携に関する協定"),
    ("topic-then-comprehensive-word",
     "令和5年4月10日、船橋市と東西銀行は、連携・協力に関する包括協定を締結しました。",
     "包括協定"),
    # a topic without 包括: the short kind of the word, as before
    ("plain-topic",
     "令和5年4月10日、船橋市と東西銀行は、産業振興に関する連携協定を締結しました。",
     "連携協定"),
    ("comprehensive-word",
     "令和5年4月10日、船橋市と東西銀行は、包括連携協定を締結しました。",
     "包括連携協定"),
    # two words of working together joined by ・: the kind names both, as written
    ("joined-words",
     "令和5年4月10日、船橋市と東西大学は、連携・協力協定を結びました。",
     "連携・協力協定"),
    ("joined-words-with-sho",
     "令和5年4月10日、船橋市は東西信用金庫と協働・連携協定書を締結しました。",
     "協働・連携協定"),
    # a subject joined by ・ is no part of the kind
    ("joined-subject-not-kind",
     "令和5年4月10日、船橋市と東西大学は、教育・連携協定を結びました。",
     "連携協定"),
]


@pytest.mark.parametrize("case, text, expected", CASES, ids=[c[0] for c in CASES])
def test_kind_as_named(nlp, case, text, expected):
    kinds = _kinds(text)
    assert [k for k, _ in kinds] == [expected]
    assert kinds[0][1] == expected  # the span quotes the characters the kind was read from


SHORT = [
    ("comprehensive-topic", "令和5年4月10日、船橋市と東西銀行は、包括的連携に関する協定を締結しました。",
     "包括的連携に関する協定"),
    ("comprehensive-topic-with-sho", "令和5年4月10日、船橋市と東西銀行は、包括連携に係る協定書を締結しました。",
     "包括連携に係る協定"),
    ("comprehensive-cooperation-joined", "令和5年4月10日、船橋市と東西大学は、包括的な連携・協力に関する協定を結びました。",
     "包括的な連携・協力に関する協定"),
]


@pytest.mark.parametrize("case, text, quote", SHORT, ids=[c[0] for c in SHORT])
def test_comprehensive_cooperation_only_is_the_short_kind(nlp, case, text, quote):
    assert _kinds(text) == [("包括連携協定", quote)]
