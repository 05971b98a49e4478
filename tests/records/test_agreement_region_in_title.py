"""A place the title writes as a region (「県内の信用金庫」, 「市内で」) is where the bodies after it are, not a
body that signs: it is no signer of a sentence that names only one party; a body the title names as such
still is."""
import pytest

from tests.records.built import agreement_parties, records_of


def _parties(text: str, title: str) -> list[list[str]]:
    _, records = records_of(text, title=title)
    return agreement_parties(records)


@pytest.mark.parametrize("title, text, parties", [
    ("常陽銀行と茨城県内の信用金庫が提携", "常陽銀行と茨城県内の信用金庫が20日に業務提携の協定を締結した。", []),
    ("茨城県と常陽銀行が連携協定", "常陽銀行と15日、連携協定を結びました。", [["常陽銀行", "茨城県"]]),
])
def test_region_in_title_signs_nothing(title, text, parties):
    assert _parties(text, title) == parties
