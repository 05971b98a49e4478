"""A tie between two towns keeps its prefix in the kind: 友好都市協定, 友好交流都市協定, 姉妹都市提携 (not 協定 or
提携, the last word alone). The sentences are invented."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text, kind", [
    ("小布施町は5月1日、静岡県伊東市と「温泉のまち友好都市協定」に調印した。", "友好都市協定"),
    ("伊東市と長野県小布施町は10日、友好交流都市協定に調印した。", "友好交流都市協定"),
    ("伊東市長と小布施町長は10日、伊東市役所で姉妹都市提携に調印した。", "姉妹都市提携"),
])
def test_the_tie_between_towns_is_the_kind(nlp, text, kind):
    _, records = records_of(text)
    assert [r["kind"] for r in records if r["type"] == "agreement"] == [kind]
