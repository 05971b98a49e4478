"""A university's news short form after its place (「津山大」 for 津山大学, as papers write 群馬大, 宇都宮大) is a
party, on invented texts, with the real ja_ginza model: 「津山大(山田一郎学長)は…と…協定を締結した」 gives
the university and its partner; a word that only ends in 大 (最大, 拡大) or a 大会 is none."""
import pytest

from extractors.records.publisher import is_signing_body
from tests.records.built import agreement_parties, records_of


def test_a_short_form_with_its_head_aside_is_the_subject(nlp):
    text = ("『青葉新報』 2006年10月12日付\n\n津山大:信金と協力協定\n\n"
            "津山大(山田一郎学長)は、南北信用金庫と、地元企業の技術相談に共に応じる協定を締結した。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["津山大", "南北信用金庫"])]


@pytest.mark.parametrize("name, expected", [
    ("津山大", True), ("青森大", True), ("埼玉工業大", True),   # a place of the gazetteer before 大
    ("最大", False), ("拡大", False), ("効果大", False), ("県大", False), ("津山大会", False),
])
def test_short_forms_are_named_after_a_place(name, expected):
    assert is_signing_body(name) is expected
