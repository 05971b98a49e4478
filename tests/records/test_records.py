"""Schemas, assemblers, merging and ids on small texts, with the real ja_ginza model."""
import pytest
from pydantic import ValidationError

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from schemas.document import Document
from schemas.records import Agreement, Evidence, Ordinance, Summit, check_iso_date

EV = {"uri": "u", "sha256": "s", "page": None, "start": 0, "end": 2, "quote": "条例"}


@pytest.mark.parametrize("value, ok", [
    ("2004", True), ("2004-05", True), ("2004-05-27", True), ("2004-5", False), ("2004-02-30", False),
    ("H16", False), ("1700", False), ("2004-13", False),
])
def test_iso_dates(value, ok):
    if ok:
        assert check_iso_date(value) == value
    else:
        with pytest.raises(ValueError):
            check_iso_date(value)


def test_agreement_needs_two_distinct_parties():
    with pytest.raises(ValidationError):
        Agreement(id="a", sources=[EV], confidence=0.5, parties=[ARAKAWA, ARAKAWA])
    with pytest.raises(ValidationError):
        Agreement(id="a", sources=[EV], confidence=0.5, parties=[ARAKAWA])
    assert Agreement(id="a", sources=[EV], confidence=0.5, parties=[ARAKAWA, SMRJ])
    with pytest.raises(ValidationError):  # a municipality's code has six digits
        Agreement(id="a", sources=[EV], confidence=0.5, parties=[{**ARAKAWA, "code": "0128"}, SMRJ])


ARAKAWA = {"name": "荒川区", "kind": "municipality", "code": "131181"}
SMRJ = {"name": "中小企業基盤整備機構", "kind": "national body", "code": None}


def test_records_are_strict_and_quotes_must_match_the_text():
    with pytest.raises(ValidationError):
        Summit(id="s", sources=[EV], confidence=0.5, edition=5, unknown_field=1)
    with pytest.raises(ValidationError):
        Ordinance(id="o", sources=[EV], confidence=0.5, name="中小企業基本法")
    Evidence.model_validate(EV, context={"texts": {"s": "条例です"}})
    with pytest.raises(ValidationError):
        Evidence.model_validate(EV, context={"texts": {"s": "法律です"}})


def _doc(text: str, title: str | None = None, uri: str = "file:///t.txt") -> Document:
    import hashlib

    text = normalize_text(text)
    return Document(uri=uri, sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                    title=title, text=text)


def _records(*docs: Document):
    drafts = [document_drafts(d) for d in docs]
    return build_records(list(docs), drafts)


def test_ordinance_header(nlp):
    recs, rejected = _records(_doc("○墨田区中小企業振興基本条例\n昭和54年3月14日\n条例第17号\n(目的)\n第1条 この条例は、"
                                   "区の中小企業の振興について基本となる事項を定める。中小企業基本法(昭和38年法律第154号)によるほか…"))
    assert not rejected
    (o,) = recs
    assert (o["name"], o["municipality"], o["enacted_date"], o["number"]) == (
        "墨田区中小企業振興基本条例", "墨田区", "1979-03-14", "昭和54年3月14日条例第17号")


def test_ordinance_prose_renaming_and_prefecture(nlp):
    text = ("神奈川県の取り組み。2009年県で「中小企業活性化推進条例」、2010年は横浜市で「中小企業振興基本条例」が施行されています。"
            "県の条例を2015年10月、「中小企業・小規模企業活性化推進条例」に改めました。2010年6月「中小企業憲章」が閣議決定された。")
    recs, _ = _records(_doc(text))
    by_place = {r["municipality"]: r for r in recs}
    assert set(by_place) == {"神奈川県", "横浜市"}
    kanagawa = by_place["神奈川県"]
    assert kanagawa["name"] == "中小企業・小規模企業活性化推進条例"
    assert kanagawa["former_names"] == ["中小企業活性化推進条例"]
    assert kanagawa["effective_date"] == "2009" and kanagawa["amended_dates"] == ["2015-10"]
    assert by_place["横浜市"]["effective_date"] == "2010"


def test_agreement_with_abbreviations_and_date(nlp):
    text = ("中小企業基盤整備機構(中小機構)は全国に拠点を持つ。"
            "栗東市は平成29年7月11日(火曜日)、龍谷大学(京都市伏見区)と包括連携協定を結びました。"
            "中小機構は、平成17年6月に荒川区と業務提携を結びました。")
    recs, _ = _records(_doc(text))
    parties = {frozenset(p["name"] for p in r["parties"]): r for r in recs}
    ritto = parties[frozenset({"栗東市", "龍谷大学"})]
    assert (ritto["kind"], ritto["signed_date"]) == ("包括連携協定", "2017-07-11")
    arakawa = parties[frozenset({"中小企業基盤整備機構", "荒川区"})]
    assert arakawa["party_aliases"] == {"中小企業基盤整備機構": ["中小機構"]}
    assert arakawa["signed_date"] == "2005-06" and arakawa["kind"] == "業務提携"


def test_no_agreement_without_signing_or_second_party(nlp):
    # (in one paragraph the second sentence's omitted subject would be the first one's topic, 栗東市)
    recs, _ = _records(_doc("栗東市は連携協定について検討しています。\n龍谷大学と協定を締結しました。"))
    assert not [r for r in recs if r["type"] == "agreement"]


def test_summit_rows_mentions_and_merge_across_documents(nlp):
    listing = _doc("中小企業都市サミット\nサミットの開催状況\n開催年月\t開催都市\tメインテーマ\n"
                   "第5回\t平成16年5月27、28日\t川口市\t新しい中小企業の道標と中小企業都市\n"
                   "第6回\t平成18年10月18、19日\t岡谷市\t地域社会を元気にする中小企業郡像\n"
                   "「第5回川口宣言」の冊子", uri="file:///list.html")
    declaration = _doc("このたび「第５回中小企業都市サミット」での協議を経て、ここ川口に於いて宣言する。",
                       uri="file:///decl.pdf")
    recs, rejected = _records(listing, declaration)
    assert not rejected
    summits = {r["edition"]: r for r in recs if r["type"] == "summit"}
    assert set(summits) == {5, 6}
    fifth = summits[5]
    assert (fifth["series"], fifth["start_date"], fifth["end_date"], fifth["host"], fifth["declaration"]) == (
        "中小企業都市サミット", "2004-05-27", "2004-05-28", "川口市", "川口宣言")
    assert {s["uri"] for s in fifth["sources"]} == {"file:///list.html", "file:///decl.pdf"}
    # the same facts give the same id, whatever the order of documents
    again, _ = _records(declaration, listing)
    assert sorted(r["id"] for r in again) == sorted(r["id"] for r in recs)


def test_single_meeting_page_uses_document_year(nlp):
    text = ("11月28日(金)に四万十市で「第12回友好都市サミットin四万十」を開きました。\n取材・撮影 2014/11/28\n"
            "テーマは「産業振興間連携を活かした特色あるまちづくり」です。"
            "4市町の首長が「サミット共同宣言」に署名しました。")
    recs, _ = _records(_doc(text, title="第12回友好都市サミットin四万十(四万十市)"))
    (s,) = [r for r in recs if r["type"] == "summit"]
    assert (s["series"], s["edition"], s["start_date"], s["host"], s["declaration"]) == (
        "友好都市サミット", 12, "2014-11-28", "四万十市", "サミット共同宣言")
    assert s["theme"] == "産業振興間連携を活かした特色あるまちづくり"


def test_month_day_without_document_year_stays_null(nlp):
    recs, _ = _records(_doc("11月28日に「第12回友好都市サミットin四万十」を開いた。"))
    (s,) = recs
    assert s["start_date"] is None
