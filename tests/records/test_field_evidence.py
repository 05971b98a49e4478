"""Evidence per field: each value's span names its field, quotes the characters it came from,
and says `how` when the value was inferred; on invented texts, with the real ja_ginza model.

Each row: (case, title, text, record type, field, value, quote of the field's span, how).
"""
import hashlib

import pytest

from extractors.reading.normalize import normalize_text
from extractors.records.build import build_records, document_drafts
from extractors.records.evaluate import field_evidence
from schemas.document import Document


def _records(text: str, title: str | None = None) -> list[dict]:
    text = normalize_text(text)
    doc = Document(uri="file:///f.txt", sha256=hashlib.sha256(text.encode()).hexdigest(), media_type="text/plain",
                   title=title, text=text)
    records, rejected = build_records([doc], [document_drafts(doc)])
    assert not rejected
    return records


CASES = [
    # read as written: no how
    ("date-as-written", None, "令和2年7月1日、みどり信用金庫と寒川町は、包括連携協定を締結しました。",
     "agreement", "signed_date", "2020-07-01", "令和2年7月1日", None),
    ("kind-in-the-word", None, "令和2年7月1日、みどり信用金庫と寒川町は、包括連携協定書を締結しました。",
     "agreement", "kind", "包括連携協定", "包括連携協定", None),
    # a self-reference and an omitted subject are the publisher
    ("self-reference", "柏市との包括連携協定の締結について(東西銀行)",
     "令和3年1月20日\n当行は、令和3年1月20日、柏市と包括連携協定を締結いたしました。",
     "agreement", "parties", "東西銀行", "当行", "publisher"),
    ("omitted-subject", "東西銀行と連携協定を締結します(船橋市)",
     "地域経済の活性化のため、東西銀行と連携協定を締結します。\n締結式\n 日時 令和6年2月15日(木)午後2時\n 場所 市役所",
     "agreement", "parties", "船橋市", "締結", "publisher"),
    # an alias the document introduces stands for the full name
    ("alias", None,
     "中小企業基盤整備機構(中小機構)は全国に拠点を持つ。中小機構は、平成17年6月に荒川区と業務提携を結びました。",
     "agreement", "parties", "中小企業基盤整備機構", "中小機構", "alias of 中小機構"),
    # a month-day takes its year from the document's own date
    ("year-from-document", "第12回友好都市サミットin四万十(四万十市)",
     "11月28日(金)に四万十市で「第12回友好都市サミットin四万十」を開きました。\n取材・撮影 2014/11/28\n",
     "summit", "start_date", "2014-11-28", "11月28日(金)", "year from document date"),
    ("day-from-document", "協定(みなみ放送)",
     "2021年10月8日\n東西銀行と船橋市は6日、包括連携協定を締結した。",
     "agreement", "signed_date", "2021-10-06", "6日", "year and month from document date"),
    # a host written short, made whole by the gazetteer
    ("host-completed", None, "第6回中小企業都市サミット in 岡谷が開催されました。",
     "summit", "host", "岡谷市", "岡谷", "completed by the gazetteer"),
    ("host-as-written", None, "平成16年5月27日、川口市を会場に第5回中小企業都市サミットが開催されました。",
     "summit", "host", "川口市", "川口市", None),
    ("edition-and-series", None, "平成16年5月27日、川口市を会場に第5回中小企業都市サミットが開催されました。",
     "summit", "series", "中小企業都市サミット", "中小企業都市サミット", None),
    # an ordinance's enacting body from the page's owner, or a prefecture written inside the name
    ("municipality-page-owner", "中小企業振興基本条例(中津市)",
     "○中小企業振興基本条例\n平成23年3月24日\n条例第17号\n(目的)\n第1条 この条例は、",
     "ordinance", "municipality", "中津市", "中小企業振興基本条例", "page owner"),
    ("prefecture-in-name", None, "平成30年4月1日に「ふるさと愛媛の中小企業振興条例」が施行されました。",
     "ordinance", "municipality", "愛媛県", "愛媛", "prefecture in the name"),
    ("ordinance-number", None,
     "○墨田区中小企業振興基本条例\n昭和54年3月14日\n条例第17号\n(目的)\n第1条 この条例は、",
     "ordinance", "number", "昭和54年3月14日条例第17号", "昭和54年3月14日\n条例第17号", None),
]


@pytest.mark.parametrize("case, title, text, typ, field, value, quote, how", CASES, ids=[c[0] for c in CASES])
def test_field_span_quote_and_how(nlp, case, title, text, typ, field, value, quote, how):
    records = [r for r in _records(text, title) if r["type"] == typ]
    def values(r: dict) -> list:
        return [p["name"] if isinstance(p, dict) else p for p in r[field]] if isinstance(r[field], list) else [r[field]]

    rec = next(r for r in records if value in values(r))
    spans = [(ev["quote"], ev["how"]) for ev in rec["sources"] if ev["field"] == field]
    assert (quote, how) in spans, spans
    assert any(ev["field"] is None for ev in rec["sources"])  # the sentence-level span stays
    counts, missing = field_evidence(records)
    assert counts and not missing, missing


def test_a_span_whose_value_the_record_does_not_hold_names_no_field(nlp):
    # the bare 大会 of the mention becomes the page's series: its span keeps the bare word, said in how
    text = "中小企業都市サミット\n平成20年に第7回中小企業都市サミットを開催。第8回大会は平成22年に開かれた。"
    (eighth,) = [r for r in _records(text) if r["type"] == "summit" and r["edition"] == 8]
    series = [(ev["quote"], ev["how"]) for ev in eighth["sources"] if ev["field"] == "series"]
    assert series == [("大会", "the page's series")]
    assert eighth["series"] == "中小企業都市サミット"
