"""「当協議会は…と協定を締結」 on a page that never names itself as publisher: 当協議会 / 本協議会 is a
self-reference like 当協会, standing for the 協議会 the page names."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("subject", ["当協議会(統括責任者:佐野健)は", "本協議会は"])
def test_council_self_reference_is_the_council_named(subject):
    text = (f"2024年2月19日、{subject}、東北経済産業局、山形県信用保証協会と"
            "「経営改善の後押しで手を組む協定」を結びました。\n"
            "  1. 山形県信用保証協会から山形県中小企業活性化協議会への橋渡し\n"
            "  2. 山形県中小企業活性化協議会から山形県信用保証協会への橋渡し\n")
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(["山形県中小企業活性化協議会", "東北経済産業局", "山形県信用保証協会"])]
