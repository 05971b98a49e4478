"""A life insurer signs under its name with its legal form after it, 相互会社 (a mutual company under the
保険業法) as much as 株式会社: the party is the name as written, legal form and all. The sentence is invented."""
from tests.records.built import agreement_parties, records_of


def test_a_mutual_company_is_named_whole(nlp):
    text = "恩納村と東西明星生命保険相互会社は5月10日、村役場で包括連携協定の締結式を開き、協定書に署名した。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["恩納村", "東西明星生命保険相互会社"])]
