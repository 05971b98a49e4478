"""A date written after the signing verb's continuative form (締結し、, 結び、) is the day of what the next
clause tells (a press conference, a start); the signing's day is the one written before it."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, day", [
    ("2022年9月9日、近畿経済産業局は兵庫県信用保証協会と連携協定を締結し、10月6日、記者発表会を行いました。",
     "2022-09-09"),
    ("2023年4月3日、尾道市は広島銀行と包括連携協定を結び、2023年5月1日から共同で相談会を開く。", "2023-04-03"),
    # a date after the signing word with no continuative between: the nearest still
    ("尾道市は2023年4月3日に広島銀行と協議を始め、2023年5月1日に包括連携協定を締結した。", "2023-05-01"),
])
def test_signing_day_not_the_next_clause(text, day):
    assert the_record(text, "agreement")["signed_date"] == day
