"""The names of a list under a pointing group word (「次の2団体と」) lose what marks the list, not the name:
a number and a space before each (「1 東西銀行」), a label in brackets before them (「【締結先】A、B」)."""
import pytest

from extractors.records.party_groups import list_below


@pytest.mark.parametrize("text, names", [
    ("県は次の2団体と協定を締結しました。\n1 鳥取銀行\n2 山陰合同銀行\n", ["鳥取銀行", "山陰合同銀行"]),
    ("県は次の2団体と協定を締結しました。\n1\u3000鳥取銀行\n2\u3000山陰合同銀行\n", ["鳥取銀行", "山陰合同銀行"]),
    ("市は以下の大学と協定を締結しました。\n【締結大学】北海道大学、札幌大学\n", ["北海道大学", "札幌大学"]),
    ("市は以下の金融機関と協定を締結しました。\n[締結先] 千葉銀行、京葉銀行\n", ["千葉銀行", "京葉銀行"]),
    ("市は以下の金融機関と協定を締結しました。\n(1)千葉銀行\n(2)京葉銀行\n", ["千葉銀行", "京葉銀行"]),
])
def test_list_marks_are_not_part_of_the_names(text, names):
    _count, found = list_below(text, text.index("\n"))
    assert [n.name for n in found] == names
    assert all(text[n.start:n.end] == n.name for n in found)
