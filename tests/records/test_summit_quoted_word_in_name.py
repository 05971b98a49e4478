"""A series name holding a quoted word after its first words (第5回全国「道の駅」サミット): the name reads through
the quotes to its meeting word; a meeting word inside the quotes does not end it (全国「まちづくり大会」
実行委員会 is a committee). Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import records_of


def _summits(text: str) -> list[dict]:
    _, recs = records_of(text)
    return [r for r in recs if r["type"] == "summit"]


def test_a_quoted_word_inside_the_series_name(nlp):
    (rec,) = _summits("2019年7月4日、第5回全国「道の駅」サミットを長井市で開催し、「長井宣言」を採択した。")
    assert (rec["series"], rec["edition"], rec["host"], rec["declaration"]) == ("全国「道の駅」サミット", 5, "長井市", "長井宣言")


def test_a_meeting_word_inside_the_quotes_ends_no_name(nlp):
    assert _summits("第5回全国「まちづくり大会」実行委員会を開いた。") == []
