"""An insurer named by its kind and brand (損害保険ジャパン日本興亜) in a coordinated subject is a party though no
model tags it (beside a counted group whose bodies a later sentence lists, or a chamber)."""
from tests.records.built import agreement_parties, records_of


def test_insurer_and_counted_group_in_the_subject():
    text = ("熊本県と損害保険ジャパン日本興亜、そして商工3団体が14日、事業継続計画の策定を支える協定を結んだ。\n"
            "商工団体は県中小企業団体中央会、県商工会連合会、県商工会議所連合会の3団体。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["熊本県", "損害保険ジャパン日本興亜", "熊本県商工会議所連合会",
                                                  "熊本県商工会連合会", "熊本県中小企業団体中央会"])]


def test_insurer_after_a_town_in_the_subject():
    text = "八代市と損害保険ジャパン日本興亜、八代商工会議所は5日、事業継続の支援に関する協定を結んだ。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["八代市", "損害保険ジャパン日本興亜", "八代商工会議所"])]
