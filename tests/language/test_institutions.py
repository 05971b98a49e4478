"""Financial institutions (zengin-code) and national bodies: names from data."""
import pytest

from extractors.language.institutions import (find_institutions, institution_names, is_institution,
                                              news_short_forms, short_form_aliases)


@pytest.mark.parametrize("name, ok", [
    ("群馬銀行", True), ("武蔵野銀行", True), ("高崎信用金庫", True), ("日本政策金融公庫", True),
    ("商工組合中央金庫", True), ("PayPay銀行", True),  # full-width in zengin, NFKC here
    ("群馬", False), ("信用金庫", False), ("東西銀行", False),
])
def test_is_institution(name, ok):
    assert is_institution(name) is ok


def test_table_is_large_and_has_no_cooperatives():
    names = institution_names()
    assert len(names) > 500
    assert not any(n.endswith("農協") for n in names)


@pytest.mark.parametrize("name, forms", [
    ("群馬銀行", ["群馬銀"]), ("宮城第一信用金庫", ["宮城第一信金"]), ("日本政策金融公庫", ["日本公庫", "政策公庫"]),
])
def test_news_short_forms(name, forms):
    assert news_short_forms(name) == forms


def test_short_forms_only_when_the_text_names_the_body():
    text = "宮城第一信用金庫は市と協定を結んだ。同信金は…。宮城第一信金の話。日本公庫の話。"
    assert short_form_aliases(text) == {"宮城第一信金": "宮城第一信用金庫"}
    assert find_institutions("株式会社日本政策金融公庫 奈良支店") == [(4, 12, "日本政策金融公庫")]
