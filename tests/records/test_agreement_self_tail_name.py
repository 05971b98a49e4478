"""A page that writes itself 当協会 and names its body in full once (青葉信用保証協会) and by the tail of that
name once more (保証協会利用率): the tail is the same body, so 当協会 stands for it and the page's heading and
lead sentence give one agreement, dated by its 締結日 line. Found on a real page (a credit guarantee
corporation's release); the sentences here are invented."""
import pytest

from extractors.records.publisher import body_of_kind
from tests.records.test_agreements import _agreements

TEXT = ("青葉市と「小規模事業者の支援に関する連携協定」を締結しました\n"
        "更新日:2023年5月9日\n"
        "青葉信用保証協会(以下「協会」)は、青葉市と、以下のとおり「小規模事業者の支援に関する連携協定」を"
        "締結いたしましたので、お知らせいたします。\n"
        "1.協定の締結\n"
        "(1)締結日:令和 5 年 5 月 8 日(月曜)\n"
        "2.当協会の保証状況\n"
        "(1)保証協会利用率 35.2%\n")


def test_a_tail_of_the_full_name_counts_for_that_body():
    assert body_of_kind(TEXT, "当協会") == "青葉信用保証協会"


@pytest.mark.model
def test_heading_and_lead_give_one_agreement_dated_by_its_key(nlp):
    assert _agreements(TEXT) == [(["青葉信用保証協会", "青葉市"], "2023-05-08")]
