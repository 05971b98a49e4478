"""A line that goes on from the paragraph above (「また、…とも協定を締結しました」) tells a second signing of
the same subject."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_second_signing_in_a_line_that_goes_on(nlp):
    text = ("大分市は令和5年4月1日、大分銀行と連携協定を締結しました。\n"
            "また、令和5年7月1日には豊和銀行とも連携協定を締結しました。")
    assert sorted(_agreements(text)) == [(["大分市", "大分銀行"], "2023-04-01"), (["大分市", "豊和銀行"], "2023-07-01")]
