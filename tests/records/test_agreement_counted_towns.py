"""「本学と県北2町村との協定」: a count of towns and villages (町村) or of cities and towns (市町) is filled,
as 「3市町村」 is, by the municipalities of those kinds the page names (here only through their
heads, 「…東川町長、…西原村長」), when there are as many as the count."""
from tests.records.built import agreement_parties, records_of


def test_towns_and_villages_counted_named_by_their_heads():
    text = ("令和3年6月10日、東川町の会館において、山田一郎学長、佐藤次郎東川町長、鈴木三郎西原村長のほか"
            "関係者が出席して、本学と2町村の包括的な連携協定に署名しました。")
    _, records = records_of(text, title="2町村と包括的連携に関する協定を締結(北海道教育大学)")
    assert agreement_parties(records) == [sorted(["北海道教育大学", "東川町", "西原村"])]

