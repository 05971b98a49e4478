"""A cleft on the agreement that counts bodies it never names one by one (「協定を結んだのはA銀行と市内4つの
信用金庫、それに3つの労働金庫の合わせて8つの金融機関です」) gives its parties as written, the named body and
each counted group, for a signing sentence that names one side or none; the total after の合わせて is no
party, and a cleft whose every item is named is read as before. Found on real pages (a bank's alliance
with credit unions, a prefecture's agreement with unnamed institutions); the sentences here are invented."""
import pytest

from tests.records.test_agreements import _agreements


@pytest.mark.model
def test_counted_groups_in_a_cleft_are_parties(nlp):
    text = ("創業の後押しのため、東西銀行と市内の金融機関などは令和4年9月8日に協定を結びました。"
            "協定を結んだのは東西銀行と市内4つの信用金庫、それに3つの労働金庫の合わせて8つの金融機関です。")
    assert _agreements(text) == [(["3つの労働金庫", "市内4つの信用金庫", "東西銀行"], "2022-09-08")]


@pytest.mark.model
def test_a_cleft_of_named_bodies_only_is_read_as_before(nlp):
    text = ("宮城県は令和4年5月1日、事業承継に関する協定を結んだ。"
            "協定を結んだのは仙台商工会議所、石巻商工会議所の2団体。")
    assert _agreements(text) == [(["仙台商工会議所", "宮城県", "石巻商工会議所"], "2022-05-01")]
