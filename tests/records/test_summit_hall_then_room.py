"""A hall (or a station) named after its town, then the room or hall inside or beside it up to the venue mark
(福井駅前のハピリンホールにて, 京都経済センター3階の…カフェを会場に; a hall whose name starts with 国立, 県立 is no town's): the place that starts the outer name is the
host. The texts are invented (real places, made-up meetings)."""
from tests.records.built import summit_hosts


def test_a_room_in_front_of_a_station():
    text = "11月3日(日)、山形駅前のアズホールにて、第4回最上川こけしフォーラムが開催されました。\n"
    assert summit_hosts(text) == [(4, "山形市")]


def test_a_room_on_a_floor_of_a_hall():
    text = "11月3日、盛岡グランドホテル2階の交流ラウンジ「こけし広場」を会場に、第4回北上川こけしフォーラムを開いた。\n"
    assert summit_hosts(text) == [(4, "盛岡市")]


def test_a_national_hall_is_no_town():
    text = "11月3日、第4回北上川こけしフォーラムが国立盛岡国際会館の大ホールで開かれた。\n"
    assert summit_hosts(text) == [(4, None)]


def test_a_room_with_a_long_name_on_a_floor_of_a_hall():
    # (the hall, its floor and the room run longer than the few characters read before a venue mark)
    text = ("第4回北上川こけしフォーラムを11月3日に開催しました。今回で4回目。盛岡グランドホテル2階のコミュニティラウンジ"
            "スペース「こけし広場」を会場に、120名が集いました。\n")
    assert summit_hosts(text) == [(4, "盛岡市")]
