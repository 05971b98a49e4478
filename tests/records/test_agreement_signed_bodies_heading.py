"""A heading line that names the bodies that signed by their role (「まちづくり協定を締結した機関」, 「協定を締結した
団体:」) keys a party block, as 締結機関 does: the names listed under it (or after its colon) are the agreement's
parties."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text, parties", [
    ("北杜市は令和2年4月1日、市内の金融機関と「まちづくりの推進に関する協定」を結びました。\n\n"
     "まちづくり協定を締結した機関\n\n株式会社東西銀行、南北信用金庫、北山信用組合\n\n担当:企画課\n",
     ["北杜市", "株式会社東西銀行", "北山信用組合", "南北信用金庫"]),
    ("令和4年8月1日、甲府市は地域の団体と観光振興に関する協定を締結しました。\n"
     "協定を締結した団体:東西観光協会、北山まちづくり協議会\n",
     ["北山まちづくり協議会", "東西観光協会", "甲府市"]),
])
def test_block_under_signed_bodies_heading(text, parties):
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(parties)]
