"""A count whose subject is 同X (同フォーラムは12回目, 同サミットは6回目: X the meeting word of a series named
before, two series held as one event 「Aフォーラムxxxx&Bサミット」 each counted), and a count of this year
written in kana (ことしで12回目). Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import records_of


def _summits(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return sorted((r["series"], r["edition"], r["host"]) for r in recs if r["type"] == "summit")


def test_each_of_a_joint_event_counted(nlp):
    text = ("「全国ものづくりフォーラム2019&長野県交流サミット」が来年2月5日、長野県上田市の市民会館で開かれる。"
            "同フォーラムは12回目、同サミットは6回目の開催。\n")
    assert _summits(text) == [("全国ものづくりフォーラム", 12, "上田市"), ("長野県交流サミット", 6, "上田市")]


def test_this_year_in_kana(nlp):
    text = ("全国ものづくりフォーラムが11月8、9日の両日、上田市で開かれる。\n"
            "全国ものづくりフォーラムは、職人同士が学び合う機会として持ち回りで催されており、ことしで12回目。\n")
    assert _summits(text) == [("全国ものづくりフォーラム", 12, "上田市")]
