"""「AとBとの提携では、…実例がある」: a tie-up written as the topic of what it brought (では、) is no signing."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text", ["宮崎大と地元商工中金との提携では、焼酎粕を使う菓子を共同で開発した例がある。",
                                  "商工中金は、国立大学などと提携した例が3件ある。宮崎大と地元商工中金との提携では、"
                                  "新商品の開発を進めた。"])
def test_tie_up_as_a_topic_gives_no_record(text):
    _, records = records_of(text)
    assert agreement_parties(records) == []
