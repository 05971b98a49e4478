"""A quote the meeting is said to be about, right before its edition's name (「50年後の東北」について考える「第4回
東北未来会議」, 「地域の担い手」について語り合う第5回…): its theme; not when what follows is a session (…について考える
分科会). Each text is made up for the case it shows (real cities, invented meetings)."""
import pytest

from tests.records.built import the_record


@pytest.mark.parametrize("text, theme", [
    ("東西銀行の主催により、11月17日(金)と18日(土)の二日間、「50年後の東北」について考える「第4回東北未来会議in盛岡」を、"
     "岩手県盛岡市で開いた。\n", "50年後の東北"),
    ("「地域の担い手」について語り合う第5回青葉フォーラムが、10月6日、山形市で開かれた。\n", "地域の担い手"),
    ("10月6日、山形市で第5回青葉フォーラムが開かれた。「地域の担い手」について考える分科会もあった。\n", None),
])
def test_what_the_meeting_is_about(nlp, text, theme):
    assert the_record(text, "summit")["theme"] == theme
