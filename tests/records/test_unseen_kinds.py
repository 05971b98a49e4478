"""Kinds of sentence and page met on real pages the extractors were not written for (issue 15),
on invented sentences of each kind: the signing day of a news item read against its date line,
people's offices and plans that are no party, names with a middle dot or a branch after an aside,
a prefecture before a city, a counted class of bodies, a list with one shared ending, an edition
counted in a later sentence, a sort of ordinance and an ordinance named only by its kind."""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.agreement_dates import day_on_or_before
from extractors.records.build import build_records, document_drafts
from extractors.records.coordination import bare_municipality, name_start, shared_ending
from extractors.records.publisher import is_signing_body
from schemas.document import Document
from tests.records.test_agreements import _agreements


@pytest.mark.parametrize("doc_date, day, past, expected", [
    ("2019-03-02", 1, True, "2019-03-01"),    # not after the date line's day: its month
    ("2019-03-02", 28, True, "2019-02-28"),   # after it, reported done: the month before
    ("2019-03-02", 30, True, None),           # no 30 February
    ("2019-01-05", 31, True, "2018-12-31"),   # across the year
    ("2019-03-02", 28, False, None),          # a planned thing: no guess
])
def test_bare_day_against_the_date_line(doc_date, day, past, expected):
    assert day_on_or_before(doc_date, day, past) == expected


@pytest.mark.parametrize("name, expected", [
    ("千葉県柏市", "柏市"), ("北海道別海町", "別海町"), ("柏市", "柏市"), ("千葉県信用保証協会", "千葉県信用保証協会"),
])
def test_prefecture_before_a_city(name, expected):
    assert bare_municipality(name) == expected


@pytest.mark.parametrize("text, found, expected", [
    ("、千葉県事業承継・引継ぎ支援センター", "引継ぎ支援センター", "千葉県事業承継・引継ぎ支援センター"),
    ("、柏市・柏商工会議所", "柏商工会議所", "柏商工会議所"),        # a body before the dot: two names
    ("、東西銀行・南北信用金庫", "南北信用金庫", "南北信用金庫"),
])
def test_middle_dot_inside_a_name(text, found, expected):
    start = name_start(text, text.index(found))
    assert text[start:text.index(found) + len(found)] == expected


@pytest.mark.parametrize("name, ok", [
    ("日本政策金融公庫柏支店", True), ("東西銀行船橋支店", True), ("柏支店", False), ("教育長", False),
])
def test_a_body_with_its_branch_is_a_body(name, ok):
    assert is_signing_body(name) is ok


@pytest.mark.parametrize("text, names", [
    ("市は、青葉、緑丘、北川短期の計3大学と協定を結んだ", ["青葉大学", "緑丘大学", "北川短期大学"]),
    ("同支店は、県信用保証協会、東、西の両商工会議所と協定を結んでいる", ["東商工会議所", "西商工会議所"]),
    ("今回、流域の信用金庫と協力して", []),  # no count, no 計/両/各: no shared ending
    # universities' short forms: kept as written, never 大 + 大学
    ("商工会議所は、北南大、県立看護大、信大の3大学と協定を結んだ", ["北南大", "県立看護大", "信大"]),
    ("青葉、東西農大の両大学と", ["青葉大学", "東西農大"]),
    # cities written as bare place names: each with the ending must be a municipality of the gazetteer
    ("東西大学と柏、船橋、松戸の三市は協定を結んだ", ["柏市", "船橋市", "松戸市"]),
    ("青葉、緑丘の両市が協定を結んだ", []),
    ("柏、船橋、松戸の2市1町が協定を結んだ", []),  # (no one ending)
])
def test_list_with_one_shared_ending(text, names):
    assert [n.name for n in shared_ending(text, 0, len(text))] == names


AGREEMENTS = [
    # a news item dated on its own line tells of a signing on a day after that day: the month before
    ("day-before-date-line", None,
     "(2019年03月2日)\n柏市と「南北信用金庫」は、28日に連携協定を締結した。",
     [(["南北信用金庫", "柏市"], "2019-02-28")]),
    # the officials at the ceremony are people, not parties
    ("offices-are-no-parties", None,
     ("北山大学は柏市と、令和元年5月10日、連携協力に関する協定を締結しました。調印式は北山大学から田中学長、"
     "柏市から鈴木市長、佐藤教育長が出席し、市役所で行われ、協定書を取り交わしました。"),
     [(["北山大学", "柏市"], "2019-05-10")]),
    # a quoted plan the agreement is based on is no party
    ("plan-is-no-party", None,
     ("東西大学と船橋市及び柏市は、令和4年2月1日、「東葛圏域共生ビジョン」に記載する取組みに基づき、"
     "包括的連携に関する協定を締結しました。"),
     [(["東西大学", "柏市", "船橋市"], "2022-02-01")]),
    # a body with a middle dot in its name, in a coordination
    ("middle-dot-name", None,
     "令和3年7月19日、船橋市は、東西銀行、千葉県事業承継・引継ぎ支援センターと協定を締結しました。",
     [(["千葉県事業承継・引継ぎ支援センター", "東西銀行", "船橋市"], "2021-07-19")]),
    # the branch after an alias in brackets belongs to the body before it, and signs (the dev gold's
    # 日本政策金融公庫長崎支店: the branch, not the whole body)
    ("branch-after-aside", None,
     "南北商工会議所は令和4年6月1日、日本政策金融公庫(日本公庫)船橋支店と覚書を締結した。",
     [(["南北商工会議所", "日本政策金融公庫船橋支店"], "2022-06-01")]),
    # a prefecture written before the city
    ("prefecture-before-city", None,
     "千葉県柏市は令和4年6月1日、東西銀行と包括連携協定を結んだ。",
     [(["東西銀行", "柏市"], "2022-06-01")]),
    # a counted class (金融機関) named one by one in the next sentence
    ("counted-class", None,
     "柏市は令和3年5月19日、連携協定を3金融機関と結んだ。市と協定を結んだのは東西銀行、南北信用金庫、中央信用組合。",
     [(["中央信用組合", "南北信用金庫", "東西銀行", "柏市"], "2021-05-19")]),
    # bodies listed with one shared ending and a count
    ("shared-ending", None,
     "船橋市は令和2年11月18日、青葉、緑丘、北川短期の計3大学と包括連携協定を結んだ。",
     [(["北川短期大学", "緑丘大学", "船橋市", "青葉大学"], "2020-11-18")]),
]


@pytest.mark.model
@pytest.mark.parametrize("kind, title, text, expected", AGREEMENTS, ids=[c[0] for c in AGREEMENTS])
def test_unseen_agreement_kinds(nlp, kind, title, text, expected):
    assert _agreements(text, title) == expected


def _records(*texts: str, title: str | None = None) -> list[dict]:
    docs = []
    for i, t in enumerate(texts):
        t = normalize_text(t)
        docs.append(Document(uri=f"file:///{i}.txt", sha256=hashlib.sha256(t.encode()).hexdigest(),
                             media_type="text/plain", title=title, text=t))
    records, _ = build_records(docs, [document_drafts(d) for d in docs])
    return records


@pytest.mark.model
def test_edition_counted_in_a_later_sentence(nlp):
    (s,) = [r for r in _records("「全国みかんサミット」が8日、松山市で初めて開かれました。\n"
                                "ゆかりの自治体の交流を深める目的で1990年から行われていて、今回が12回目となります。")
            if r["type"] == "summit"]
    assert (s["series"], s["edition"], s["host"]) == ("全国みかんサミット", 12, "松山市")


@pytest.mark.model
def test_a_sort_of_ordinance_is_no_name(nlp):
    recs = _records("柏市中小企業振興基本条例は1990年の制定で、理念型の中小企業振興条例では県内で最も早い。")
    assert [r["name"] for r in recs if r["type"] == "ordinance"] == ["柏市中小企業振興基本条例"]


@pytest.mark.model
def test_an_ordinance_named_only_by_its_kind_is_no_record(nlp):
    text = "道内の各自治体では「中小企業振興基本条例」の制定が活発化しています。"
    assert [r for r in _records(text, title="中小企業振興基本条例") if r["type"] == "ordinance"] == []


@pytest.mark.model
def test_a_placeless_ordinance_joins_another_document_only_on_agreeing_dates(nlp):
    placeless = "○中小企業振興条例\n平成30年12月21日\n条例第31号\n(目的)\n第1条 この条例は、市の中小企業の振興を図る。"
    listing = "2012年には香川県中小企業振興条例が制定されました。"
    recs = [r for r in _records(placeless, listing) if r["type"] == "ordinance"]
    assert sorted((r["municipality"] or "", r["enacted_date"]) for r in recs) == [("", "2018-12-21"), ("香川県", "2012")]


@pytest.mark.model
@pytest.mark.parametrize("text, declaration", [
    # the declaration's own name after the series and a space, on a title line
    ("第4回全国みかんサミット まつやま宣言\n令和元年10月3日に松山市で開催した。", "まつやま宣言"),
    # a quoted declaration with its year
    ("令和元年10月3日、第4回全国みかんサミットを松山市で開催し、「松山宣言2019」を採択しました。", "松山宣言2019"),
])
def test_declaration_named_after_the_series(nlp, text, declaration):
    (s,) = [r for r in _records(text) if r["type"] == "summit"]
    assert s["declaration"] == declaration
