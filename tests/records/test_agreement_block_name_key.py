"""A party block whose lines are keys and values (【締結先】 then 「名称 株式会社…」, 「所在地 …」): the name is
the value of its name key, not the line."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_name_key_line_of_a_party_block(nlp):
    text = ("【締結先】\n名称 株式会社十六銀行\n所在地 岐阜県岐阜市\n代表者 取締役頭取\n"
            "岐阜市は令和5年2月1日、上記の者と連携協定を締結しました。")
    assert _agreements(text) == [(["岐阜市", "株式会社十六銀行"], "2023-02-01")]
