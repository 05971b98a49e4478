"""A place that starts the name of a body (青葉県中小企業家同友会, 広島県の青年会議所) names the organiser or
a member, not the venue: the host is not read from it, unless the body's name runs up to the venue mark
or a hall follows it (its building). The texts are invented (real places, made-up meetings)."""
from tests.records.built import summit_hosts


def test_a_prefecture_that_starts_a_body_name_is_no_venue():
    text = ("6月3日、山形県商店街振興組合連合会第21回定時総会を前段に、一般社団法人山形県商店街振興組合連合会"
            "設立総会を後段で開催し、来賓ら150名が集まりました。\n")
    assert summit_hosts(text) == [(21, None)]


def test_the_body_of_a_prefecture_then_the_city_where_it_was_held():
    text = ("10月2日(土)藤島公民館にて、第33回庄内ブロック大会が開催された。\n"
            "山形県の商工会青年部が毎年持ち回りで開いている事業で、今年は鶴岡市藤島で開催された。\n")
    assert summit_hosts(text) == [(33, "鶴岡市")]


def test_a_body_whose_building_is_the_venue_stays_the_host():
    text = "6月3日、第21回商店街フォーラムを鶴岡市商工会館で開催し、150名が参加しました。\n"
    assert summit_hosts(text) == [(21, "鶴岡市")]
