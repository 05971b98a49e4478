"""Two ways a report writes where a meeting was held: the kanji spelling of において (…ホテルに於いて), and
a short place name, a 中黒 and the district or hall (東京・有楽町の…フォーラムにおいて, 大阪・青葉会館で): the
place is the host (東京 -> 東京都; a name both a city and a prefecture have is the city, as for a hall).
The texts are invented (real places, made-up meetings)."""
from tests.records.built import summit_hosts


def test_the_kanji_spelling_of_niokite():
    text = "去る5月12日に山形県の天童ホテルに於いて、第31回東北こけし工人大会を開催いたしました。\n"
    assert summit_hosts(text) == [(31, "山形県")]


def test_a_short_place_then_the_district_and_hall():
    text = "東北こけし工人会は、5月12日、東京・日本橋の三越劇場において第31回こけし工人大会を開催しました。\n"
    assert summit_hosts(text) == [(31, "東京都")]


def test_a_short_city_name_then_a_hall():
    text = "5月12日、仙台・勾当台会館で第31回東北こけし工人大会が開かれた。\n"
    assert summit_hosts(text) == [(31, "仙台市")]


def test_two_places_joined_by_the_dot_name_no_one_venue():
    text = "5月12日、鳴子・遠刈田両地区の公民館で第31回東北こけし工人大会が開かれた。\n"
    assert summit_hosts(text) == [(31, None)]


def test_a_hall_named_after_a_prefecture_whose_seat_is_another_city():
    text = "5月12日、沖縄コンベンションセンターにて第31回南西こけし工人大会が開かれた。\n"
    assert summit_hosts(text) == [(31, None)]  # (not 沖縄市; a hall gives a town or nothing)


def test_a_hall_named_after_a_prefecture_seat():
    text = "5月12日、佐賀コンベンションセンターにて第31回九州こけし工人大会が開かれた。\n"
    assert summit_hosts(text) == [(31, "佐賀市")]
