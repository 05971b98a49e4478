"""Places that only say where a body is are no parties, on invented sentences, with the real ja_ginza model.

A prefecture written right before one of its municipalities (「香川県琴平町と」) is the town's address: the
town signs, not the prefecture. A prefecture written apart from it (「青森県、三戸町と」) still signs.
A place that begins a longer name the tokens do not close (「千葉県|税理士会と」) is that name, not the place.
A date line above a paragraph that opens on 「当金庫は」 is no first half of a wrapped name. An aside in
brackets right after a body's name (its 事務局, its address) names no party.
"""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document


def _parties(text: str) -> list[list[str]]:
    text = normalize_text(text)
    doc = Document(uri="file:///p.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=None, text=text)
    records, _ = build_records([doc], [document_drafts(doc)])
    for r in records:
        for ev in r["sources"]:
            assert text[ev["start"]:ev["end"]] == ev["quote"]
    return [sorted(p["name"] for p in r["parties"]) for r in records if r["type"] == "agreement"]


CASES = [
    ("prefecture-before-its-town",
     "南北信用金庫(高松市、山田太郎理事長)は2022年6月3日、観光の振興に向けて香川県琴平町と協定を結んだ。",
     [["南北信用金庫", "琴平町"]]),
    ("prefecture-before-its-town-as-partner",
     "東西信用金庫は2022年5月14日、山形県西川町と包括連携協定を締結した。",
     [["東西信用金庫", "西川町"]]),
    ("prefecture-and-town-apart",
     "令和4年5月14日、東西信用金庫は、青森県、三戸町と包括連携協定を締結しました。",
     [["三戸町", "東西信用金庫", "青森県"]]),
]


@pytest.mark.parametrize("case, text, expected", CASES, ids=[c[0] for c in CASES])
def test_address_prefecture(nlp, case, text, expected):
    assert _parties(text) == expected


NAMES = [
    ("bar-association", "千葉県弁護士会", ["千葉県弁護士会", "船橋市"]),
    ("tax-accountants", "千葉県税理士会", ["千葉県税理士会", "船橋市"]),
    ("city-hospital", "船橋市立医療センター", ["船橋市", "船橋市立医療センター"]),
]


@pytest.mark.parametrize("case, partner, expected", NAMES, ids=[c[0] for c in NAMES])
def test_place_that_begins_a_name(nlp, case, partner, expected):
    assert _parties(f"令和3年2月12日、船橋市は、{partner}と包括連携協定を締結しました。") == [expected]


def test_a_date_line_above_a_self_reference_is_no_part_of_the_name(nlp):
    # a release: the body's name and its date on their own lines, then 「当金庫は」
    got = _parties("東西信用金庫\n令和3年3月10日\n当金庫は、本日、船橋市と包括連携協定を締結いたしました。")
    assert got == [["東西信用金庫", "船橋市"]]


def test_an_aside_after_a_body_names_no_party(nlp):
    # the brackets after the committee's name say who runs it and where: neither signs
    got = _parties("令和3年3月10日、「東西まつり実行委員会」(事務局・東西信用金庫、千葉県船橋市)は、市川市と"
                   "包括連携協定を締結しました。")
    assert got == [["市川市", "東西まつり実行委員会"]]


def test_a_relative_clause_ending_in_aru_is_no_part_of_the_name(nlp):
    # 「…に本店がある東西銀行」: the clause says where the bank is; the bank's name starts after ある
    got = _parties("令和3年3月10日、船橋市は、市内に本店がある東西銀行と包括連携協定を締結しました。")
    assert got == [["東西銀行", "船橋市"]]
