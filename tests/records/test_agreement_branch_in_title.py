"""A title that names the partner's branch (「A銀行B支店と協定を締結」) names that bank inside the branch's
name, not as a second signer: a signing sentence that leaves its subject out is not signed by the bank."""
from tests.records.built import agreement_parties, records_of


def test_bank_of_the_branch_in_the_title_signs_nothing():
    text = ("6月2日に、商工組合中央金庫函館支店(以下、商工中金)と「地域技術振興協定書」を取り交わしました。\n"
            "本校は今後、商工中金と地域の企業を支えます。")
    _, records = records_of(text, title="商工組合中央金庫函館支店と「地域技術振興協定書」を取り交わし")
    parties = agreement_parties(records)
    assert parties == [["商工組合中央金庫函館支店", "本校"]]
