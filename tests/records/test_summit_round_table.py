"""A numbered 懇談会 of a region's business bodies (第N回…経済懇談会) is a meeting of a series, as a
…交流懇談会 is. The text is invented (real places, a made-up round-table)."""
from tests.records.built import records_of


def test_a_numbered_round_table_is_a_summit():
    text = ("第14回道東経済懇談会を開催\n"
            "道東の商工会議所と経済団体でつくる第14回道東経済懇談会が10月5日、帯広市のホテルで開かれ、"
            "約80人が地域の課題を話し合った。\n")
    _, recs = records_of(text)
    assert [(r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit"] == \
        [("道東経済懇談会", 14, "帯広市")]
