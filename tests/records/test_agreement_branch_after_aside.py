"""A branch written right after a body's aside (「日本政策金融公庫(以下、日本公庫)浜野支店と」, 「東西銀行(山田一郎頭取)
浜野支店と」) is the body's branch, and the branch signs: the party is the body's name and the branch's, read
past the aside (the branch, not the whole bank, as a branch written whole is)."""
import pytest

from tests.records.built import agreement_parties, records_of


@pytest.mark.parametrize("text, parties", [
    ("青葉市商工会は、5月1日、青葉市と日本政策金融公庫(以下、日本公庫)浜野支店との間で「創業応援の三者協定」を結びました。",
     ["日本政策金融公庫浜野支店", "青葉市", "青葉市商工会"]),
    ("東西商工会議所は6月2日、日本政策金融公庫(日本公庫)浜野支店と事業承継に関する覚書を締結した。",
     ["日本政策金融公庫浜野支店", "東西商工会議所"]),
    ("北山町は、東西銀行(山田一郎頭取)浜野支店と包括連携協定を結んだ。", ["北山町", "東西銀行浜野支店"]),
    ("南山商工会(北海道南山町、会長:田中一郎)は、2025年3月3日、南山町、日本政策金融公庫(以下「日本公庫」)釧路支店と"
     "「後継者育成の三者協定」を交わしました。", ["南山商工会", "南山町", "日本政策金融公庫釧路支店"]),
])
def test_branch_after_aside(text, parties):
    _, records = records_of(text)
    assert agreement_parties(records) == [sorted(parties)]
