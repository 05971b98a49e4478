"""「…協定を東西大学と締結しました。(2005年)」: a list page dates an item in brackets right after its sentence;
that date (alone in the brackets, with its year) is the signing's."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("bracket, date", [("(2008年)", "2008"), ("(2012年4月)", "2012-04")])
def test_date_in_brackets_after_the_sentence(bracket, date):
    text = ("産学連携の取組み\n\n当金庫は信用金庫として初めて産学連携の包括協定を静岡大学と締結しました。"
            f"{bracket}\n\nその後も各大学と協定を結んでいます。")
    _, records = records_of(text, title="産学連携について(浜松信用金庫)")
    assert [r["signed_date"] for r in records if r["type"] == "agreement"] == [date]
