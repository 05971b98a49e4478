"""A body's name in brackets after a meeting's name (…大会(青葉経済同友会), …フォーラム(若葉商工会議所)) names
its organiser or the page's publisher, not where it was held: the place its name opens with is no
host. A bracket that says it is the venue (会場:…) still gives one. The texts are invented (real
places, made-up meetings)."""
from tests.records.built import summit_hosts


def test_a_publishing_body_in_brackets_is_no_host():
    text = ("第12回東海経営者交流大会(岐阜経済同友会)\n"
            "第12回東海経営者交流大会が三重の担当で11月7日に開かれ、当会から15名が参加した。\n")
    assert summit_hosts(text) == [(12, None)]


def test_a_chamber_in_brackets_is_no_host():
    text = ("商店街未来フォーラム(金沢商工会議所)に参加\n"
            "本日、第6回商店街未来フォーラムが開かれ、各地の商店主が事例を語りました。\n")
    assert summit_hosts(text) == [(6, None)]


def test_a_bracket_that_names_the_venue_still_gives_the_host():
    text = "第3回北陸商店街サミット(会場:富山市民交流センター)を9月2日に開催しました。\n"
    assert summit_hosts(text) == [(3, "富山市")]
