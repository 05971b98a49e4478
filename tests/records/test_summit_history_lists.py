"""History lists and tables of a series: a table whose year column holds bare years under a header naming
回 (回 | 開催年 | 開催地), and a list whose rows give the place with its prefecture (・第1回(2010年) 山形県
長井市: the city). Each text is made up for the case it shows (real towns, invented meetings)."""
from tests.records.built import records_of


def _rows(text: str) -> list[tuple]:
    _, recs = records_of(text)
    return sorted((r["edition"], r["start_date"], r["host"], r["series"]) for r in recs if r["type"] == "summit")


def test_bare_years_under_a_header_naming_the_round(nlp):
    text = "全国ダムサミットの歩み\n回\t開催年\t開催地\n1\t2010\t長井市\n2\t2011\t真室川町\n3\t2012\t十日町市\n"
    assert _rows(text) == [(1, "2010", "長井市", "全国ダムサミット"), (2, "2011", "真室川町", "全国ダムサミット"),
                           (3, "2012", "十日町市", "全国ダムサミット")]


def test_bare_numbers_without_a_header_are_no_rows(nlp):
    assert _rows("全国ダムサミットの歩み\n1\t2010\t長井市\n2\t2011\t真室川町\n") == []


def test_a_listed_place_with_its_prefecture_is_the_city(nlp):
    text = "全国ダムサミット 開催履歴\n・第1回(2010年) 山形県長井市\n・第2回(2011年) 山形県真室川町\n・第3回(2012年) 新潟県十日町市\n"
    assert _rows(text) == [(1, "2010", "長井市", "全国ダムサミット"), (2, "2011", "真室川町", "全国ダムサミット"),
                           (3, "2012", "十日町市", "全国ダムサミット")]
