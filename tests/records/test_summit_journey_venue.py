"""A report of going to a meeting names its venue as the journey's end: …に出席するため、青葉市の…センターに行って
きました, …に参加する為に、福岡県柳川市を訪問しました; a journey for another purpose names none. Each text is
made up for the case it shows (real towns, invented meetings and halls)."""
import pytest

from tests.records.built import summit_hosts


@pytest.mark.parametrize("text,edition,host", [
    ("第12回全国青葉研究集会in神奈川に出席するため、2月9日は横浜市にある青葉会議センターへ行ってきました。\n", 12, "横浜市"),
    ("私たちは「第3回全国うなぎサミット」に参加する為、福岡県柳川市へ向かいました。\n", 3, "柳川市"),
])
def test_the_journey_to_attend_ends_at_the_venue(nlp, text, edition, host):
    assert summit_hosts(text) == [(edition, host)]


def test_a_journey_for_another_purpose_names_no_venue(nlp):
    text = "第3回全国うなぎサミットの資料を受け取りに、福岡県柳川市へ行ってきました。\n"
    assert [h for _, h in summit_hosts(text)] != ["柳川市"]
