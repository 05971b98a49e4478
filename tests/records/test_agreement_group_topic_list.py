"""「A県とB銀行、県内の商工3団体は…協定を結んだ。商工団体はC、D、E。」: a counted group whose count sits inside its
kind word (商工3団体, 経済4団体) is named by a later sentence whose topic is that kind (商工団体は) and that lists
as many bodies; a 商工会 and a 商工会議所 of the same place are two bodies."""
from tests.records.built import agreement_parties, records_of


def test_group_named_by_a_later_topic_sentence():
    text = ("熊本県と肥後銀行、県内の商工3団体は14日、事業継続計画の策定を支える協定を結んだ。\n"
            "商工団体は県中小企業団体中央会、県商工会連合会、県商工会議所連合会の3団体。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["熊本県", "肥後銀行", "熊本県商工会議所連合会", "熊本県商工会連合会",
                                                  "熊本県中小企業団体中央会"])]


def test_group_of_four_named_by_its_topic():
    text = ("大分市は9日、経済4団体と創業支援の連携協定を締結した。\n"
            "経済団体は大分商工会議所、大分市商工会、大分県中小企業家同友会、大分県中小企業団体中央会。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["大分市", "大分商工会議所", "大分市商工会", "大分県中小企業家同友会",
                                                  "大分県中小企業団体中央会"])]
