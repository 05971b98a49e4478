"""A venue's address that writes a town by its short name right after its prefecture (東京都渋谷の…ホール)
names the town (渋谷区), not the prefecture, as the host. The text is invented (real places, a made-up
meeting)."""
from tests.records.built import summit_hosts


def test_a_prefecture_with_a_short_town_name_is_the_town():
    text = "令和元年10月3日、東京都品川のきゅりあんホールで「第12回下町工場サミット」が開催され、約400名が参加しました。\n"
    assert summit_hosts(text) == [(12, "品川区")]


def test_a_prefecture_alone_stays_the_host():
    text = "令和元年10月3日、東京都のきゅりあんホールで「第12回下町工場サミット」が開催され、約400名が参加しました。\n"
    assert summit_hosts(text) == [(12, "東京都")]
