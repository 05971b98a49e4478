"""A chamber of commerce right before the venue mark (…の会頭会合を鶴岡商工会議所で開催した) is the building the
meeting was held in, in the city whose name it bears: the host is that city. The texts are invented (real
places, made-up meetings)."""
from tests.records.built import summit_hosts


def test_the_chamber_building_names_its_city():
    text = "庄内と秋田の5商工会議所は12月2日、第3回目となる「日本海こけし連携会議」の会頭会合を鶴岡商工会議所で開催した。\n"
    assert summit_hosts(text) == [(3, "鶴岡市")]


def test_a_national_chamber_names_no_place():
    text = "12月2日、第3回日本海こけし連携会議を日本商工会議所で開催した。\n"
    assert summit_hosts(text) == [(3, None)]
