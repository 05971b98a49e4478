"""をメイン会場に names the venue as を会場に and を主会場に do: a hotel named after a name that is both a
prefecture's and a city's stands in the city. Made up for the case (real towns, an invented meeting)."""
from tests.records.built import the_record


def test_a_main_venue_mark_gives_the_halls_town(nlp):
    rec = the_record("7月4日(木)~5日(金)ホテルグランヴェール岐阜をメイン会場に「第9回女性起業家全国交流会」が開催されました。\n",
                     "summit")
    assert (rec["edition"], rec["host"]) == (9, "岐阜市")
