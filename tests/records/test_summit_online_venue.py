"""A meeting held online (オンラインにて開催, Zoomによるリモート開催) has no venue from the town named just
before its holding mark: a secretariat's address in brackets is no host. Made up for the case (real
towns, an invented meeting)."""
from tests.records.built import the_record


def test_a_town_before_an_online_holding_is_no_host(nlp):
    rec = the_record("第3回北関東ものづくりサミット(事務局:栃木県小山市)が12月1日(水)、オンラインにて開催されました。\n",
                     "summit")
    assert (rec["edition"], rec["host"]) == (3, None)


def test_a_town_before_a_hall_still_hosts(nlp):
    rec = the_record("第3回北関東ものづくりサミットが栃木県小山市にて開催されました。\n", "summit")
    assert rec["host"] == "小山市"
