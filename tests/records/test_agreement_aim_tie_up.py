"""「互いに提携を図ることで…業務提携に関する協定書に調印した」: 提携 as an aim or a course (提携を図る, 提携を深め) is
no signing; the kind is that of the document the signing is of."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, kind", [
    ("青葉信用金庫と東西信用金庫は、互いに提携を図ることで加盟店の販路を広げようと、業務提携に関する協定書に調印しました。",
     "業務提携"),
    ("射水市と東西大学は、提携を深めるため、観光振興の連携協定を結びました。", "連携協定"),
])
def test_tie_up_as_an_aim_is_no_signing(text, kind):
    _, records = records_of(text)
    assert [r["kind"] for r in records if r["type"] == "agreement"] == [kind]
