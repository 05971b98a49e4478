"""An insurer named by its kind and brand (損害保険ジャパン東洋興亜, an invented brand the model cuts short) in a
coordinated subject is a party though no model tags it whole (beside a counted group whose bodies a later
sentence lists, or a chamber)."""
from tests.records.built import agreement_parties, records_of


def test_insurer_and_counted_group_in_the_subject():
    text = ("鹿児島県と損害保険ジャパン東洋興亜、そして商工3団体が21日、災害に備える計画づくりを支える協定を結んだ。\n"
            "商工団体は県商工会連合会、県中小企業家同友会、県商工会議所連合会の3団体。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["鹿児島県", "損害保険ジャパン東洋興亜", "鹿児島県商工会議所連合会",
                                                  "鹿児島県商工会連合会", "鹿児島県中小企業家同友会"])]


def test_insurer_after_a_town_in_the_subject():
    text = "薩摩川内市と損害保険ジャパン東洋興亜、川内商工会議所は27日、中小企業の防災に関する協定を結んだ。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["薩摩川内市", "損害保険ジャパン東洋興亜", "川内商工会議所"])]
