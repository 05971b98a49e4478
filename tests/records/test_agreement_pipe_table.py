"""Partners listed below a signing sentence in a table written with pipes (「| 締結先 | 所在地 |」)."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_partners_in_a_pipe_table(nlp):
    text = ("熊本市は令和5年9月1日、以下の金融機関と連携協定を締結しました。\n| 締結先 | 所在地 |\n|---|---|\n"
            "| 肥後銀行 | 熊本市中央区 |\n| 熊本銀行 | 熊本市中央区 |\n")
    assert _agreements(text) == [(["熊本市", "熊本銀行", "肥後銀行"], "2023-09-01")]
