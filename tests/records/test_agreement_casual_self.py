"""「うちの大学」 in a member's blog stands for the writer's body as 本学 does: the body of that kind the page
speaks for or names, so that it makes no party of its own (and no second record)."""
from tests.records.built import agreement_parties, records_of


def test_casual_self_reference_is_the_body_named():
    text = ("先週、盛岡市とうちの大学とが包括的な連携協定を締結しました。\n"
            "市の記事より:3月20日に市役所で、市と岩手県立大学との間で包括連携の協定書に署名しました。")
    _, records = records_of(text, title="盛岡市との協定(盛岡市)")
    assert agreement_parties(records) == [["岩手県立大学", "盛岡市"]]
