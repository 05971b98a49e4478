"""The agreement's own text (a 協定書 printed on the page): its signature block names the parties, a role
letter in brackets (「(甲)青森市」) or a body on its own line above its official included; with no
signing sentence at all, the heading that is the document's name and the block under it are the
agreement. Each text is made up for the case it shows (real bodies, invented agreements)."""
import pytest

from extractors.records.signatures import signature_block
from tests.records.built import records_of


@pytest.mark.parametrize("text, names", [
    ("令和3年3月3日\n(甲)青森市\n青森市長 青葉太郎\n(乙)株式会社青森銀行\n取締役頭取 緑川次郎\n",
     ["青森市", "株式会社青森銀行"]),
    ("令和3年3月3日\n甲:青森市長 青葉太郎\n乙:青森商工会議所 会頭 緑川次郎\n", ["青森市", "青森商工会議所"]),
    # a body alone on its line over its official's line: one signer, not two
    ("令和6年6月6日\n鹿児島市\n鹿児島市長 青葉太郎\n株式会社鹿児島銀行\n代表取締役頭取 緑川次郎\n",
     ["鹿児島市", "株式会社鹿児島銀行"]),
])
def test_signers_of_a_block(text, names):
    _date, signers = signature_block(text)
    assert [n.name for n in signers] == names
    assert all(text[n.start:n.end] == n.name for n in signers)


def _agreements(text: str) -> list[tuple[list[str], str | None]]:
    _, recs = records_of(text)
    return [(sorted(p["name"] for p in r["parties"]), r["signed_date"]) for r in recs if r["type"] == "agreement"]


def test_an_agreement_text_with_no_signing_sentence(nlp):
    text = ("観光振興に関する連携協定書\n(目的)\n第1条 この協定は、観光の振興について定める。\n"
            "令和6年6月6日\n鹿児島市\n鹿児島市長 青葉太郎\n株式会社鹿児島銀行\n代表取締役頭取 緑川次郎\n")
    assert _agreements(text) == [(["株式会社鹿児島銀行", "鹿児島市"], "2024-06-06")]


@pytest.mark.parametrize("text", [
    # one signer only; a heading that names no agreement document
    "観光振興に関する連携協定書\n令和6年6月6日\n鹿児島市長 青葉太郎\n",
    "観光振興に関する要綱\n第1条 この要綱は、観光の振興について定める。\n令和6年6月6日\n鹿児島市長 青葉太郎\n"
    "株式会社鹿児島銀行 代表取締役頭取 緑川次郎\n",
])
def test_no_agreement_without_its_name_and_two_signers(nlp, text):
    assert _agreements(text) == []
