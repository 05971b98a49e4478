"""Parties written as a list sharing an ending after 両 or 各 (「東西、南北両信金」), or as offices of one body
(「東西銀行の青葉、赤松両支店」), on invented texts, with the real ja_ginza model: each item is a party
with the ending given back, and the group word (「赤松両支店」, 「両持ち株会社」) is none."""
import pytest

from tests.records.built import agreement_parties, records_of


def _parties(text: str) -> list[list[str]]:
    _, records = records_of(text)
    return agreement_parties(records)


@pytest.mark.parametrize("text, expected", [
    ("青葉町と東西、南北両信金は22日、連携協定を締結した。", [["南北信用金庫", "東西信用金庫", "青葉町"]]),
    ("東西銀行の青葉、赤松両支店と、南北大学は19日、連携協定を結んだ。",
     [["南北大学", "東西銀行赤松支店", "東西銀行青葉支店"]]),
])
def test_both_lists(nlp, text, expected):
    assert _parties(text) == expected


@pytest.mark.parametrize("text, expected", [
    # 両 + a kind word after the bodies it counts: both of them, no third party
    ("四国銀行と伊予銀行の両持ち株会社が、デジタル化支援などで協定を結んだ。", [["伊予銀行", "四国銀行"]]),
    ("その翌週には、高知県の四国銀行と愛媛県の伊予銀行の両持ち株会社が、デジタル化支援の協定を結んだ。",
     [["伊予銀行", "四国銀行"]]),
])
def test_a_group_word_is_no_party(nlp, text, expected):
    assert _parties(text) == expected
