"""A headline about the draft of an ordinance's amendment (「X条例」の一部改正案の骨子について) speaks of a
plan for the amendment, of an ordinance that exists: X, cited with its number, is a record; a headline
about a draft of the ordinance itself (「X条例」の骨子について) still makes X a plan. The texts are
invented (a real prefecture, made-up ordinances)."""
from tests.records.built import records_of


def _names(title, body):
    _, recs = records_of(title + "\n" + body, title=title)
    return [r["name"] for r in recs if r["type"] == "ordinance"]


BODY = ("1 改正の趣旨\n"
        "青森県では、「青森県小さな商店応援条例」(平成21年青森県条例第8号)を平成21年4月から施行し、"
        "商店の経営の安定を図ってきました。\n")


def test_an_amendment_drafts_headline_keeps_the_ordinance():
    assert _names("「青森県小さな商店応援条例」の一部改正案の骨子について", BODY) == ["青森県小さな商店応援条例"]


def test_a_drafts_headline_of_the_ordinance_itself_is_a_plan():
    body = "1 制定の趣旨\n青森県では、商店の経営の安定を図るため、新たな条例を定めることとしました。\n"
    assert _names("「青森県小さな商店応援条例」の骨子について", body) == []
