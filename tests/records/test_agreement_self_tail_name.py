"""A page that writes itself 当協会 and names its body in full once (青葉信用保証協会) and by the tail of that
name once more (保証協会利用率): the tail is the same body, so 当協会 stands for it and the page's heading and
lead sentence give one agreement, dated by its 締結日 line. Found on a real page (a credit guarantee
corporation's release); the sentences here are invented."""
import pytest

from extractors.records.publisher import body_of_kind
from tests.records.test_agreements import _agreements

TEXT = ("青葉市と「創業者の資金繰りを支える協定」を結びました\n"
        "更新日:2024年2月2日\n"
        "青葉信用保証協会(以下「協会」)は、青葉市と、以下のとおり「創業者の資金繰りを支える協定」を"
        "締結しましたのでお知らせします。\n"
        "1.協定の締結\n"
        "(1)締結日:令和 6 年 2 月 1 日(木曜)\n"
        "2.当協会の保証状況\n"
        "(1)保証協会利用率 41.7%\n")


def test_a_tail_of_the_full_name_counts_for_that_body():
    assert body_of_kind(TEXT, "当協会") == "青葉信用保証協会"


@pytest.mark.model
def test_heading_and_lead_give_one_agreement_dated_by_its_key(nlp):
    assert _agreements(TEXT) == [(["青葉信用保証協会", "青葉市"], "2024-02-01")]
