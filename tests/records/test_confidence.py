"""The records' confidence (extractors/records/confidence.py): the fitted model loads, gives
probabilities, ranks a record read from structure above one inferred from the page, lowers OCR,
groups rule ids it has never seen, and is what build_records writes. Records here are invented."""
import hashlib
import json

import pytest

from extractors.records.build import build_records, document_drafts
from extractors.records.confidence import (FEATURES, TYPES, ConfidenceModel, features, how_kind, load_model,
                                           read_model, record_confidence, rule_kind, sibling_counts)
from schemas.document import Document


def _ev(field, rule, how=None, start=0, ocr=False, sha="a" * 64):
    return {"uri": "file:///a.txt", "sha256": sha, "page": None, "start": start, "end": start + 4, "quote": "xxxx",
            "rule": rule, "field": field, "how": how, "ocr": ocr}


# An agreement whose every field is read from a structured block and a key–value line...
FROM_ROWS = {"type": "agreement", "parties": ["船橋市", "東西銀行"], "sources": [
    _ev(None, "agreement-table-row", start=0),
    _ev("parties", "agreement-block:締結機関", start=10), _ev("parties", "agreement-block:締結機関", start=20),
    _ev("signed_date", "agreement-date-key-value", start=30), _ev("kind", "agreement-table-row", start=40)]}
# ...and the same facts inferred: a party is the publisher, one a model entity, the date the
# document's, the kind from the title.
INFERRED = {"type": "agreement", "parties": ["船橋市", "東西銀行"], "sources": [
    _ev(None, "agreement-kyotei-sho", start=0),
    _ev("parties", "agreement-publisher", how="publisher", start=10), _ev("parties", "ginza:Company", start=20),
    _ev("signed_date", "agreement-date-document", how="document date", start=30),
    _ev("kind", "agreement-kind", how="kind from the title", start=40)]}
# A summit row against the same summit whose host is the first place named on the page.
SUMMIT_ROW = {"type": "summit", "sources": [_ev(None, "summit-row")] + [
    _ev(f, "summit-row", start=10 * i) for i, f in enumerate(("edition", "start_date", "host", "theme"), 1)]}
SUMMIT_GUESSED = {"type": "summit", "sources": [_ev(None, "summit-edition-series"),
                                                _ev("edition", "summit-edition-series", start=10),
                                                _ev("host", "gpe-municipality", how="first place on the page", start=20)]}


def test_the_package_model_loads_and_names_every_feature():
    model = load_model()
    assert set(model.weights) == set(FEATURES)
    assert "fit_confidence.py" in model.about and "commit" in model.about


@pytest.mark.parametrize("record", [FROM_ROWS, INFERRED, SUMMIT_ROW, SUMMIT_GUESSED,
                                    {"type": "ordinance", "sources": []},
                                    {"type": "agreement", "parties": list("ABCDEFGHIJ" * 10), "sources": [
                                        _ev("parties", f"unknown-rule-{i}", start=i) for i in range(100)]}])
def test_a_probability(record):
    p = record_confidence(record)
    assert 0.0 <= p <= 1.0
    assert p == round(load_model().probability(record), 3)


def test_read_from_structure_is_more_likely_right_than_inferred():
    assert record_confidence(FROM_ROWS) > record_confidence(INFERRED)
    assert record_confidence(SUMMIT_ROW) > record_confidence(SUMMIT_GUESSED)


def test_ocr_lowers_confidence():
    scanned = {**FROM_ROWS, "sources": [{**ev, "ocr": True} for ev in FROM_ROWS["sources"]]}
    assert features(scanned)["ocr"] == 1.0 and features(FROM_ROWS)["ocr"] == 0.0
    assert record_confidence(scanned) < record_confidence(FROM_ROWS)


def test_features_of_a_record():
    f = features(INFERRED)
    assert f["agreement"] == 1.0 and f["summit"] == f["ordinance"] == 0.0
    # three fields of three: parties (half the publisher, half a model entity), a date, a kind
    assert f["fields_agreement"] == 1.0 and f["fields_summit"] == f["fields_ordinance"] == 0.0
    assert f["siblings"] == 0.0  # log2 of one: the only agreement of its document
    assert f["inferred_publisher"] == pytest.approx(1 / 6) and f["read_model"] == pytest.approx(1 / 6)
    assert f["inferred_date"] == pytest.approx(1 / 3) and f["inferred_page"] == pytest.approx(1 / 3)
    assert f["read_row"] == 0.0 and f["parties_beyond_two"] == 0.0
    assert f["sentences"] == 0.0 and f["documents"] == 0.0  # log2 of one
    two_docs = {**FROM_ROWS, "sources": FROM_ROWS["sources"] + [_ev(None, "agreement-kyotei-sho", sha="b" * 64)]}
    assert features(two_docs)["documents"] == 1.0 and features(two_docs)["sentences"] == 1.0
    assert features(FROM_ROWS)["read_row"] == 1.0


@pytest.mark.parametrize("rule, kind", [
    ("summit-row", "row"), ("ordinance-header-date", "row"), ("ordinance-list-heading-date", "row"),
    ("agreement-date-key-value", "row"), ("agreement-block:締結機関", "row"), ("agreement-table-row", "row"),
    ("agr-dep-subject", "parse"), ("agr-dep-partner-of-agreement", "parse"),
    ("agreement-bracket-list", "list"), ("agreement-counted:信用金庫", "list"), ("agreement-shared-ending", "list"),
    ("ginza:City", "model"), ("org-suffix-joined", "pattern"), ("date", "pattern"), (None, "pattern"),
    ("a-rule-added-tomorrow", "pattern"),  # an id it has never seen: the default group
])
def test_rule_kinds(rule, kind):
    assert rule_kind(rule) == kind


@pytest.mark.parametrize("how, kind", [
    ("publisher", "publisher"), ("page owner", "publisher"), ("as the document names it", "publisher"),
    ("year from document date", "date"), ("year and month from document date", "date"), ("document date", "date"),
    ("first place on the page", "page"), ("kind from the title", "page"), ("date of the list's heading", "page"),
    ("series named above the row", "page"),
    ("completed by the gazetteer", "other"), ("alias of 中小機構", "other"), ("an inference added tomorrow", "other"),
])
def test_how_kinds(how, kind):
    assert how_kind(how) == kind


def test_a_broken_model_file_is_a_clear_error(tmp_path):
    path = tmp_path / "confidence.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(RuntimeError, match="cannot be read.*fit_confidence"):
        read_model(path)
    path.write_text(json.dumps({"weights": {"agreement": 1.0, "a_feature_we_dropped": 2.0}}), encoding="utf-8")
    with pytest.raises(RuntimeError, match="a_feature_we_dropped"):
        read_model(path)


def test_build_records_sets_the_model_probability():
    text = "船橋市中小企業振興基本条例\n平成24年3月30日\n条例第5号\n"
    doc = Document(uri="file:///jorei.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                   media_type="text/plain", title="船橋市中小企業振興基本条例", text=text)
    drafts = [document_drafts(doc, use_model=False)]
    (neutral,), _ = build_records([doc], drafts, ConfidenceModel(weights={}, about=""))
    assert neutral["type"] == "ordinance" and neutral["confidence"] == 0.5
    sure = ConfidenceModel(weights={t: 3.0 for t in TYPES}, about="")
    (rec,), _ = build_records([doc], drafts, sure)
    assert rec["confidence"] == 0.953
    (rec,), _ = build_records([doc], drafts)  # the package's model, on the record's evidence
    assert rec["confidence"] == record_confidence(rec)


def test_siblings_count_the_records_of_a_type_from_one_document():
    def ordinance(uri):
        return {"type": "ordinance", "sources": [{**_ev(None, "ordinance-name"), "uri": uri}]}
    records = [ordinance("file:///a.txt"), ordinance("file:///a.txt"), ordinance("file:///b.txt"),
               {**FROM_ROWS}, {"type": "summit", "sources": []}]
    assert sibling_counts(records) == [2, 2, 1, 1, 1]
    assert features(records[0], 4)["siblings"] == 2.0
    # the fitted model weighs a page's many ordinances against each of them
    model = load_model()
    assert model.weights["siblings"] < 0
    assert model.probability(records[0], 8) < model.probability(records[0], 1)


def test_build_records_counts_each_documents_records_for_the_model():
    text = ("船橋市中小企業振興基本条例\n平成24年3月30日\n条例第5号\n\n"
            "船橋市産業振興条例\n平成20年3月28日\n条例第9号\n")
    doc = Document(uri="file:///jorei2.txt", sha256=hashlib.sha256(text.encode()).hexdigest(),
                   media_type="text/plain", title="条例の一覧", text=text)
    drafts = [document_drafts(doc, use_model=False)]
    only_siblings = ConfidenceModel(weights={"siblings": 1.0}, about="")
    records, _ = build_records([doc], drafts, only_siblings)
    assert len(records) == 2
    assert all(r["confidence"] == round(1 / (1 + 2.718281828459045 ** -1.0), 3) for r in records)  # log2(2) = 1
