"""A nickname right after a body's short name ending in 連 or 協 (全国こけし工連白石大会, 東北こ協鳴子大会) names the
host, as after a full body word (…連合会白石総会); the first place that makes a nickname is taken, not a run
that starts inside the body's word (…連合会東京総会: 東京, not 合会東京). The texts are invented (real places,
made-up meetings)."""
from tests.records.built import summit_hosts


def test_a_nickname_after_a_short_name_in_ren():
    text = "テーマ「伝える技」第21回全国こけし工連白石大会が令和5年6月18日(日)に開催されました。\n"
    assert summit_hosts(text) == [(21, "白石市")]


def test_a_nickname_after_a_full_body_word():
    text = "第21回全国こけし工人連合会白石総会が令和5年6月18日(日)に開催されました。\n"
    assert summit_hosts(text) == [(21, "白石市")]
