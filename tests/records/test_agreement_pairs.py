"""One agreement per pair where a page writes the pairs one by one after the signing (「同金庫と北町、同金庫と
南町とが個別に締結」): the repeated body with each other one. Each text is made up for the case it shows
(real bodies, invented signings)."""
import pytest

from tests.records.built import records_of


def _parties(text: str) -> list[list[str]]:
    _, recs = records_of(text)
    return sorted(sorted(p["name"] for p in r["parties"]) for r in recs if r["type"] == "agreement")


@pytest.mark.parametrize("text, expected", [
    # a headline, the signing by all three, its aim, then the pairs with 同金庫 for the bank
    ("【連携】山梨信用金庫が甲府市・笛吹市と協定\n山梨信用金庫・甲府市・笛吹市は、令和5年4月1日、連携協定を"
     "締結した。協定は観光の振興が目的である。同金庫と甲府市、同金庫と笛吹市とが個別に締結する形をとった。",
     [["山梨信用金庫", "甲府市"], ["山梨信用金庫", "笛吹市"]]),
    ("東西銀行と北町、南町は令和6年1月9日、包括連携協定を締結した。協定は地域の活性化が目的。"
     "同行と北町、同行と南町とが個別に締結した。", [["北町", "東西銀行"], ["南町", "東西銀行"]]),
])
def test_pairs_written_one_by_one_are_one_agreement_each(nlp, text, expected):
    assert _parties(text) == expected


@pytest.mark.parametrize("text", [
    # signed by all three (三者で); the pairs are earlier agreements, told as background
    "甲府市、笛吹市、山梨信用金庫は令和5年4月1日、三者で連携協定を締結した。甲府市と笛吹市、甲府市と"
    "山梨信用金庫はこれまでも個別に協定を結んでいる。",
    "甲府市、笛吹市、山梨信用金庫は令和5年4月1日、連携協定を締結した。甲府市と笛吹市、甲府市と"
    "山梨信用金庫は既に個別の協定を結んだ。",
])
def test_pairs_told_as_background_split_nothing(nlp, text):
    assert _parties(text) == [["山梨信用金庫", "甲府市", "笛吹市"]]


@pytest.mark.parametrize("text, expected", [
    # all who signed that day in one sentence, then one document line per university (市, 商工会議所: bare kinds)
    ("令和3年5月1日、青森市、青森商工会議所、弘前大学、青森大学は連携協定を締結しました。\n"
     "市と商工会議所及び弘前大学の三者による協定書\n市と商工会議所及び青森大学の三者による協定書\n",
     [["弘前大学", "青森商工会議所", "青森市"], ["青森商工会議所", "青森大学", "青森市"]]),
    ("協定書の一覧\n市と東西大学との間の連携協定書(PDF)\n市と南北大学との間の連携協定書(PDF)\n"
     "令和3年5月1日、青森市は東西大学及び南北大学と連携協定を締結しました。",
     [["南北大学", "青森市"], ["東西大学", "青森市"]]),
])
def test_one_agreement_per_listed_document(nlp, text, expected):
    assert _parties(text) == expected


@pytest.mark.parametrize("text", [
    # one document of all three; a line naming some of the parties only
    "令和3年5月1日、青森市は東西大学及び南北大学と連携協定を締結しました。\n関連資料\n"
    "市と東西大学と南北大学の三者による連携協定書(PDF)\n",
    "令和3年5月1日、青森市は東西大学及び南北大学と連携協定を締結しました。\n市と東西大学との間の連携協定書(PDF)\n",
])
def test_document_lines_that_name_no_split_leave_one_agreement(nlp, text):
    assert _parties(text) == [["南北大学", "東西大学", "青森市"]]
