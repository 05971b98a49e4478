"""「国立研究開発法人「X」」: a legal form written alone before the quoted name is no body of its own."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("form, name", [("国立研究開発法人", "物質・材料研究機構"), ("公益財団法人", "いわて産業振興センター")])
def test_legal_form_before_a_quoted_name(form, name):
    text = f"岩手銀行と{form}「{name}」は5日、県内企業の技術支援に関する連携協定を締結した。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["岩手銀行", name])]
