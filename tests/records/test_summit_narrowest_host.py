"""The host is a municipality, not its prefecture, when the page gives one: a hall named after a place
that is both a prefecture's and a city's name stands in the city (宮崎サンシャインアリーナにて: 宮崎市), and a
prefecture read from a headline (北海道・帯広で開催) gives way to the municipality of that prefecture
the body names for the same meeting. Each text is made up for the case it shows (real places, invented
meetings and halls)."""
from tests.records.built import summit_hosts


def test_a_hall_named_after_a_prefecture_and_its_city_stands_in_the_city():
    text = "10月3日、宮崎サンシャインアリーナにて、『第9回南国経営者フォーラム』が開催されました。\n"
    assert summit_hosts(text) == [(9, "宮崎市")]


def test_a_hotel_ending_on_the_name_stands_in_the_city():
    text = "9月8日、ホテルサンライズ佐賀にて「第4回有明経営者フォーラム」を開催しました。\n"
    assert summit_hosts(text) == [(4, "佐賀市")]


def test_a_headline_prefecture_gives_way_to_the_body_city():
    text = ("青葉研究所が第5回大会を北海道・帯広で開催\n"
            "青葉研究所は6月2日、「第5回青葉研究所大会」を北海道帯広市の帯広市民文化ホールで開いた。\n")
    assert summit_hosts(text) == [(5, "帯広市")]


def test_a_national_hall_is_no_town():
    text = "2月11日、国立青葉国際会館にて第40回全国経営者フォーラムを開催しました。\n"
    assert summit_hosts(text) == [(40, None)]


def test_a_prefecture_alone_stays():
    text = "第5回青葉研究所大会を6月2日に北海道で開いた。\n"
    assert summit_hosts(text) == [(5, "北海道")]
