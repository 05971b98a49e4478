"""「…協定を東西大学と結びました。(1999年)」: a list page dates an item in brackets right after its sentence;
that date (alone in the brackets, with its year) is the signing's."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("bracket, date", [("(2003年)", "2003"), ("(2016年10月)", "2016-10")])
def test_date_in_brackets_after_the_sentence(bracket, date):
    text = ("地域連携の歩み\n\n当金庫は県内の金融機関で初めて地域連携の包括協定を青葉大学と結びました。"
            f"{bracket}\n\nその後も県内の高専と協定を重ねています。")
    _, records = records_of(text, title="地域連携について(東西信用金庫)")
    assert [r["signed_date"] for r in records if r["type"] == "agreement"] == [date]
