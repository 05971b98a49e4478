"""Where the signing was held is no party: a room or hall written after a body's name or a back-reference to it
(「同市役所3階庁議室で」, 「…キャンパス 会議ホールにて」), the words the name's tokens leave off included."""
from tests.records.built import agreement_parties, records_of


def test_a_meeting_room_of_the_town_hall_is_no_party():
    text = ("柏市(山田一郎市長)と柏市商工会(川村二郎会長)と青葉県信用保証協会(青葉市中央区、佐藤三郎会長)は3月25日、"
            "同市役所3階庁議室で事業承継の支援に関する連携協定を結んだ。")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["柏市", "柏市商工会", "青葉県信用保証協会"])]
