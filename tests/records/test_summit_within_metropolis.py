"""A meeting held 都内 (都内で開催, 東京都内にて, 都内で第N回…を開き) is held in 東京都: the word names the
metropolis, though no town is written. Made up for the case (invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text", [
    "全国ものづくり協議会は6月3日、「第12回全国ものづくり大会」を都内で開催した。\n",
    "9月8~9日、都内にて第21回中小企業政策研究集会が開催されました。\n",
    "全国町工場連合会は第30回定期総会を東京都内で開催しました。\n",
])
def test_a_meeting_held_within_the_metropolis_is_hosted_by_tokyo(nlp, text):
    assert the_record(text, "summit")["host"] == "東京都"


def test_a_town_before_the_mark_still_hosts(nlp):
    rec = the_record("全国ものづくり協議会は6月3日、「第12回全国ものづくり大会」を府中市内で開催した。\n", "summit")
    assert rec["host"] != "東京都"
