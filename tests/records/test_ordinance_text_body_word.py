"""A 例規集 header whose name and number give no body takes it from the word its articles use bare for their
own body (市は、…, 町の役割): the place of that kind the text names first, the city rather than the
prefecture written right before it (山形県鶴岡市の…), not the prefecture the name's short form holds.
Made up for the case (real bodies, invented ordinances)."""
from tests.records.built import records_of


def test_the_city_after_its_prefecture_is_the_place_the_text_names(nlp):
    text = ("○庄内鶴岡の地酒で祝う条例\n平成27年3月20日\n条例第8号\n(目的)\n"
            "第1条 この条例は、山形県鶴岡市の米と水で醸す地酒の普及を図ることを目的とする。\n"
            "(市の役割)\n第2条 市は、地酒の普及に必要な措置を講ずるよう努めるものとする。\n")
    _, recs = records_of(text)
    assert [r["municipality"] for r in recs if r["type"] == "ordinance"] == ["鶴岡市"]


def test_a_text_naming_no_place_gives_none(nlp):
    text = ("○地産地消推進条例\n平成30年12月21日\n条例第29号\n(目的)\n"
            "第1条 この条例は、地産地消の推進に関し、市及び市民の役割を明らかにする。\n")
    _, recs = records_of(text)
    assert [r["municipality"] for r in recs if r["type"] == "ordinance"] == [None]
