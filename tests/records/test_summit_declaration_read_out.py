"""A declaration adopted with its title quoted after its name and the reader named before the verb
(総会宣言「…」が事務局長から読み上げ提案され) is the meeting's declaration; a declaration only mentioned
(人権宣言の意義を説明) is none. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _declarations(text):
    _, recs = records_of(text)
    return [(r["edition"], r["declaration"]) for r in recs if r["type"] == "summit"]


def test_a_declaration_read_out_after_its_quoted_title():
    text = ("7月14日、沿同協第52回定時総会がオンラインで開催されました。\n"
            "最後に、総会宣言「困難をのりこえ、変化に対応しよう」が事務局長から読み上げ提案され、満場一致で承認されました。\n")
    assert _declarations(text) == [(52, "総会宣言")]


def test_a_declaration_only_mentioned_is_none():
    assert _declarations("第5回沿岸サミットが開かれ、市長は人権宣言の意義を市民に説明した。\n") == [(5, None)]
