"""「A本所会頭、B市長、C信用金庫理事長の3者による…協定の締結」: the people counted as the signers (のN者による,
の両者により) name the parties, each the body before its office; 本所 (本会, 当所) before an office is the publisher.
A place the name's tokens cut short (…本庁舎にて) is where it was held, no party."""
from tests.records.built import agreement_parties, records_of


def test_officials_counted_as_signers_give_their_bodies():
    text = ("6月2日、豊橋市役所本庁舎にて山田本所会頭、鈴木豊橋市長、佐藤豊橋信用金庫理事長の3者による、"
            "創業を支える連携協定の締結式が開かれた。")
    _, records = records_of(text, title="創業を支える協定を結びました(豊橋商工会議所)")
    assert agreement_parties(records) == [sorted(["豊橋商工会議所", "豊橋市", "豊橋信用金庫"])]


def test_two_officials_counted_with_ryosha():
    text = "4月8日、田中浜松市長と高橋遠州信用金庫理事長の両者により、地域振興に関する協定の締結が行われた。"
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["浜松市", "遠州信用金庫"])]
