"""「A、B銀行は、Cとそれぞれ覚書を交わした」: それぞれ after the one partner distributes the two subjects:
one agreement of each subject with that partner."""
from tests.records.built import agreement_parties, records_of


def test_each_subject_with_the_one_partner():
    text = "北國、北陸銀行は10日、富山大学とそれぞれ覚書を交わした。"
    _, records = records_of(text)
    parties = sorted(agreement_parties(records))
    assert parties == [["北國銀行", "富山大学"], ["北陸銀行", "富山大学"]]
