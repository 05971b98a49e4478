"""A 例規集 header whose name and number give no body takes it from the word its articles use bare for their
own body (市は、…, 町の役割): the place of that kind the text names first, the city rather than the
prefecture written right before it (山形県鶴岡市の…); where the text names no place, the one town's short name
in the ordinance's name made whole with that kind (やっぱり美瑛のものがいい条例 -> 美瑛町). Made up for the case
(real bodies, invented ordinances)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, body", [
    ("○庄内鶴岡の地酒で祝う条例\n平成27年3月20日\n条例第8号\n(目的)\n"
     "第1条 この条例は、山形県鶴岡市の米と水で醸す地酒の普及を図ることを目的とする。\n"
     "(市の役割)\n第2条 市は、地酒の普及に必要な措置を講ずるよう努めるものとする。\n", "鶴岡市"),
    ("○やっぱり美瑛のものがいい条例\n平成22年3月12日\n条例第3号\n(目的)\n"
     "第1条 この条例は、地産地消の推進に関し、町民、事業者及び町の役割を明らかにする。\n"
     "(町の役割)\n第2条 町は、地産地消の推進に努めるものとする。\n", "美瑛町"),
])
def test_the_articles_word_for_their_body_gives_the_place(nlp, text, body):
    _, recs = records_of(text)
    assert [r["municipality"] for r in recs if r["type"] == "ordinance"] == [body]


def test_a_short_name_fitting_no_single_town_gives_none(nlp):
    # 地産地消: no municipality's short name; the text names no place
    text = ("○地産地消推進条例\n平成30年12月21日\n条例第29号\n(目的)\n"
            "第1条 この条例は、地産地消の推進に関し、市及び市民の役割を明らかにする。\n")
    _, recs = records_of(text)
    assert [r["municipality"] for r in recs if r["type"] == "ordinance"] == [None]
