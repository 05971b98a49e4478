"""A meeting named by its year, written once by its short name (a headline's 観光振興大会2015) and once in
full (全国商工会議所観光振興大会2015in八戸): one meeting, under the full name, with what either gives.
Each text is made up for the case it shows (real towns and bodies, invented meetings)."""
from tests.records.built import records_of


def test_the_short_name_of_a_year_named_meeting_is_the_same_meeting(nlp):
    title = "観光振興大会が閉幕(観光振興大会2015)"
    _, recs = records_of(f"{title}\n日本商工会議所は5~6の両日、青森県八戸市において「全国商工会議所観光振興大会2015in八戸」"
                         "を開催した。大会では「八戸アピール」を採択した。\n", title=title)
    (rec,) = [r for r in recs if r["type"] == "summit"]
    assert (rec["series"], rec["start_date"], rec["host"], rec["declaration"]) == \
        ("全国商工会議所観光振興大会", "2015", "八戸市", "八戸アピール")


def test_two_years_of_a_series_stay_two_meetings(nlp):
    _, recs = records_of("「全国商工会議所観光振興大会2015in八戸」を開催した。次回の観光振興大会2016は浜松市で開く。\n")
    years = sorted(r["start_date"] for r in recs if r["type"] == "summit")
    assert years == ["2015", "2016"]
