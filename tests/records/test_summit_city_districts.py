"""A 町 or 村 name read inside the address that goes on after a city's name (函館市大森町: 森町 is read
inside the district 大森町) is a part of that city, not a town: the meeting's host is the city. A town
after its county (北海道茅部郡森町) stays a town. Each text is made up for the case it shows (real places,
invented meetings)."""
from tests.records.built import summit_hosts


def test_a_town_name_inside_a_citys_district_is_the_city():
    text = "第61回北海商工会議所大会は4日、函館市大森町の会館で開かれた。\n"
    assert summit_hosts(text) == [(61, "函館市")]


def test_a_town_after_its_county_is_still_a_town():
    text = "第14回北海町村サミットは4日、北海道茅部郡森町の文化センターで開かれた。\n"
    assert summit_hosts(text) == [(14, "茅部郡森町")]
