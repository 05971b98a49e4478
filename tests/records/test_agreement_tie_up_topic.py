"""「AとBとの提携では、…実例がある」: a tie-up written as the topic of what it brought (では、) is no signing."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text", ["佐賀大と地元日本公庫との提携では、有明海の海苔を使う菓子を一緒に作った実例がある。",
                                  "日本公庫は、県内の私立大学などと提携した実績が4件ある。佐賀大と地元日本公庫との提携では、"
                                  "販路の開拓を手伝った。"])
def test_tie_up_as_a_topic_gives_no_record(text):
    _, records = records_of(text)
    assert agreement_parties(records) == []
