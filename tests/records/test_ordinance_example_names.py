"""Names a kind of ordinance goes by, listed as examples (…X条例、Y条例等の名称で制定されている), are no
ordinances made: no record. Each text is made up for the case it shows (real bodies, invented counts)."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text", [
    "こうした条例は、都道府県では20条例(長野県が2条例制定)、市町村ではものづくり条例、産業振興条例、"
    "中小企業振興基本条例等の名称で40以上の条例が制定されている。\n",
    "県内の市町村では、中小企業振興基本条例や産業振興条例といった名称で多くの条例が制定されています。\n",
    "新潟県内では、中小企業振興基本条例、ものづくり振興条例などの名前で条例を定める市町村が増えている。\n",
    "各地の条例には、「中小企業振興条例」「地域経済振興条例」などの名称がみられ、長野県内でも制定が進んだ。\n",
])
def test_names_given_as_examples_of_names_give_no_record(nlp, text):
    _, recs = records_of(text)
    assert [r["name"] for r in recs if r["type"] == "ordinance"] == []


def test_an_ordinance_made_beside_such_a_list_stays(nlp):
    _, recs = records_of("燕市は、「燕市ものづくり振興条例」を2019年4月に施行した。"
                         "県内では、中小企業振興条例などの名称で条例が制定されている。\n")
    assert [(r["name"], r["effective_date"]) for r in recs if r["type"] == "ordinance"] == [
        ("燕市ものづくり振興条例", "2019-04")]
