"""「本学と天神まちなみ研究会との包括連携調印式」: a name that opens on a place's kanji and goes on in kana up to a
kind word is one body, when it stands after と or a boundary; 「本学と…」 (a particle right after the kanji) starts
no such name."""
from extractors.language.org_names import find_org_names
from tests.records.built import agreement_parties, records_of


def test_place_then_kana_name_is_a_party():
    text = ("2023.05.10\n本日(5月10日)、本学は天神まちなみ研究会と包括連携の協定書に調印しました。"
            "式には、天神まちなみ研究会から山田会長が参加しました。")
    _, records = records_of(text, title="天神まちなみ研究会と包括連携協定に調印(青葉大学)")
    assert agreement_parties(records) == [sorted(["青葉大学", "天神まちなみ研究会"])]


def test_particle_after_the_kanji_starts_no_name():
    text = "本学とまちなみ研究会が"
    assert [text[s:e] for s, e in find_org_names(text, 0, len(text))] == ["まちなみ研究会"]
