"""A name that opens with hiragana and ends with its kind word (みちのく銀行, しまなみ信用金庫) is whole
after a particle: the hiragana are the name's own when cutting them would leave a bare kind word
(「銀行」); hiragana before a name of its own are still cut (このたび東西大学)."""
import pytest

from tests.records.built import the_record


def _parties(text: str) -> list[str]:
    return sorted(p["name"] for p in the_record(text, "agreement")["parties"])


@pytest.mark.parametrize("text, parties", [
    ("弘前大学(山田太郎学長)とみちのく銀行(鈴木一郎頭取)は25日、青森市で「連携協力協定」の締結式を開いた。",
     ["みちのく銀行", "弘前大学"]),
    ("尾道大学(山田太郎学長)としまなみ信用金庫(鈴木一郎理事長)は3日、市内で「連携協力協定」の締結式を開いた。",
     ["しまなみ信用金庫", "尾道大学"]),
    ("青森市は、このたび弘前大学と連携協定を締結した。", ["弘前大学", "青森市"]),  # (このたび is no part of it)
])
def test_hiragana_headed_names_whole(text, parties):
    assert _parties(text) == parties
