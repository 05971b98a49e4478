"""「国立研究開発法人「X」」: a legal form written alone before the quoted name is no body of its own."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("form, name", [("国立研究開発法人", "産業技術総合研究所"), ("公益財団法人", "青葉産業振興センター")])
def test_legal_form_before_a_quoted_name(form, name):
    text = f"山形銀行と{form}「{name}」は18日、地元企業の製品開発を支える連携協定を結んだ。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["山形銀行", name])]
