"""Meetings listed one after the other in a sentence that states one venue (…若葉市で開かれた、第26回青葉
サミット、第57回若葉大会に出席) share it: an edition whose own clause names no venue takes the sentence's
when a comma or a conjunction alone joins it to another edition. Each edition in a clause of its own with
its own place keeps its own. The texts are invented (real places, made-up meetings)."""
from tests.records.built import records_of


def _hosts(text):
    _, recs = records_of(text)
    return sorted((r["edition"], r["host"]) for r in recs if r["type"] == "summit")


def test_two_listed_meetings_after_the_venue():
    text = "10月5日、2年ぶりに会津若松市で開催された、第18回全国こけしサミット、第40回東北木地師連合会全国大会に参加しました。\n"
    assert _hosts(text) == [(18, "会津若松市"), (40, "会津若松市")]


def test_meetings_in_clauses_of_their_own_keep_their_own_places():
    text = "第1回全国こけしサミットは白石市で、第2回全国こけしサミットは蔵王町で開かれた。\n"
    assert _hosts(text) == [(1, "白石市"), (2, "蔵王町")]
