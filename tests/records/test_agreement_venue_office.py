"""A body's office followed by where in it the signing is held (「同銀行本店(札幌市)7階会議室で」, 「本社で、」)
is the venue of the signing, no party; an office that signs (「A銀行B支店と」) still is one."""
import pytest

from tests.records.built import agreement_parties, records_of


def _parties(text: str) -> list[list[str]]:
    _, records = records_of(text)
    return agreement_parties(records)


@pytest.mark.parametrize("text, parties", [
    ("旭川市と株式会社北洋銀行は、5月10日、同銀行本店(札幌市中央区)3階の会議室で、包括連携協定の調印式を行った。",
     [["旭川市", "株式会社北洋銀行"]]),
    ("旭川市と北海道銀行旭川支店は、5月10日、連携協定を締結した。", [["北海道銀行旭川支店", "旭川市"]]),
])
def test_office_as_venue_is_no_party(text, parties):
    assert _parties(text) == parties
