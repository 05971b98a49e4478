"""「相互に提携を図ることで…業務提携に関する協定書を取り交わした」: 提携 as an aim or a course (提携を図る, 提携を深め) is
no signing; the kind is that of the document the signing is of."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, kind", [
    ("高岡信用金庫と氷見信用金庫は、相互に提携を図ることで取引先の支援を強めようと、業務提携に関する協定書を取り交わしました。",
     "業務提携"),
    ("砺波市と富山大学は、提携を深めるため、地域振興に関する連携協定を締結しました。", "連携協定"),
])
def test_tie_up_as_an_aim_is_no_signing(text, kind):
    _, records = records_of(text)
    assert [r["kind"] for r in records if r["type"] == "agreement"] == [kind]
