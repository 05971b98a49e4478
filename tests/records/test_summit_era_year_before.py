"""A meeting named with an era year before its name instead of a number (「令和3年九州地区知事会議in
鹿児島」): one meeting of that year, edition null; a fiscal year (令和3年度…) is no meeting's year.
Each text is made up for the case it shows (real places and bodies, invented meetings)."""
from tests.records.built import records_of


def test_an_era_year_before_the_name_is_the_meetings_year(nlp):
    _, recs = records_of("「令和3年九州地区知事会議in鹿児島」を開催しました。\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["series"], rec["edition"], rec["start_date"]) == ("九州地区知事会議", None, "2021")
    assert any(ev["quote"] == "令和3年" for ev in rec["sources"] if ev["field"] == "start_date")


def test_the_first_year_of_an_era_is_read(nlp):
    _, recs = records_of("「令和元年九州地区知事会議in長崎」を開催しました。\n")
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert rec["start_date"] == "2019"
