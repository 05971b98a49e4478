"""Partners listed below a signing sentence in a table written with pipes (「| 締結先 | 所在地 |」)."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_partners_in_a_pipe_table(nlp):
    text = ("熊本市は令和5年9月1日、以下の金融機関と連携協定を締結しました。\n| 締結先 | 所在地 |\n|---|---|\n"
            "| 肥後銀行 | 熊本市中央区 |\n| 熊本銀行 | 熊本市中央区 |\n")
    assert _agreements(text) == [(["熊本市", "熊本銀行", "肥後銀行"], "2023-09-01")]


@pytest.mark.model
def test_table_of_agreements_in_pipes(nlp):
    text = ("本市が締結した連携協定\n| 締結日 | 締結先 | 協定名 |\n|---|---|---|\n"
            "| 2021年6月1日 | 北陸銀行 | 包括連携協定 |\n| 2022年9月1日 | 富山第一銀行 | 連携協定 |\n")
    assert sorted(_agreements(text, title="連携協定の一覧(富山市)")) == [
        (["北陸銀行", "富山市"], "2021-06-01"), (["富山市", "富山第一銀行"], "2022-09-01")]
