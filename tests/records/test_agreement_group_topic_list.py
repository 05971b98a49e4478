"""「A県とB銀行、県内の商工3団体は…協定を結んだ。商工団体はC、D、E。」: a counted group whose count sits inside its
kind word (商工3団体, 経済4団体) is named by a later sentence whose topic is that kind (商工団体は) and that lists
as many bodies; a 商工会 and a 商工会議所 of the same place are two bodies."""
from tests.records.built import agreement_parties, records_of


def test_group_named_by_a_later_topic_sentence():
    text = ("鹿児島県と鹿児島銀行、県内の商工3団体は21日、災害時の事業継続を後押しする協定を結んだ。\n"
            "商工団体は県商工会連合会、県中小企業家同友会、県商工会議所連合会の3団体。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["鹿児島県", "鹿児島銀行", "鹿児島県商工会議所連合会", "鹿児島県商工会連合会",
                                                  "鹿児島県中小企業家同友会"])]


def test_group_of_four_named_by_its_topic():
    text = ("宮崎市は17日、経済4団体と事業承継支援の連携協定を結んだ。\n"
            "経済団体は宮崎商工会議所、宮崎市商工会、宮崎県中小企業団体中央会、宮崎県中小企業家同友会。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["宮崎市", "宮崎商工会議所", "宮崎市商工会", "宮崎県中小企業家同友会",
                                                  "宮崎県中小企業団体中央会"])]
