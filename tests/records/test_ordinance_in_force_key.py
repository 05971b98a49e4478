"""A page about one ordinance gives the day it took effect as a key line (三 施行期日 / 条例の施行日, the day
alone on the line below) or as a bracketed note after the sentence that reports it (…を制定しました。
(平成29年4月1日施行)). Our own sentences; real prefectures, invented ordinances."""
import pytest

from tests.records.built import records_of


@pytest.mark.parametrize("text,day", [
    ("青森県ものづくり人材育成条例\n一 目的\n県内のものづくり人材を育てることを目的とする。\n二 県の責務\n"
     "人材の育成に関する施策を実施する。\n三 施行期日\n\n平成二十九年四月一日\n\n議員提案条例の一覧に戻る\n", "2017-04-01"),
    ("秋田県伝統工芸振興条例について\n県の伝統工芸を守り育てるため、秋田県伝統工芸振興条例を制定しました。\n"
     "条例の施行日\n\n 平成30年4月1日\n\n条例の概要\n", "2018-04-01"),
    ("伝統工芸振興条例\n 秋田県では、伝統工芸を守り育てるため、「伝統工芸振興条例」を制定しました。(平成30年4月1日施行)\n"
     "\n条例制定の趣旨\n", "2018-04-01"),
])
def test_the_in_force_day_of_a_key_line_or_a_note(text, day):
    _, recs = records_of(text, title=text.splitlines()[0])
    (rec,) = [r for r in recs if r["type"] == "ordinance"]
    assert rec["effective_date"] == day
