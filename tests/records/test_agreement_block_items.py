"""A party block's items and a key's value name parties, never the page's own body: an item with its list mark
on a line of its own is one party (・…市 / ・…大学 are two, not one joined across the line), a town written
after its prefecture is the town (秋田県横手市 -> 横手市), and a top line that is a list item or a key's value
(・…大学, 【締結先】…大学) is not the publisher. Each text is made up for the case it shows (real towns and
universities, invented agreements)."""
from tests.records.built import agreement_parties, records_of


def test_items_on_lines_of_their_own_are_parties(nlp):
    text = ("2025年3月4日\n【締結先】\n・秋田県横手市\n・秋田大学\n【締結日】\n2025年3月3日\n"
            "【協定名】\n地域産業の振興に関する連携協定\n以上のとおり協定を締結いたしました。")
    _, records = records_of(text)
    assert agreement_parties(records) == [["横手市", "秋田大学"]]


def test_a_keys_value_on_a_top_line_is_no_publisher(nlp):
    text = ("2025年3月4日\n横手市と「地域産業の振興に関する連携協定」を締結\n【締結先】秋田大学\n"
            "【締結日】2025年3月3日")
    _, records = records_of(text)
    assert agreement_parties(records) == [["横手市", "秋田大学"]]


def test_an_item_that_names_no_body_is_not_joined_to_the_next(nlp):
    text = ("2025年3月4日\n【締結先】\n・横手の森\n・秋田大学\n【締結日】\n2025年3月3日\n"
            "【協定名】\n地域産業の振興に関する連携協定\n横手市は以上のとおり協定を締結いたしました。")
    _, records = records_of(text)
    assert all("横手の森・秋田大学" not in p for parties in agreement_parties(records) for p in parties)
