"""On a page about one ordinance, the day written in brackets right after its 施行の日 (条例の施行の日
(令和6年10月1日)以後に着工) is the day it took effect; not a bracket that holds no day ((以下「施行日」という。)),
and not on a page naming two ordinances. Each text is made up for the case it shows (real bodies,
invented ordinances)."""
from tests.records.built import records_of


def _effective(text: str, title: str) -> list[tuple]:
    _, recs = records_of(text, title=title)
    return [(r["name"], r["effective_date"]) for r in recs if r["type"] == "ordinance"]


def test_the_day_in_brackets_after_its_in_force_day(nlp):
    text = ("柳井市企業立地促進条例-奨励措置\n奨励金の対象は、次のすべてに当てはまる事業です。\n"
            "1. 工場の着工が、条例の施行の日(令和6年10月1日)以後のものに限ります。\n")
    assert _effective(text, "柳井市企業立地促進条例-奨励措置") == [("柳井市企業立地促進条例", "2024-10-01")]


def test_no_day_in_the_brackets_or_two_ordinances_give_none(nlp):
    text = ("柳井市企業立地促進条例-奨励措置\n工場の着工が、この条例の施行の日(以下「施行日」という。)以後のものに限ります。\n")
    assert _effective(text, "柳井市企業立地促進条例-奨励措置") == [("柳井市企業立地促進条例", None)]
    text = ("柳井市企業立地促進条例と柳井市工場設置奨励条例\n柳井市企業立地促進条例のほか、柳井市工場設置奨励条例も対象です。"
            "工場の着工が、条例の施行の日(令和6年10月1日)以後のものに限ります。\n")
    assert all(e is None for _, e in _effective(text, "柳井市の奨励条例"))
