"""A page that writes itself 本校 or 本学 and names no publisher: the self-reference stands for the body of
that kind the page names, never for a kind word written alone (「高等専門学校を卒業した」, 「短期大学の学生」 name
a kind of school, no school), so the party stays as written."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text, parties", [
    ("令和5年4月3日、本校は東西銀行と連携協力協定を結びました。\n"
     "この地方では、高等専門学校を出た若者が都市部の企業に勤めることが多い。", ["本校", "東西銀行"]),
    ("令和3年10月1日、本学は青葉市と包括連携協定を締結しました。\n"
     "短期大学の学生も地域の行事に参加する予定です。", ["本学", "青葉市"]),
    ("本校は令和2年2月7日、北山信用金庫と人材育成に関する協定を締結しました。\n"
     "高等学校の教員との意見交換も続けます。", ["北山信用金庫", "本校"]),
])
def test_self_is_no_bare_kind(text, parties):
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(parties)]
