"""「当協議会は…と協定を締結」 on a page that never names itself as publisher: 当協議会 / 本協議会 is a
self-reference like 当協会, standing for the 協議会 the page names."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("subject", ["当協議会(統括責任者:山田一郎)は", "本協議会は"])
def test_council_self_reference_is_the_council_named(subject):
    text = (f"2023年5月8日、{subject}、東北経済産業局、宮城県信用保証協会と"
            "「事業再生の支援で連携する協定」を結びました。\n"
            "  1. 宮城県信用保証協会を起点とした宮城県中小企業活性化協議会との連携\n"
            "  2. 宮城県中小企業活性化協議会を起点とした宮城県信用保証協会との連携\n")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["宮城県中小企業活性化協議会", "東北経済産業局", "宮城県信用保証協会"])]
