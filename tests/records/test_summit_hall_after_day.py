"""A hall named after its town right after the day it was held (11月8日(水)に鶴岡勤労者会館において):
the town is the first two kanji of a three-kanji run that names no place (鶴岡勤 -> 鶴岡市), but not a
founder's word (国立…, 県立…: a national or prefectural hall). Each text is made up for the case it
shows (real towns, invented meetings and halls)."""
from tests.records.built import summit_hosts


def test_a_hall_named_after_its_town_after_the_day():
    text = "11月8日(水)に鶴岡勤労者会館において、第31回青葉ものづくりフォーラムを開きました。\n"
    assert summit_hosts(text) == [(31, "鶴岡市")]


def test_a_national_hall_names_no_town_by_its_founder():
    text = "第40回青葉経営研究集会が国立青葉国際会館で開かれました。\n"
    assert summit_hosts(text) == [(40, None)]


def test_a_national_hall_with_a_place_after_its_founder_is_not_that_founder():
    text = "第40回青葉経営研究集会が国立立川国際会館で開かれました。\n"
    assert summit_hosts(text) != [(40, "国立市")]
