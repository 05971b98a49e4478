"""「うちの大学」 in a member's blog stands for the writer's body as 本学 does: the body of that kind the page
speaks for or names, so that it makes no party of its own (and no second record)."""
from tests.records.built import agreement_parties, records_of


def test_casual_self_reference_is_the_body_named():
    text = ("昨年の秋、花巻市とうちの大学とが幅広い分野で連携する協定を結びました。\n"
            "市の広報から:11月8日に市の交流会館で、市と富士大学との間で連携協定の協定書を交わしました。")
    _, records = records_of(text, title="花巻市との協定(花巻市)")
    assert agreement_parties(records) == [["富士大学", "花巻市"]]
