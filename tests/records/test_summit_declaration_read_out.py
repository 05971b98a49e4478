"""A declaration adopted with its title quoted after its name and the reader named before the verb
(総会宣言「…」が副会長から読み上げ提案され) is the meeting's declaration; a declaration only mentioned
(人権宣言の意義を説明) is none. Each text is made up for the case it shows (real places, invented meetings)."""
from tests.records.built import records_of


def _declarations(text):
    _, recs = records_of(text)
    return [(r["edition"], r["declaration"]) for r in recs if r["type"] == "summit"]


def test_a_declaration_read_out_after_its_quoted_title():
    text = ("9月3日、湖同協第38回定時総会が大津市の会館で開かれました。\n"
            "閉会前に、総会宣言「地域の声を束ね、次の十年へ踏み出そう」が副会長から読み上げ提案され、拍手で採択されました。\n")
    assert _declarations(text) == [(38, "総会宣言")]


def test_a_declaration_only_mentioned_is_none():
    assert _declarations("第7回湖畔サミットが開かれ、町長は非核平和宣言の意味を町民に語った。\n") == [(7, None)]
